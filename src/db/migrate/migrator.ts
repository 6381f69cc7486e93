// Applies prisma/migrations/<name>/migration.sql in order and records them in `_prisma_migrations`
// exactly as Prisma's `migrate deploy` does (same table, same columns, sha256 checksums), so the
// same folder and database can later be handled by the Prisma CLI with its native engine.
//
// Differences from the native engine, all on the safe side:
// - each migration runs in a transaction together with its `_prisma_migrations` row, so a failure
//   leaves the schema unchanged (the failure is still recorded, and blocks, like Prisma's P3009);
// - an applied migration whose file changed afterwards is refused (deploy would ignore it).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  acquireLock,
  historyTableExists,
  MigrationError,
  type MigrationRow,
  readHistory,
  releaseLock,
  schemaIsEmpty,
} from './migration-state.ts';
import type { SqlExecutor } from './sql-executor.ts';

export {
  MIGRATION_ADVISORY_LOCK_KEY,
  MigrationError,
  type MigrationErrorCode,
  type MigrationRow,
  readHistory,
} from './migration-state.ts';

/** The DDL Prisma's schema engine uses for PostgreSQL (copied from the engine, byte for byte). */
export const PRISMA_MIGRATIONS_TABLE_DDL = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export interface LocalMigration {
  name: string;
  /** Absolute path of migration.sql. */
  file: string;
  script: string;
  /** sha256 hex of the file bytes, as Prisma writes it. */
  checksum: string;
}

export interface ApplyOptions {
  /** How long to wait for another process holding the migration lock (default 60 s). */
  lockTimeoutMs?: number;
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/**
 * Prisma accepts a checksum computed with either line ending (git's autocrlf); so do we.
 */
export function checksumMatches(script: Buffer | string, checksum: string): boolean {
  const text = typeof script === 'string' ? script : script.toString('utf8');
  const expected = checksum.toLowerCase();
  if (sha256(script) === expected) return true;
  const lf = text.replace(/\r\n/g, '\n');
  return sha256(lf) === expected || sha256(lf.replace(/\n/g, '\r\n')) === expected;
}

/** Migration folders (sorted by name, like the engine), each with its migration.sql. */
export async function readMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  if (!existsSync(migrationsDir)) return [];
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const out: LocalMigration[] = [];
  for (const name of dirs) {
    const file = path.join(migrationsDir, name, 'migration.sql');
    if (!existsSync(file)) {
      throw new MigrationError(
        'MISSING_MIGRATION_FILE',
        `Migration folder \`${name}\` has no migration.sql (${file}). Remove the folder or restore the file.`,
        [name],
      );
    }
    const bytes = await readFile(file);
    out.push({ name, file, script: bytes.toString('utf8'), checksum: sha256(bytes) });
  }
  return out;
}

/**
 * Prisma wraps enum rewrites in `BEGIN;` … `COMMIT;` lines. Inside our per-migration transaction
 * that COMMIT would end it early (and the rest would run unprotected), so such lines become
 * comments: our transaction covers them. Scripts with dollar-quoted bodies are left alone (a
 * `COMMIT;` line there may belong to a procedure); see the "partially applied" handling below.
 */
export function withoutTransactionControl(script: string): string {
  if (/\$[A-Za-z0-9_]*\$/.test(script)) return script;
  return script.replace(
    /^[ \t]*(BEGIN|COMMIT|START TRANSACTION)[ \t]*;[ \t]*$/gim,
    (line) => `-- ${line.trim()} (covered by the migrator's transaction)`,
  );
}

function errorText(e: unknown): string {
  if (e instanceof Error) {
    const pgErr = e as Error & { code?: string; position?: string; detail?: string };
    const parts = [pgErr.message];
    if (pgErr.code) parts.push(`SQLSTATE ${pgErr.code}`);
    if (pgErr.detail) parts.push(`detail: ${pgErr.detail}`);
    if (pgErr.position) parts.push(`at character ${pgErr.position}`);
    return parts.join('; ');
  }
  return String(e);
}

/**
 * Applies every migration of `migrationsDir` not yet recorded as applied. Safe to call at every
 * start: a second run applies nothing. Holds a PostgreSQL advisory lock meanwhile.
 */
