// Migrations without the native schema engine: drift, Prisma-compatible history rows, refusal of
// edited/failed migrations, the advisory lock, and PGlite. Needs PostgreSQL (TEST_POSTGRES_URL,
// default postgresql://postgres@127.0.0.1:5432/postgres); creates and drops its own databases.
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDrift, destructiveChangeWarnings, migrateDatabase } from '../../src/db/migrate/commands.ts';
import {
  applyMigrations,
  MIGRATION_ADVISORY_LOCK_KEY,
  MigrationError,
  markMigrationRolledBack,
  readMigrations,
  withoutTransactionControl,
} from '../../src/db/migrate/migrator.ts';
import { pgExecutor, pgliteExecutor, type SqlExecutor } from '../../src/db/migrate/sql-executor.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const migrationsDir = path.join(root, 'prisma', 'migrations');
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const suffix = `${process.pid}_${Date.now()}`;
const dbName = `mig_tmp_test_${suffix}`;
const createdDbs: string[] = [];

const urlFor = (db: string): string => {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  return u.toString();
};
const sha256File = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

let admin: pg.Client;
const executors: SqlExecutor[] = [];
const executor = (db: string): SqlExecutor => {
  const e = pgExecutor(urlFor(db));
  executors.push(e);
  return e;
};
async function createDb(name: string): Promise<void> {
  await admin.query(`CREATE DATABASE "${name}"`);
  createdDbs.push(name);
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await createDb(dbName);
});

afterAll(async () => {
  await Promise.all(executors.map((e) => e.close()));
  for (const db of createdDbs) await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  await admin.end();
});

describe('migrations without the native schema engine', () => {
  it('the migrations folder produces exactly schema.prisma (no drift)', async () => {
    const local = await readMigrations(migrationsDir);
    expect(local.length).toBeGreaterThan(0);
    expect(await readFile(path.join(migrationsDir, 'migration_lock.toml'), 'utf8')).toContain(
      'provider = "postgresql"',
    );
    expect(await checkDrift({ root })).toEqual({ drift: false });
  }, 30_000);

  it('applies on PostgreSQL once, under a lock, with Prisma-shaped history rows', async () => {
    const local = await readMigrations(migrationsDir);
    const names = local.map((m) => m.name);
    // Another session holds the migration lock (as a concurrent `migrate deploy` would): we wait.
    const holder = executor(dbName);
    await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_ADVISORY_LOCK_KEY]);
    const timedOut = await applyMigrations(executor(dbName), migrationsDir, () => {}, {
      lockTimeoutMs: 300,
    }).catch((e: unknown) => e);
    expect((timedOut as MigrationError).code).toBe('LOCK_TIMEOUT');
    const logs: string[] = [];
    let settled = false;
    const waiting = migrateDatabase(executor(dbName), { root, log: (m) => logs.push(m) }).finally(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 400));
    expect(settled).toBe(false);
    expect(logs.join('\n')).toMatch(/Another process is applying migrations/);
    // Two more runs queue up behind it; exactly one of the three applies everything.
    const others = [migrateDatabase(executor(dbName), { root }), migrateDatabase(executor(dbName), { root })];
    await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_ADVISORY_LOCK_KEY]);
    const results = await Promise.all([waiting, ...others]);
    expect(results.flatMap((r) => r.applied)).toEqual(names);
    expect(await migrateDatabase(executor(dbName), { root })).toEqual({ applied: [] });

    const exec = executor(dbName);
    const columns = await exec.query<Record<string, unknown>>(
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    // The table Prisma's schema engine creates on PostgreSQL.
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', len: 36, is_nullable: 'NO', column_default: null },
      {
        column_name: 'checksum',
        data_type: 'character varying',
        len: 64,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'finished_at',
        data_type: 'timestamp with time zone',
        len: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'migration_name',
        data_type: 'character varying',
        len: 255,
        is_nullable: 'NO',
        column_default: null,
      },
      { column_name: 'logs', data_type: 'text', len: null, is_nullable: 'YES', column_default: null },
      {
        column_name: 'rolled_back_at',
        data_type: 'timestamp with time zone',
        len: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'started_at',
        data_type: 'timestamp with time zone',
        len: null,
        is_nullable: 'NO',
        column_default: 'now()',
      },
      {
        column_name: 'applied_steps_count',
        data_type: 'integer',
        len: null,
        is_nullable: 'NO',
        column_default: '0',
      },
    ]);

    const rows = await exec.query<{
      id: string;
      checksum: string;
      migration_name: string;
      started_at: Date;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      logs: string | null;
      applied_steps_count: number;
    }>('SELECT * FROM _prisma_migrations ORDER BY started_at');
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const [i, r] of rows.entries()) {
      const m = local[i];
      if (!m) throw new Error('unreachable');
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.checksum).toBe(await sha256File(m.file));
      expect(r.finished_at).toBeInstanceOf(Date);
      expect((r.finished_at as Date).getTime()).toBeGreaterThanOrEqual(r.started_at.getTime());
      expect(r.rolled_back_at).toBeNull();
      expect(r.logs).toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
    // The schema is really there.
    const [person] = await exec.query<{ n: number }>('SELECT count(*)::int AS n FROM "Person"');
    expect(person?.n).toBe(0);
  }, 20_000);

  it('refuses an applied migration whose file changed (checksum mismatch), naming it', async () => {
    const exec = executor(dbName);
    const [row] = await exec.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM _prisma_migrations ORDER BY started_at LIMIT 1',
    );
    if (!row) throw new Error('no history row');
    await exec.query('UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2', [
      'f'.repeat(64),
      row.migration_name,
    ]);
    try {
      const err = await applyMigrations(exec, migrationsDir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MigrationError);
      expect((err as MigrationError).code).toBe('EDITED_MIGRATION');
      expect((err as MigrationError).migrationNames).toEqual([row.migration_name]);
      expect((err as Error).message).toContain(row.migration_name);
      expect((err as Error).message).toMatch(/modified after they were applied/);
    } finally {
      await exec.query('UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2', [
        row.checksum,
        row.migration_name,
      ]);
    }
    expect(await applyMigrations(exec, migrationsDir)).toEqual({ applied: [] });
  }, 10_000);

  it('rolls back a failing migration, records it, and blocks (P3009) until marked rolled back', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mig-test-'));
    try {
      await cp(migrationsDir, dir, { recursive: true });
      const broken = path.join(dir, '99990101000000_broken');
      await mkdir(broken);
      // Prisma-style BEGIN/COMMIT lines must not break the atomicity of the migration.
      const brokenSql = "BEGIN;\nCREATE TABLE probe (v text DEFAULT ';');\nCOMMIT;\nSELECT 1/0;\n";
      await writeFile(path.join(broken, 'migration.sql'), brokenSql);
      const exec = executor(dbName);

      const first = await applyMigrations(exec, dir).catch((e: unknown) => e);
      expect((first as MigrationError).code).toBe('P3018');
      expect((first as Error).message).toMatch(/99990101000000_broken.*division by zero/s);
      const [probe] = await exec.query<{ t: string | null }>("SELECT to_regclass('probe')::text AS t");
      expect(probe?.t).toBeNull(); // rolled back as a whole
      const failedRows = await exec.query<{ finished_at: Date | null; logs: string }>(
        "SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = '99990101000000_broken'",
      );
      expect(failedRows).toHaveLength(1);
      expect(failedRows[0]?.finished_at).toBeNull();
      expect(failedRows[0]?.logs).toMatch(/division by zero/);

      const second = await applyMigrations(exec, dir).catch((e: unknown) => e);
      expect((second as MigrationError).code).toBe('P3009');
      expect((second as Error).message).toContain('`99990101000000_broken`');

      expect(await markMigrationRolledBack(exec, '99990101000000_broken')).toBe(true);
      await writeFile(path.join(broken, 'migration.sql'), brokenSql.replace('SELECT 1/0;', 'SELECT 1;'));
      expect(await applyMigrations(exec, dir)).toEqual({ applied: ['99990101000000_broken'] });
      const [after] = await exec.query<{ t: string | null }>("SELECT to_regclass('probe')::text AS t");
      expect(after?.t).toBe('probe');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 10_000);

  it('refuses a non-empty database without migration history (P3005)', async () => {
    const other = `mig_tmp_test_nonempty_${suffix}`;
    await createDb(other);
    const exec = executor(other);
    await exec.exec('CREATE TABLE legacy (id int)');
    const err = await applyMigrations(exec, migrationsDir).catch((e: unknown) => e);
    expect((err as MigrationError).code).toBe('P3005');
  }, 10_000);

  it('applies the same migrations to an in-memory PGlite', async () => {
    const db = await PGlite.create('memory://');
    try {
      const exec = pgliteExecutor(db);
      const local = await readMigrations(migrationsDir);
      expect(await applyMigrations(exec, migrationsDir)).toEqual({ applied: local.map((m) => m.name) });
      expect(await applyMigrations(exec, migrationsDir)).toEqual({ applied: [] });
      const rows = await exec.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY started_at',
      );
      expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(local.map((m) => [m.name, m.checksum]));
      await exec.query(`INSERT INTO "Person" (id, "displayName", "updatedAt") VALUES ('p1', 'Ada', now())`);
      const [p] = await exec.query<{ locale: string }>(`SELECT locale FROM "Person" WHERE id = 'p1'`);
      expect(p?.locale).toBe('nl');
    } finally {
      await db.close();
    }
  }, 30_000);
});

