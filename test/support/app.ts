import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type App, type AppOptions, startApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { ADMIN_URL, withDatabase } from './global-setup.ts';

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<string> {
  const name = `${inject('testRun')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('templateDb')}"`);
  await admin.end();
  return withDatabase(ADMIN_URL, name);
}

export interface TestAppOptions extends AppOptions {
  env?: Record<string, string>;
  databaseUrl?: string | null;
  /** Collects every log line (to assert that no personal data is logged). */
  logLines?: string[];
}

/** Starts the whole app on a random port with its own database and BullMQ prefix. */
export async function startTestApp(opts: TestAppOptions = {}): Promise<App> {
  const databaseUrl =
    opts.databaseUrl === null ? undefined : (opts.databaseUrl ?? (await createTestDatabase()));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    QUEUE_PREFIX: `t_${randomBytes(4).toString('hex')}`,
    LOCAL_CHAT: '1',
    DEMO_DATA: '1',
    LOG_LEVEL: 'info',
    // Midday on the real clock (vitest.config.ts), unless a test pins its own zone.
    ...(process.env.APP_TIMEZONE ? { APP_TIMEZONE: process.env.APP_TIMEZONE } : {}),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...opts.env,
  });
  const lines = opts.logLines;
  const log = createLogger('info', { write: (line: string) => void lines?.push(line) });
  return startApp(config, log, opts);
}