export async function applyMigrations(
  exec: SqlExecutor,
  migrationsDir: string,
  log: (msg: string) => void = () => {},
  opts: ApplyOptions = {},
): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(migrationsDir);
  await acquireLock(exec, opts.lockTimeoutMs ?? 60_000, log);
  try {
    if (!(await historyTableExists(exec))) {
      if (!(await schemaIsEmpty(exec))) {
        throw new MigrationError(
          'P3005',
          'The database schema is not empty but has no migration history (_prisma_migrations). ' +
            'Refusing to apply migrations on top of it; baseline it first ' +
            '(https://pris.ly/d/migrate-baseline), or use an empty database.',
        );
      }
      await exec.exec(PRISMA_MIGRATIONS_TABLE_DDL);
    }
    const rows = await readHistory(exec);

    const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed.length > 0) {
      const names = failed.map((r) => r.migration_name);
      const first = failed[0] as MigrationRow;
      throw new MigrationError(
        'P3009',
        `Found failed migration(s) in the target database: ${names.map((n) => `\`${n}\``).join(', ')} ` +
          `(started at ${new Date(first.started_at).toISOString()}). New migrations will not be applied ` +
          'until it is resolved. Check the database by hand, fix what is needed, then mark it rolled back ' +
          `(markMigrationRolledBack(exec, '${first.migration_name}') or \`prisma migrate resolve --rolled-back ` +
          `${first.migration_name}\`) so it is retried, or as applied. Recorded logs: ${first.logs ?? '(none)'}`,
        names,
      );
    }

    const applied = new Map<string, MigrationRow>();
    for (const r of rows)
      if (r.finished_at !== null && r.rolled_back_at === null) applied.set(r.migration_name, r);

    const edited: string[] = [];
    for (const m of migrations) {
      const row = applied.get(m.name);
      if (row && !checksumMatches(await readFile(m.file), row.checksum)) edited.push(m.name);
    }
    if (edited.length > 0) {
      throw new MigrationError(
        'EDITED_MIGRATION',
        `Migration(s) ${edited.map((n) => `\`${n}\``).join(', ')} were modified after they were applied to ` +
          'this database (checksum mismatch). Applied migrations must never change: restore the original ' +
          'migration.sql and put the change in a new migration.',
        edited,
      );
    }

    const local = new Set(migrations.map((m) => m.name));
    const unknown = [...applied.keys()].filter((n) => !local.has(n));
    if (unknown.length > 0) {
      log(
        `Warning: the database has migration(s) missing from ${migrationsDir}: ${unknown.join(', ')} ` +
          '(is this an older version of the code?).',
      );
    }

    const pending = migrations.filter((m) => !applied.has(m.name));
    if (pending.length === 0) {
      log('No pending migrations to apply.');
      return { applied: [] };
    }
    log(`${pending.length} migration(s) to apply.`);
    const done: string[] = [];
    for (const m of pending) {
      await applyOne(exec, m, log);
      done.push(m.name);
    }
    log(`Applied ${done.length} migration(s): ${done.join(', ')}`);
    return { applied: done };
  } finally {
    await releaseLock(exec);
  }
}

async function applyOne(exec: SqlExecutor, m: LocalMigration, log: (msg: string) => void): Promise<void> {
  const started = Date.now();
  const id = randomUUID();
  await exec.exec('BEGIN');
  try {
    await exec.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, m.checksum, m.name],
    );
    // The whole file as ONE query, like the native engine (no splitting on ';').
    await exec.exec(withoutTransactionControl(m.script));
    await exec.query(
      `UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await exec.exec('COMMIT');
  } catch (e) {
    await exec.exec('ROLLBACK').catch(() => {});
    const text = errorText(e);
    // If the script has its own COMMIT (Prisma writes BEGIN/COMMIT around enum rewrites), our row
    // may already be committed and part of the script applied.
    const [survivor] = await exec
      .query<{ id: string }>('SELECT id FROM _prisma_migrations WHERE id = $1', [id])
      .catch(() => [] as { id: string }[]);
    const partial = survivor !== undefined;
    const outcome = partial
      ? 'The script contains its own transaction control, so it may be PARTIALLY applied: check the database.'
      : 'Its transaction was rolled back, so the database is unchanged.';
    const logs = `Migration failed. ${outcome}\n\nDatabase error:\n${text}`;
    // Record the failure as Prisma does (finished_at NULL): it blocks later runs until resolved.
    await (partial
      ? exec.query('UPDATE _prisma_migrations SET logs = $2 WHERE id = $1', [id, logs])
      : exec.query(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count, logs)
             VALUES ($1, $2, $3, now(), 0, $4)`,
          [id, m.checksum, m.name, logs],
        )
    ).catch(() => {});
    const next = partial
      ? 'Once the database is repaired, mark it rolled back'
      : `Fix ${m.file} (it was never applied, so editing it is fine), then mark it rolled back`;
    throw new MigrationError(
      'P3018',
      `Migration \`${m.name}\` failed to apply. ${outcome} Error: ${text}. ${next} ` +
        `(markMigrationRolledBack(exec, '${m.name}') or \`prisma migrate resolve --rolled-back ${m.name}\`) ` +
        'and run the migrations again.',
      [m.name],
      { cause: e },
    );
  }
  log(`Applied migration \`${m.name}\` in ${Date.now() - started} ms`);
}

/**
 * Marks a failed migration as rolled back (what `prisma migrate resolve --rolled-back <name>` does):
 * the row stays as an audit trail, and the migration is retried by the next run.
 */
export async function markMigrationRolledBack(exec: SqlExecutor, name: string): Promise<boolean> {
  const rows = await exec.query<{ id: string }>(
    `UPDATE _prisma_migrations SET rolled_back_at = now()
      WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL RETURNING id`,
    [name],
  );
  return rows.length > 0;
}