describe('helpers', () => {
  it('comments out BEGIN;/COMMIT; lines, except in dollar-quoted scripts', () => {
    expect(withoutTransactionControl('BEGIN;\nSELECT 1;\n  commit ;\n')).toBe(
      "-- BEGIN; (covered by the migrator's transaction)\nSELECT 1;\n-- commit ; (covered by the migrator's transaction)\n",
    );
    const fn = 'CREATE PROCEDURE p() LANGUAGE plpgsql AS $$\nBEGIN\nCOMMIT;\nEND $$;\n';
    expect(withoutTransactionControl(fn)).toBe(fn);
  });

  it('warns about destructive steps on existing tables only', () => {
    const sql = [
      '-- CreateTable',
      'CREATE TABLE "New" ("id" TEXT NOT NULL);',
      'CREATE UNIQUE INDEX "New_id_key" ON "New"("id");',
      '-- AlterTable',
      'ALTER TABLE "Person" DROP COLUMN "locale",',
      'ADD COLUMN     "pronouns" TEXT NOT NULL,',
      'ADD COLUMN     "nick" TEXT NOT NULL DEFAULT \'x\';',
      'DROP TABLE "Old";',
      'CREATE UNIQUE INDEX "Organisation_wijk_key" ON "Organisation"("wijk");',
    ].join('\n');
    const w = destructiveChangeWarnings(sql);
    expect(w).toHaveLength(4);
    expect(w.join('\n')).toMatch(/drop the column `locale` on the `Person` table/);
    expect(w.join('\n')).toMatch(/required column `pronouns`/);
    expect(w.join('\n')).toMatch(/drop the `Old` table/);
    expect(w.join('\n')).toMatch(
      /unique constraint covering the columns \["wijk"\] on the table `Organisation`/,
    );
  });
});
