import type pg from 'pg';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

/**
 * A fixed SQL text with `$1…$n` parameters. Its name makes PostgreSQL keep it prepared per
 * connection (parsed and planned once), so the name must always go with the same text.
 */
export interface Statement {
  name: string;
  text: string;
}

/** Runs statements: either on the pg pool directly, or through Prisma (inside its transactions). */
export interface SqlRunner {
  query<R>(statement: Statement, values: unknown[]): Promise<R[]>;
  /** pg pool only: runs `fn` in a transaction on one connection (BEGIN … COMMIT, ROLLBACK on error). */
  transaction?<T>(fn: (sql: SqlRunner) => Promise<T>): Promise<T>;
}

/**
 * Statements on the pg pool Prisma itself uses, for the few that run for every message (storing an
 * update, the conversation step, delivery). Prisma's request pipeline costs ~0.2–0.4 ms of CPU per
 * statement in this process, a prepared statement on the pool ~0.05 ms; the statements and the
 * tables stay the same (Prisma's schema and migrations), only the path to PostgreSQL is shorter.
 */
export function pgSql(pool: pg.Pool): SqlRunner {
  return {
    async query<R>(statement: Statement, values: unknown[]): Promise<R[]> {
      const result = await pool.query({ name: statement.name, text: statement.text, values });
      return result.rows as R[];
    },
    async transaction<T>(fn: (sql: SqlRunner) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const out = await fn({
          async query<R>(statement: Statement, values: unknown[]): Promise<R[]> {
            const result = await client.query({ name: statement.name, text: statement.text, values });
            return result.rows as R[];
          },
        });
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw err;
      } finally {
        // A connection that could not even roll back is closed rather than reused.
        client.release(broken);
      }
    },
  };
}

/** The same statements through Prisma (its transaction client or the client itself). */
export function prismaSql(prisma: Prisma.TransactionClient | PrismaClient): SqlRunner {
  return {
    query: <R>(statement: Statement, values: unknown[]) =>
      prisma.$queryRawUnsafe<R[]>(statement.text, ...values),
  };
}
