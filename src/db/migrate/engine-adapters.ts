// Driver adapters for Prisma's wasm schema engine (./schema-engine.ts), with the workarounds for
// the adapters' defects listed there (1–4): `"char"` columns, a real shadow database, scripts
// sent whole and awaited.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

// ---------------------------------------------------------------------------------------------
// Driver adapter factories with the workarounds

// biome-ignore lint/suspicious/noExplicitAny: patching untyped internals of the adapters
export type Loose = any;

const CHAR_OID = 18;
const TEXT_OID = 25;

/** Workaround 1: make `"char"` columns look like text to @prisma/adapter-pg. */
function patchCharColumns(queryable: Loose): void {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query: unknown) => {
    const res = await performIO(query);
    for (const f of res?.fields ?? []) if (f.dataTypeID === CHAR_OID) f.dataTypeID = TEXT_OID;
    return res;
  };
}

function patchPgAdapter(adapter: Loose): Loose {
  patchCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args: unknown[]) => {
    const tx = await startTransaction(...args);
    patchCharColumns(tx);
    return tx;
  };
  // Workaround 3: the whole script as one simple-protocol query (atomic, `;` in strings is fine).
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.client.query(script);
    } catch (e) {
      adapter.onError(e);
    }
  };
  return adapter;
}

function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Migration-aware adapter factory for PostgreSQL via node-pg, with workarounds 1–3. */
export function pgMigrationAdapterFactory(connectionString: string): Loose {
  const inner = new PrismaPg({ connectionString });
  return {
    provider: 'postgres',
    adapterName: inner.adapterName,
    async connect() {
      return patchPgAdapter(await inner.connect());
    },
    // Workaround 2: a genuinely separate, throwaway shadow database.
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${crypto.randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      const shadow = patchPgAdapter(
        await new PrismaPg({ connectionString: withDatabase(connectionString, name) }).connect(),
      );
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        const admin2 = new pg.Client({ connectionString });
        await admin2.connect();
        try {
          await admin2.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await admin2.end();
        }
      };
      return shadow;
    },
  };
}

function patchPgliteAdapter(adapter: Loose): Loose {
  // Workaround 4: await the script so a failure is reported as one.
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.client.exec(script);
    } catch (e) {
      adapter.onError(e);
    }
  };
  return adapter;
}

/**
 * Migration-aware adapter factory for PGlite, with workaround 4. The caller owns the database
 * returned by `getDb` (called when the engine starts). The shadow database is a fresh in-memory
 * PGlite, closed when the engine disposes of it (the adapter's own would never be closed).
 */
export function pgliteMigrationAdapterFactory(getDb: () => Promise<PGlite>): Loose {
  return {
    provider: 'postgres',
    adapterName: 'pglite-prisma-adapter',
    async connect() {
      return patchPgliteAdapter(await new PrismaPGlite(await getDb()).connect());
    },
    async connectToShadowDb() {
      const db = await PGlite.create('memory://');
      const adapter = patchPgliteAdapter(await new PrismaPGlite(db).connect());
      adapter.dispose = async () => {
        if (!db.closed) await db.close();
      };
      return adapter;
    },
  };
}

/**
 * An adapter that connects to nothing, for engine calls that need no database (empty ->
 * datamodel). The engine still probes the server when it starts: answer that probe as a
 * PostgreSQL 15 server would, refuse anything else.
 */
export function noDatabaseAdapterFactory(): Loose {
  const fail = () => Promise.reject(new Error('this schema engine call was not expected to need a database'));
  const adapter = {
    provider: 'postgres',
    adapterName: 'no-database',
    async queryRaw(query: { sql: string }) {
      if (/version\(\)/.test(query.sql) && /server_version_num/.test(query.sql)) {
        return {
          columnNames: ['exists', 'version', 'numeric_version'],
          columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
          rows: [[true, 'PostgreSQL 15.0', 150000]],
        };
      }
      return fail();
    },
    executeRaw: fail,
    executeScript: fail,
    startTransaction: fail,
    dispose: () => Promise.resolve(),
    getConnectionInfo: () => ({ schemaName: undefined, supportsRelationJoins: true }),
  };
  return {
    provider: 'postgres',
    adapterName: 'no-database',
    connect: () => Promise.resolve(adapter),
    connectToShadowDb: () => Promise.resolve(adapter),
  };
}
