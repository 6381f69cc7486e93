/**
 * `npm run bench:telegram` — prints figures, asserts nothing (ARCHITECTURE.md: benchmarks are scripts).
 *
 * Inbound: the intake conversation (sign-up + the first questions of a request), U users at once,
 * each step sent as a Telegram webhook update after the previous answer arrived, through
 *   (1) our whole pipeline (webhook → store → flow → outbox → adapter → fake Bot API; the queue only
 *       for what cannot go out at once),
 *   (2) a plain grammY bot with @grammyjs/conversations and a PostgreSQL storage (@grammyjs/storage-psql),
 *   (3) a bare grammY echo bot (the ceiling).
 * Every bot first takes BENCH_WARMUP users (default 10) through the conversation unmeasured.
 * "CPU ms/update" is this process's CPU time (bot, fake Bot API and driver together) per update;
 * PostgreSQL, Redis and machine CPU per update are read from /proc (Linux), so run it on a quiet machine.
 * Outbound: 1,000 messages to 1,000 chats against the fake enforcing 30 msg/s overall.
 * Knobs: BENCH_USERS (50), BENCH_WARMUP (10), BENCH_BOTS (ours,conversations,echo),
 * BENCH_OUTBOUND (1000; 0 skips the outbound run), BENCH_POSTGRES_URL (the server to create the
 * benchmark's database on; e.g. `postgresql://postgres@localhost/postgres?host=/var/run/postgresql`
 * for the Unix socket — both PostgreSQL bots then use it; on this machine it made no difference).
 * The bots are in telegram-bots.ts, the driver that plays the users in telegram-driver.ts.
 * Needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (as the tests do).
 */
import os from 'node:os';
import { FakeTelegramApi } from '../test/fakes/telegram-api.ts';
import { withBenchDatabase } from './bench-env.ts';
import { conversationsBot, echoBot, ourPipeline, runOutbound, TOKEN } from './telegram-bots.ts';
import { CONVERSATION, type InboundResult, warmAndRun } from './telegram-driver.ts';

const USERS = Number(process.env.BENCH_USERS ?? 50);
const OUTBOUND = Number(process.env.BENCH_OUTBOUND ?? 1000);
/** Users taken through the conversation first, unmeasured, by every bot alike (JIT, caches, connections). */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
/** Which inbound bots to run (comma-separated: ours, conversations, echo); all by default. */
const BOTS = new Set((process.env.BENCH_BOTS ?? 'ours,conversations,echo').split(',').map((s) => s.trim()));

const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');

async function main() {
  const cpu = os.cpus();
  console.log(
    `bench:telegram — ${new Date().toISOString()} — ${cpu.length} cores (${cpu[0]?.model ?? '?'}), node ${process.version}`,
  );
  console.log(
    `inbound: ${USERS} users at once, ${CONVERSATION.length} steps each (sign-up + first request questions), ` +
      `after a warm-up of ${WARMUP} users per bot\n`,
  );

  const runs = { users: USERS, warmup: WARMUP };
  const results = await withBenchDatabase(async (url) => {
    const out: InboundResult[] = [];
    if (BOTS.has('ours')) {
      const fake = await FakeTelegramApi.start({ token: TOKEN });
      const app = await ourPipeline(fake, url, { realLimits: false });
      const r = await warmAndRun(
        {
          name: 'our pipeline (webhook → DB → flow → outbox → send)',
          webhookUrl: `${app.url}/telegram/webhook`,
          stop: () => app.stop(),
        },
        fake,
        9_000_000,
        runs,
      );
      await app.stop();
      await fake.stop();
      out.push(r);
    }
    if (BOTS.has('conversations')) {
      const fake = await FakeTelegramApi.start({ token: TOKEN });
      const target = await conversationsBot(fake, url);
      out.push(await warmAndRun(target, fake, 9_100_000, runs));
      await target.stop();
      await fake.stop();
    }
    if (BOTS.has('echo')) {
      const fake = await FakeTelegramApi.start({ token: TOKEN });
      const target = await echoBot(fake);
      out.push(await warmAndRun(target, fake, 9_200_000, runs));
      await target.stop();
      await fake.stop();
    }
    return out;
  });

  console.log(
    '| bot | updates | updates/s | p50 ms | p99 ms | errors | CPU ms/update | PostgreSQL ms/update | Redis ms/update | machine CPU ms/update |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.updates} | ${fmt(r.perSecond)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.errors} | ${fmt(r.cpuMsPerUpdate)} | ${fmt(r.postgresMsPerUpdate)} | ${fmt(r.redisMsPerUpdate)} | ${fmt(r.machineMsPerUpdate)} |`,
    );
  }
  const [ours, conv, echo] = results;
  if (ours && conv && echo) {
    console.log(
      `\nratios: ours / conversations bot = ${fmt(ours.perSecond / conv.perSecond, 2)} (throughput), ` +
        `${fmt(ours.p50 / conv.p50, 2)} (p50 latency); ours / echo bot = ${fmt(ours.perSecond / echo.perSecond, 2)} (throughput), ` +
        `${fmt(ours.p50 / echo.p50, 2)} (p50 latency)`,
    );
  }

  // One machine-readable line for bench/all.ts (npm run bench).
  console.log(`BENCH_JSON ${JSON.stringify({ bench: 'telegram', inbound: results })}`);
  if (OUTBOUND <= 0) process.exit(0);
  console.log(`\noutbound: ${OUTBOUND} messages to ${OUTBOUND} chats, fake enforcing 30 msg/s overall`);
  const o = await withBenchDatabase((url) => runOutbound(url, OUTBOUND));
  console.log(
    `achieved ${fmt(o.rate)} msg/s = ${fmt(o.rate / 30, 3)} of the limit; 429s received: ${o.rateLimited429}; ` +
      `delivered ${o.delivered}/${o.messages}; lost: ${o.lost}; duplicates: ${o.duplicates}; wall ${fmt(o.wallSeconds)} s`,
  );
  console.log(`BENCH_JSON ${JSON.stringify({ bench: 'telegram', outbound: o })}`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
