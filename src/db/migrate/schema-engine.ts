// Prisma's own schema engine, compiled to WebAssembly (@prisma/schema-engine-wasm), driven through a
// driver adapter: no native schema-engine binary needed. Used to compute SQL diffs (new migrations,
// drift checks); applying migrations is the job of ./migrator.ts.
//
// The package is a wasm-bindgen "bundler" build (`import * as wasm from './x.wasm'`), which plain
// Node 20 cannot import, so we instantiate the .wasm ourselves with the glue module as imports.
//
// Defects of the driver adapters worked around here (see docs/migrations.md):
//  1. @prisma/adapter-pg rejects PostgreSQL's internal `"char"` type (OID 18) that the engine's
//     catalogue queries return: we report those columns as text (OID 25).
//  2. @prisma/adapter-pg's shadow database silently is the main database (its connection string
//     wins over the database name): we create, connect to and drop a real scratch database.
//  3. @prisma/adapter-pg's executeScript splits on ';' and runs statements one by one outside a
//     transaction: we send the script as one query, as the native engine does.
//  4. pglite-prisma-adapter's executeScript does not await the execution: we await it.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DiffTarget, MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import {
  type Loose,
  noDatabaseAdapterFactory,
  pgliteMigrationAdapterFactory,
  pgMigrationAdapterFactory,
} from './engine-adapters.ts';
import { applyMigrations, readMigrations } from './migrator.ts';
import { pgliteExecutor } from './sql-executor.ts';

type EngineModule = typeof import('@prisma/schema-engine-wasm');

let enginePromise: Promise<EngineModule> | null = null;

/** Loads and instantiates the wasm module once per process. */
export function loadSchemaEngineWasm(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const glue = (await import(
      // Not the package entry (it imports the .wasm file directly): the glue module.
      '@prisma/schema-engine-wasm/schema_engine_bg'
    )) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  enginePromise.catch(() => {
    enginePromise = null;
  });
  return enginePromise;
}

// ---------------------------------------------------------------------------------------------
// Engine lifecycle

export interface EngineHandle {
  engine: SchemaEngine;
  /** Frees the wasm engine and disposes of every adapter it opened (pools end, shadows dropped). */
  close(): Promise<void>;
}

/** Makes `dispose` idempotent and remembers the adapter so the handle can release it. */
function tracked(adapter: Loose, open: Set<Loose>): Loose {
  const dispose = adapter.dispose.bind(adapter);
  let done: Promise<void> | null = null;
  adapter.dispose = () => {
    open.delete(adapter);
    done ??= Promise.resolve().then(dispose);
    return done;
  };
  open.add(adapter);
  return adapter;
}

export async function openSchemaEngine(
  adapterFactory: Loose,
  opts: { schemaPath?: string; log?: (msg: string) => void } = {},
): Promise<EngineHandle> {
  const mod = await loadSchemaEngineWasm();
  const datamodels: [string, string][] | undefined = opts.schemaPath
    ? [[opts.schemaPath, await readFile(opts.schemaPath, 'utf8')]]
    : undefined;
  const log = opts.log;
  // The engine does not reliably dispose of its adapters when freed; a live pg pool would keep
  // the process alive ~10 s. Track them and dispose of them ourselves.
  const open = new Set<Loose>();
  const factory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => tracked(await adapterFactory.connect(), open),
    connectToShadowDb: async () => tracked(await adapterFactory.connectToShadowDb(), open),
  };
  const engine = await mod.SchemaEngine.new(
    { datamodels },
    (msg: string) => log?.(msg),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  let closed = false;
  return {
    engine,
    async close() {
      if (closed) return;
      closed = true;
      engine.free();
      await Promise.all([...open].map((a) => a.dispose().catch(() => {})));
    },
  };
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

/** The engine's view of a migrations folder (same shape as the Prisma CLI builds it). */
export async function loadMigrationList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const lockfile = {
    path: 'migration_lock.toml',
    content: await readFile(lockPath, 'utf8').catch(() => null),
  };
  const migrationDirectories = (await readMigrations(baseDir)).map((m) => ({
    path: m.name,
    migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: m.script } },
  }));
  return { baseDir, lockfile, shadowDbInitScript: '', migrationDirectories };
}

/** Engine error objects are not Errors; make them readable. */
export function engineErrorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object') {
    const o = e as { message?: string; error_code?: string; meta?: unknown };
    if (o.message) return `${o.error_code ? `${o.error_code}: ` : ''}${o.message}`;
    return JSON.stringify(e);
  }
  return String(e);
}

async function runDiff(handle: EngineHandle, from: DiffTarget, to: DiffTarget): Promise<string> {
  try {
    const res = await handle.engine.diff({ from, to, script: true, exitCode: null, filters: NO_FILTER });
    return res.stdout ?? '';
  } catch (e) {
    throw new Error(`Schema engine diff failed: ${engineErrorMessage(e)}`, { cause: e });
  }
}

/** True when an engine diff script contains no statement (only comments / whitespace). */
export function isEmptyDiff(sql: string): boolean {
  return (
    sql
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('--')).length === 0
  );
}

export type DiffSource =
  | { fromEmpty: true }
  /** A live database: a PostgreSQL connection string or an open PGlite instance. */
  | { fromDatabase: string | PGlite }
  /** A migrations folder, applied by ./migrator.ts into a fresh in-memory PGlite. */
  | { fromMigrations: string };

/**
 * SQL that takes the source (empty, a live database, or a migrations folder) to the datamodel of
 * `toSchemaPath`. Comment-only (see `isEmptyDiff`) when there is no difference.
 */
export async function diffSql(
  opts: DiffSource & { toSchemaPath: string; log?: (msg: string) => void },
): Promise<string> {
  const schemaPath = path.resolve(opts.toSchemaPath);
  const to: DiffTarget = {
    tag: 'schemaDatamodel',
    files: [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }],
  };

  if ('fromEmpty' in opts) {
    // empty -> datamodel needs no database; the engine still connects at start, so give it a stub.
    const handle = await openSchemaEngine(noDatabaseAdapterFactory());
    try {
      return await runDiff(handle, { tag: 'empty' }, to);
    } finally {
      await handle.close();
    }
  }

  if ('fromMigrations' in opts) {
    const db = await PGlite.create('memory://');
    try {
      await applyMigrations(pgliteExecutor(db), opts.fromMigrations, opts.log);
      return await diffSql({ fromDatabase: db, toSchemaPath: schemaPath });
    } finally {
      await db.close();
    }
  }

  const source = opts.fromDatabase;
  const factory =
    typeof source === 'string'
      ? pgMigrationAdapterFactory(source)
      : pgliteMigrationAdapterFactory(() => Promise.resolve(source));
  const handle = await openSchemaEngine(factory);
  try {
    // "The database of the schema's datasource" = the database behind the adapter.
    const from: DiffTarget = {
      tag: 'schemaDatasource',
      files: to.files,
      configDir: path.dirname(schemaPath),
    };
    return await runDiff(handle, from, to);
  } finally {
    await handle.close();
  }
}
