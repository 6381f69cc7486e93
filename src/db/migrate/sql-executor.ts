// A deliberately tiny SQL interface so the migrator runs the same way on PostgreSQL (node-pg) and on
// PGlite (PostgreSQL compiled to WebAssembly). Both implementations talk over ONE session, so
// BEGIN/COMMIT issued as separate calls and session-level advisory locks behave as expected.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface SqlExecutor {
  /** One statement, optional $1… parameters; rows as objects keyed by column name. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script as ONE call (simple query protocol: no parameters). */
  exec(script: string): Promise<void>;
  /** Releases the connection. For PGlite see `pgliteExecutor`'s `closeDb` option. */
  close(): Promise<void>;
}

/**
 * One dedicated PostgreSQL connection (a `pg.Client`, not a pool: the migrator needs its
 * transaction and its advisory lock on the same session). Connects lazily on first use.
 */
export function pgExecutor(connectionString: string): SqlExecutor {
  const client = new pg.Client({ connectionString });
  // An idle client whose server goes away emits 'error'; without a listener that kills the process.
  client.on('error', () => {});
  let connecting: Promise<void> | null = null;
  let closed = false;
  const ready = (): Promise<void> => {
    if (closed) return Promise.reject(new Error('pgExecutor: already closed'));
    connecting ??= client.connect().then(() => undefined);
    return connecting;
  };
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      await ready();
      const res = await client.query(sql, params as unknown[] | undefined);
      return res.rows as T[];
    },
    async exec(script: string): Promise<void> {
      await ready();
      // No values => node-pg uses the simple query protocol, which accepts several statements.
      await client.query(script);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      if (connecting) {
        await connecting.catch(() => {});
        await client.end().catch(() => {});
      }
    },
  };
}

/**
 * Executor over an existing PGlite instance (PGlite is single-session by nature).
 * `close()` leaves the database open unless `closeDb: true`: whoever created it closes it.
 */
export function pgliteExecutor(db: PGlite, opts: { closeDb?: boolean } = {}): SqlExecutor {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      const res = await db.query<T>(sql, params as unknown[] | undefined);
      return res.rows;
    },
    async exec(script: string): Promise<void> {
      await db.exec(script);
    },
    async close(): Promise<void> {
      if (opts.closeDb && !db.closed) await db.close();
    },
  };
}
