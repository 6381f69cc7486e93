import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { seedDemoData } from '../db/demo-seed.ts';
import { checkDrift, createMigration } from '../db/migrate/commands.ts';
import { createLogger } from '../logger.ts';
import { runDigest } from './digest-command.ts';
import { runEvalIntake, runExtractRequest } from './extract-commands.ts';
import { runExport, runImportVolunteers } from './import-export.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate                 apply pending migrations to DATABASE_URL (or the embedded database)
  migration-create NAME   write prisma/migrations/<timestamp>_NAME from changes to schema.prisma
  drift                   check that the migrations produce exactly schema.prisma (exit 1 on drift)
  seed-demo               add demo people to an empty database
  extract-request         read a free-text request on stdin, print the draft as one JSON object
                          [--now ISO] [--extractor rules|llm] [--locale nl|en] [--pretty]
  eval-intake             field-level accuracy of the extractor on the golden sets
                          [--extractor rules|llm] [--verbose]
  digest                  harvest digest for coordinators: --from DATE --to DATE [--wijk W] [--theme T]
  import-volunteers FILE  add volunteers from a CSV file (naam, platform, account, niveau, talen,
                          wijken, thema's, max per maand); a report line per row; safe to repeat
  export KIND             requests, sessions or harvests (approved, shareable items only)
                          [--format csv|json] [--out FILE]`;

/** Operator commands. Each prints one clear result and sets the exit code. */
async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  switch (command) {
    case 'migrate': {
      const config = loadConfig();
      const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, log });
      await db.close();
      console.log(`migrations are up to date (${db.kind})`);
      return 0;
    }
    case 'migration-create': {
      const name = args[0];
      if (!name) {
        console.error('migration-create needs a name, e.g. npm run db:migration:create -- add_reminders');
        return 2;
      }
      const r = await createMigration(name, { root: ROOT });
      console.log(
        'nothingToDo' in r
          ? 'schema.prisma matches the migrations: nothing to do'
          : `created ${path.relative(ROOT, r.path)}`,
      );
      return 0;
    }
    case 'drift': {
      const r = await checkDrift({ root: ROOT });
      if (!r.drift) {
        console.log('no drift: the migrations produce exactly schema.prisma');
        return 0;
      }
      console.error(`drift: schema.prisma differs from the migrations. Missing SQL:\n${r.sql}`);
      return 1;
    }
    case 'seed-demo': {
      const config = loadConfig();
      const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, log });
      const seeded = await seedDemoData(db.prisma);
      await db.close();
      console.log(seeded ? 'demo data added' : 'the database already has people: nothing added');
      return 0;
    }
    case 'import-volunteers':
    case 'export': {
      const config = loadConfig();
      const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, log });
      try {
        return command === 'export'
          ? await runExport(db.prisma, args)
          : await runImportVolunteers(db.prisma, args);
      } finally {
        await db.close();
      }
    }
    case 'extract-request':
      return runExtractRequest(args, log);
    case 'eval-intake':
      return runEvalIntake(args, log);
    case 'digest':
      return runDigest(args, log);
    default:
      console.error(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error & { code?: string }) => {
    console.error(err.message);
    process.exit(1);
  },
);
