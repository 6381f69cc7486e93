// Shared set-up of bench/memory.ts, bench/llm.ts and bench/telegram.ts: a throw-away database, the app, the machine.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { type App, type AppOptions, startApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';

/** Deletes the keys of this app's queue prefix (other runs share the Redis server). */
export { deleteQueueKeys as cleanRedis } from '../test/support/queue-keys.ts';

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Runs `fn` with the URL of a fresh, empty database (the app migrates it) that is dropped afterwards. */
export async function withBenchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `dialoog_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** The whole app on a random port with its own queue prefix (its keys are removed by `cleanRedis`). */
export async function startBenchApp(
  databaseUrl: string,
  env: Record<string, string>,
  options: AppOptions = {},
): Promise<App> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: `bench_${randomBytes(4).toString('hex')}`,
    DEMO_DATA: '0',
    LOG_LEVEL: 'warn',
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...env,
  });
  return startApp(config, createLogger('warn'), options);
}

/** CPU model, cores, RAM and Node version: the first line of every figure. */
export function machine(): string {
  const cpus = os.cpus();
  const gb = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${cpus.length} cores (${cpus[0]?.model ?? 'unknown CPU'}), ${gb} GB RAM, Node ${process.version}`;
}

/** The one machine-readable line bench/all.ts reads. */
export function emit(bench: string, figures: Record<string, unknown>): void {
  console.log(`BENCH_JSON ${JSON.stringify({ bench, ...figures })}`);
}
