// Generates the Rust-free Prisma client offline. The CLI insists on a schema-engine binary even
// though the `prisma-client` generator needs none, so we point it at an existing file.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const engineStandIn = process.execPath; // any existing file will do (see docs/migrations.md)
const res = spawnSync('npx', ['--no-install', 'prisma', 'generate'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? engineStandIn,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
if (res.status !== 0 || !existsSync('src/generated/prisma/client.ts')) {
  console.error('prisma generate failed: see the lines above');
  process.exit(res.status || 1);
}
