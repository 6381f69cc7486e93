import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Logger } from 'pino';
import { PrismaClient } from '../generated/prisma/client.ts';
import { applyMigrations } from './migrate/migrator.ts';
import { pgExecutor, pgliteExecutor, type SqlExecutor } from './migrate/sql-executor.ts';
import { pgSql, type SqlRunner } from './sql.ts';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../prisma/migrations',
);

/** An open database: the Prisma client plus what the operator tools need. */
export interface Database {
  prisma: PrismaClient;
  kind: 'postgres' | 'pglite';
  /** PostgreSQL only: Prisma's own pg pool, for the statements that run for every message (sql.ts). */
  sql?: SqlRunner;
  /** Round-trip check for /readyz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export class DatabaseError extends Error {
  constructor(
    readonly code: 'DATA_DIR_LOCKED' | 'MIGRATION_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
  log: Logger;
  /** In-memory PGlite (tests of the zero-config path). */
  inMemory?: boolean;
  /**
   * Production (config NODE_ENV): short database errors. Otherwise Prisma records a stack trace
   * on every query to point error messages at the calling line, which costs CPU on every query.
   */
  production?: boolean;
}

/** Opens PostgreSQL (DATABASE_URL) or the embedded PGlite under DATA_DIR, and applies pending migrations. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.log, opts.production);
  return openPglite(opts);
}

async function migrate(exec: SqlExecutor, log: Logger): Promise<void> {
  try {
    const { applied } = await applyMigrations(exec, MIGRATIONS_DIR, (msg) => log.debug({ msg }, 'migration'));
    if (applied.length) log.info({ applied }, 'applied database migrations');
  } catch (err) {
    throw new DatabaseError('MIGRATION_FAILED', `Database migration failed: ${(err as Error).message}`, {
      cause: err,
    });
  } finally {
    await exec.close();
  }
}

async function openPostgres(url: string, log: Logger, production?: boolean): Promise<Database> {
  await migrate(pgExecutor(url), log);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let closing = false;
  // A connection that breaks while idle is dropped by the pool; it must not crash the process.
  pool.on('error', (err) => {
    if (!closing) log.warn({ err: err.message }, 'idle database connection failed');
  });
  const adapter = new PrismaPg(pool);
  const prisma = new PrismaClient({ adapter, errorFormat: production ? 'minimal' : undefined });
  return {
    prisma,
    kind: 'postgres',
    sql: pgSql(pool),
    ping: () => ping(prisma),
    async close() {
      if (closing) return;
      closing = true;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  let release = () => {};
  let pglite: PGlite;
  if (opts.inMemory) {
    pglite = new PGlite();
  } else {
    const dir = path.resolve(opts.dataDir);
    mkdirSync(dir, { recursive: true });
    release = lockDataDir(dir);
    opts.log.info('opening the embedded database (the first start takes a few seconds)');
    pglite = new PGlite(path.join(dir, 'pglite'));
  }
  try {
    await pglite.waitReady;
    await migrate(pgliteExecutor(pglite), opts.log);
    // PGlite learns array types (e.g. Role[]) when it opens; types the migrations just created
    // must be loaded now, or the first queries on them fail with "malformed array literal".
    await pglite.refreshArrayTypes();
  } catch (err) {
    release();
    throw err;
  }
  const prisma = new PrismaClient({
    adapter: new PrismaPGlite(pglite),
    errorFormat: opts.production ? 'minimal' : undefined,
  });
  return {
    prisma,
    kind: 'pglite',
    ping: () => ping(prisma),
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
      release();
    },
  };
}

async function ping(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.$queryRawUnsafe('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite has no multi-process locking: two processes on one directory lose writes silently.
 * A lock file with our pid refuses a second process; a lock left by a dead process is taken over.
 */
function lockDataDir(dir: string): () => void {
  const lockPath = path.join(dir, 'dialoogbot.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (pid && isAlive(pid)) {
        throw new DatabaseError(
          'DATA_DIR_LOCKED',
          `The embedded database in ${dir} is in use by another process (pid ${pid}). Stop that process first, or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseError('DATA_DIR_LOCKED', `Could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
