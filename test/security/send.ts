import { request } from 'node:http';
import type { App } from '../../src/app.ts';
import type { Attack } from './corpus.ts';

/** Sends one crafted request with raw control over headers (repeated headers stay repeated). */
export function send(app: App, attack: Attack): Promise<number> {
  const url = new URL(attack.target === 'slack' ? '/slack/events' : '/telegram/webhook', app.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    for (const [name, value] of Object.entries(attack.headers)) req.setHeader(name, value);
    req.setHeader('content-length', Buffer.byteLength(attack.body));
    // The server may refuse before reading a large body: the status still arrives, a broken pipe does not matter.
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err);
    });
    req.end(attack.body);
  });
}

/** Rows in every table of the app's database, to show that nothing at all was stored. */
export async function rowCounts(app: App): Promise<Record<string, number>> {
  const prisma = app.db.prisma;
  const tables = await prisma.$queryRawUnsafe<{ tablename: string }[]>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const out: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${tablename}"`,
    );
    out[tablename] = row?.n ?? -1;
  }
  return out;
}
