// npm run bench:memory — memory under load: the app receives MEMORY_RATE Telegram updates per second
// (default 100) for MEMORY_SECONDS (default 60) through its webhook, from 1,000 different users,
// and answers each through the fake Bot API. RSS is sampled every 250 ms: at the start, the peak,
// and at the end (after the backlog is processed); heap after a forced GC at start and end.
// The process holds the app, the fake Bot API and the load generator together (like bench:telegram).
// Prints a table and one BENCH_JSON line (bench/all.ts). Needs --expose-gc (the npm script sets it).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { FakeTelegramApi } from '../test/fakes/telegram-api.ts';
import { textMessageUpdate } from '../test/support/telegram-updates.ts';
import { cleanRedis, emit, machine, startBenchApp, withBenchDatabase } from './bench-env.ts';

const RATE = Number(process.env.MEMORY_RATE ?? 100);
const SECONDS = Number(process.env.MEMORY_SECONDS ?? 60);
const USERS = 1000;
const TOKEN = '123456:BENCH-token-not-real';
const SECRET = 'bench_webhook_secret-not-real';
const MB = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc;
const heapAfterGc = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const fake = await FakeTelegramApi.start({ token: TOKEN });
  const figures = await withBenchDatabase(async (url) => {
    const app = await startBenchApp(
      url,
      {
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_MODE: 'webhook',
        TELEGRAM_API_ROOT: fake.url,
        PUBLIC_URL: 'https://dialoog.example.org',
        LOCAL_CHAT: '0',
      },
      { telegram: { limits: { privateChat: { intervalMs: 1, burst: 1000 } } } },
    );
    try {
      return await load(app.url, () => app.idle(), app);
    } finally {
      await app.stop();
      await cleanRedis(app);
    }
  });
  await fake.stop();
  const loadAfter = os.loadavg();
  const mb = (n: number) => (n / MB).toFixed(1);
  console.log(`bench:memory — ${new Date().toISOString()} — ${machine()}`);
  console.log(
    `load average ${loadBefore[0]?.toFixed(2)} before, ${loadAfter[0]?.toFixed(2)} after; ${RATE} updates/s for ${SECONDS} s`,
  );
  console.log(
    '| updates sent | achieved/s | non-200 | ack p99 ms | RSS start MB | RSS peak MB | RSS end MB | heap after GC start → end MB | replies |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${figures.sent} | ${figures.achieved.toFixed(1)} | ${figures.errors} | ${figures.p99.toFixed(1)} | ${mb(figures.rssStart)} | ${mb(figures.rssPeak)} | ${mb(figures.rssEnd)} | ${mb(figures.heapStart)} → ${mb(figures.heapEnd)} | ${figures.replies} |`,
  );
  emit('memory', { rate: RATE, seconds: SECONDS, ...figures, gcExposed: Boolean(gc) });
  process.exit(0);
}

async function load(
  baseUrl: string,
  idle: () => Promise<void>,
  app: { db: { prisma: { outboundMessage: { count(a: object): Promise<number> } } } },
) {
  const webhook = `${baseUrl}/telegram/webhook`;
  let seq = 5_000_000;
  const post = async (user: number): Promise<[number, number]> => {
    const id = seq++;
    const chat = 6_000_000 + user;
    const started = performance.now();
    try {
      const res = await fetch(webhook, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(
          textMessageUpdate({ updateId: id, messageId: id, chatId: chat, firstName: 'Bench', text: '/help' }),
        ),
      });
      await res.text();
      return [res.status, performance.now() - started];
    } catch {
      return [0, performance.now() - started];
    }
  };
  // Warm-up (JIT, connection pools), then a baseline.
  await Promise.all(Array.from({ length: 20 }, (_, i) => post(USERS + i)));
  await idle();
  const heapStart = heapAfterGc();
  const rssStart = process.memoryUsage().rss;
  let rssPeak = rssStart;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 250);

  const inFlight: Promise<[number, number]>[] = [];
  const total = RATE * SECONDS;
  const t0 = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      // Open loop: as many as the clock says are due, whatever the answers are doing.
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE));
      while (sent < due) inFlight.push(post(sent++ % USERS));
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 20);
  });
  const answers = await Promise.all(inFlight);
  const achieved = sent / ((performance.now() - t0) / 1000);
  await idle();
  // Let the outbox drain (replies through the fake Bot API).
  for (let i = 0; i < 600; i++) {
    if ((await app.db.prisma.outboundMessage.count({ where: { status: 'PENDING' } })) === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const rssEnd = process.memoryUsage().rss;
  const heapEnd = heapAfterGc();
  const latencies = answers.map((a) => a[1]).sort((a, b) => a - b);
  return {
    sent,
    achieved,
    errors: answers.filter((a) => a[0] !== 200).length,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    rssStart,
    rssPeak,
    rssEnd,
    heapStart,
    heapEnd,
    replies: await app.db.prisma.outboundMessage.count({ where: { status: 'SENT' } }),
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
