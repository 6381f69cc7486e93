// The app as separate child processes (test/support/run-app.ts), for tests of several processes
// against one PostgreSQL and Redis: start, stop, a Prisma client of their database, the web chat's
// live event stream.
import { type ChildProcess, spawn } from 'node:child_process';
import { PrismaClient } from '../../src/generated/prisma/client.ts';

export interface Child {
  url: string;
  process: ChildProcess;
}

export async function spawnApp(env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/run-app.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = /ready (\S+)/.exec(d.toString());
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
  return { url, process: child };
}

export async function stopApp(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const exited = new Promise((r) => child.process.once('exit', r));
  child.process.kill('SIGTERM');
  await exited;
}

/** The first bot message for a persona on the web chat's event stream, as the browser sees it. */
export function liveReplies(url: string, persona: string): { first: Promise<string>; stop: () => void } {
  const abort = new AbortController();
  const first = (async () => {
    const res = await fetch(`${url}/api/local/events`, { signal: abort.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('event stream ended');
      buffer += decoder.decode(value, { stream: true });
      for (const line of buffer.split('\n')) {
        if (!line.startsWith('data: ')) continue;
        const push = JSON.parse(line.slice(6)) as {
          persona: string;
          message: { direction: string; text: string };
        };
        if (push.persona === persona && push.message.direction === 'out') return push.message.text;
      }
    }
  })();
  return { first, stop: () => abort.abort() };
}

export async function prismaFor(databaseUrl: string) {
  const { PrismaPg } = await import('@prisma/adapter-pg');
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

export const baseEnv = (databaseUrl: string, prefix: string) => ({
  DATABASE_URL: databaseUrl,
  QUEUE_PREFIX: prefix,
  DEMO_DATA: '0',
  LOCAL_CHAT: '1',
  NODE_ENV: 'test',
  PORT: '0',
  LOG_LEVEL: 'warn',
});
