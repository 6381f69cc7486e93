import { startApp } from './app.ts';
import { loadConfig } from './config.ts';
import { PortInUseError } from './http/port-in-use.ts';
import { createLogger } from './logger.ts';

// Composition root: config → logger → app; signals → graceful shutdown.
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const log = createLogger(config.LOG_LEVEL);

try {
  const app = await startApp(config, log);
  if (app.localAdapter) {
    // The address it listens on, as the README gives it (127.0.0.1: "localhost" may resolve to ::1,
    // where nothing listens). Only a listen on every interface is shown as a name one can open.
    const url = app.url.replace(/\/\/(?:0\.0\.0\.0|\[::\])(?=:)/, '//localhost');
    log.info({ url }, 'local web chat is on');
    // A plain line for people, next to the JSON logs for machines.
    if (process.stdout.isTTY) console.log(`\n  Dialoogbot is running: open ${url} in your browser.\n`);
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (err) {
  const e = err as { code?: string; message: string };
  log.fatal({ code: e.code }, e.message);
  if (err instanceof PortInUseError && process.stderr.isTTY) console.error(`\n  ${e.message}\n`);
  if (e.message.includes('ECONNREFUSED') && e.message.includes('6379')) {
    log.fatal('Redis is not reachable. Start it (redis-server) or set REDIS_URL.');
  }
  process.exit(1);
}
