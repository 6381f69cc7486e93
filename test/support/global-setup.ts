import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { MIGRATIONS_DIR } from '../../src/db/database.ts';
import { applyMigrations } from '../../src/db/migrate/migrator.ts';
import { pgExecutor } from '../../src/db/migrate/sql-executor.ts';
import { describeLeaks, LOG_CAPTURE_ENV, scanCapturedLogs } from './log-leaks.ts';

export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * Each test run gets its own databases on the machine's PostgreSQL: a template with the migrations
 * applied once, cloned per test file (fast), all dropped at the end.
 */
export default async function setup(project: TestProject) {
  const run = `dialoog_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const template = `${run}_tpl`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  const exec = pgExecutor(withDatabase(ADMIN_URL, template));
  await applyMigrations(exec, MIGRATIONS_DIR);
  await exec.close();
  project.provide('testRun', run);
  project.provide('templateDb', template);
  // Every log line of every app this run starts (workers and child processes inherit the variable).
  const logDir = join(tmpdir(), `${run}_logs`);
  mkdirSync(logDir, { recursive: true });
  process.env[LOG_CAPTURE_ENV] = logDir;

  return async () => {
    const leaks = scanCapturedLogs(logDir);
    rmSync(logDir, { recursive: true, force: true });
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    const { rows } = await c.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${run}%`],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await c.end();
    if (leaks.findings.length > 0) {
      process.exitCode = 1;
      throw new Error(describeLeaks(leaks).join('\n'));
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    testRun: string;
    templateDb: string;
  }
}
