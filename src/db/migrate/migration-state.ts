// The migration history and lock in PostgreSQL, shared by ./migrator.ts: the advisory lock Prisma's
// engine also takes, the `_prisma_migrations` rows, and the errors named after Prisma's codes.
import type { SqlExecutor } from './sql-executor.ts';

/** Same key as Prisma's native engine, so our migrator and `prisma migrate deploy` exclude each other. */
export const MIGRATION_ADVISORY_LOCK_KEY = 72707369;

export type MigrationErrorCode =
  | 'P3005' // database not empty but has no migration history (needs baselining)
  | 'P3009' // a previously failed migration blocks
  | 'P3018' // a migration failed now
  | 'EDITED_MIGRATION' // an applied migration's file was changed
  | 'MISSING_MIGRATION_FILE'
  | 'LOCK_TIMEOUT';

export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    readonly migrationNames: string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

export async function acquireLock(
  exec: SqlExecutor,
  timeoutMs: number,
  log: (msg: string) => void,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let warned = false;
  for (;;) {
    const [row] = await exec.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      MIGRATION_ADVISORY_LOCK_KEY,
    ]);
    if (row?.locked) return;
    if (Date.now() >= deadline) {
      throw new MigrationError(
        'LOCK_TIMEOUT',
        `Timed out after ${timeoutMs} ms waiting for the migration lock ` +
          `(pg_advisory_lock(${MIGRATION_ADVISORY_LOCK_KEY})): another process is migrating this database.`,
      );
    }
    if (!warned) {
      log('Another process is applying migrations to this database; waiting for it to finish…');
      warned = true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function releaseLock(exec: SqlExecutor): Promise<void> {
  await exec.query('SELECT pg_advisory_unlock($1)', [MIGRATION_ADVISORY_LOCK_KEY]).catch(() => {});
}

export async function historyTableExists(exec: SqlExecutor): Promise<boolean> {
  const [row] = await exec.query<{ present: boolean }>(
    "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present",
  );
  return row?.present === true;
}

/** Tables, views, sequences or enums in the current schema (what Prisma's P3005 check looks at). */
export async function schemaIsEmpty(exec: SqlExecutor): Promise<boolean> {
  const [row] = await exec.query<{ n: number }>(
    `SELECT (
       (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relkind IN ('r','p','v','m','f','S'))
     + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = current_schema() AND t.typtype = 'e')
     )::int AS n`,
  );
  return (row?.n ?? 0) === 0;
}

export async function readHistory(exec: SqlExecutor): Promise<MigrationRow[]> {
  if (!(await historyTableExists(exec))) return [];
  return exec.query<MigrationRow>(
    `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM _prisma_migrations ORDER BY started_at ASC, migration_name ASC`,
  );
}
