import { defineConfig } from 'prisma/config';

// Prisma 7 keeps the datasource URL here. The app itself never reads it: it builds its own
// driver adapter from src/config.ts. This only serves Prisma CLI commands run by hand.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dialoog' },
});
