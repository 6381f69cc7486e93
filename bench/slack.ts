// npm run bench:slack — signed Slack event requests through our whole pipeline (signature check,
// Bolt routing, store + de-duplicate in PostgreSQL, then the flows, outbox and delivery to a fake
// Web API in the background) vs a bare Bolt app (its own HTTPReceiver) acking the same requests.
// Two loads each: closed loop (as fast as it goes, 32 in flight) and open loop at 100 requests/s.
// Prints a table and writes it, with the date and the machine, to docs/slack.md.
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createTcpServer } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { App as BoltApp, LogLevel } from '@slack/bolt';
import pg from 'pg';
import { type App, startApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { FakeSlackApi } from '../test/fakes/slack-api.ts';

const SECRET = 'bench-signing-secret-not-real';
const TOKEN = 'xoxb-fake-b';
const CLOSED_REQUESTS = 2000;
const CONCURRENCY = 32;
const OPEN_RATE = 100;
const OPEN_SECONDS = 10;
const USERS = 200;
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

interface Figures {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
}

let seq = 0;
/** A DM event as Slack sends it, signed with the signing secret; every one has a new event_id. */
function signedDm(): { body: string; headers: Record<string, string> } {
  seq += 1;
  const user = `UB${String(seq % USERS).padStart(5, '0')}`;
  const body = JSON.stringify({
    team_id: 'T0BENCH',
    api_app_id: 'A0BENCH',
    type: 'event_callback',
    event_id: `EvB${seq}${randomBytes(3).toString('hex')}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'message',
      channel_type: 'im',
      channel: `D${user}`,
      user,
      text: 'hallo',
      ts: `${Date.now() / 1000}`,
    },
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': signature,
    },
  };
}

async function once(url: string): Promise<{ ms: number; ok: boolean }> {
  const { body, headers } = signedDm();
  const started = performance.now();
  try {
    const res = await fetch(url, { method: 'POST', headers, body });
    await res.arrayBuffer();
    return { ms: performance.now() - started, ok: res.status === 200 };
  } catch {
    return { ms: performance.now() - started, ok: false };
  }
}

function figures(samples: { ms: number; ok: boolean }[], seconds: number): Figures {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    requests: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted.at(-1) ?? 0,
    errors: samples.filter((s) => !s.ok).length,
  };
}

/** As fast as it goes: CONCURRENCY requests in flight, CLOSED_REQUESTS in all. */
async function closedLoop(url: string): Promise<Figures> {
  const samples: { ms: number; ok: boolean }[] = [];
  let left = CLOSED_REQUESTS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) samples.push(await once(url));
    }),
  );
  return figures(samples, (performance.now() - started) / 1000);
}

/** A steady OPEN_RATE requests/s whatever the answers take (an open loop shows queueing honestly). */
async function openLoop(url: string): Promise<Figures> {
  const pending: Promise<{ ms: number; ok: boolean }>[] = [];
  const started = performance.now();
  const total = OPEN_RATE * OPEN_SECONDS;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / OPEN_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(once(url));
  }
  const samples = await Promise.all(pending);
  return figures(samples, (performance.now() - started) / 1000);
}

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const name = `dialoog_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch {
    await admin.end().catch(() => {});
    return null;
  }
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

async function drain(app: App): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    await app.idle();
    const pending = await app.db.prisma.outboundMessage.count({ where: { status: 'PENDING' } });
    if (pending === 0 || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A port nothing listens on right now (a random one collided with other work on the machine). */
async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const fake = await new FakeSlackApi().start();
  // Keep the fake's memory flat: the benchmark is about acks, not about what was posted.
  setInterval(() => fake.calls.splice(0), 1000).unref();

  // 1. A bare Bolt app: its own HTTPReceiver checks the signature and acks before the (empty) listener.
  const bolt = new BoltApp({
    signingSecret: SECRET,
    token: TOKEN,
    botId: 'BBENCH',
    botUserId: 'UBENCHBOT',
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
  });
  bolt.event('message', async () => {});
  const boltPort = await freePort();
  await bolt.start(boltPort);
  const boltUrl = `http://127.0.0.1:${boltPort}/slack/events`;
  for (let i = 0; i < 200; i++) await once(boltUrl);
  const boltClosed = await closedLoop(boltUrl);
  const boltOpen = await openLoop(boltUrl);
  await bolt.stop();

  // 2. Our pipeline, on a fresh PostgreSQL database (or the embedded one when none is reachable).
  const db = await createDatabase();
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    QUEUE_PREFIX: `bench_${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'warn',
    DEMO_DATA: '0',
    LOCAL_CHAT: '0',
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.url,
    ...(db ? { DATABASE_URL: db.url } : {}),
  });
  const app = await startApp(config, createLogger('warn'), {
    inMemoryDatabase: !db,
    slack: { retries: 0, pace: { intervalMs: 0, burst: 1 } },
  });
  const ourUrl = `${app.url}/slack/events`;
  for (let i = 0; i < 200; i++) await once(ourUrl);
  await drain(app);
  const ourClosed = await closedLoop(ourUrl);
  await drain(app);
  const ourOpen = await openLoop(ourUrl);
  await drain(app);
  const stored = await app.db.prisma.inboundEvent.count();
  await app.stop();
  await db?.drop();
  await fake.stop();

  const row = (name: string, f: Figures) =>
    `| ${name} | ${f.requests} | ${f.perSecond.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.max.toFixed(1)} | ${f.errors} |`;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `Run ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${cpu}), Node ${process.version}, ` +
      `database: ${db ? 'PostgreSQL (local)' : 'embedded PGlite (no PostgreSQL reachable)'}; client, servers, ` +
      `Redis and PostgreSQL all on this one machine; load average ${loadBefore.toFixed(1)} before, ` +
      `${(os.loadavg()[0] ?? 0).toFixed(1)} after (other work on the machine makes the figures noisy).`,
    '',
    '| pipeline, load | requests | requests/s | ack p50 ms | ack p99 ms | max ms | non-200 |',
    '|---|---|---|---|---|---|---|',
    row(`bare Bolt, closed loop (${CONCURRENCY} in flight)`, boltClosed),
    row(`ours, closed loop (${CONCURRENCY} in flight)`, ourClosed),
    row(`bare Bolt, open loop ${OPEN_RATE}/s`, boltOpen),
    row(`ours, open loop ${OPEN_RATE}/s`, ourOpen),
    '',
    `Throughput ratio ours / bare Bolt: ${(ourClosed.perSecond / boltClosed.perSecond).toFixed(2)}; ` +
      `ack p99 at ${OPEN_RATE}/s: ours ${ourOpen.p99.toFixed(1)} ms vs bare Bolt ${boltOpen.p99.toFixed(1)} ms ` +
      `(ratio ${(ourOpen.p99 / Math.max(0.1, boltOpen.p99)).toFixed(1)}). Events stored (each once): ${stored}.`,
  ];
  console.log(lines.join('\n'));
  // One machine-readable line for bench/all.ts (npm run bench).
  console.log(
    `BENCH_JSON ${JSON.stringify({ bench: 'slack', boltClosed, ourClosed, boltOpen, ourOpen, stored })}`,
  );
  const doc = new URL('../docs/slack.md', import.meta.url);
  const section = `<!-- bench:slack -->\n${lines.join('\n')}\n<!-- /bench:slack -->`;
  const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
  const marked = /<!-- bench:slack -->[\s\S]*<!-- \/bench:slack -->/;
  writeFileSync(doc, marked.test(text) ? text.replace(marked, section) : `${text}\n${section}\n`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
