import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../fakes/openai-api.ts';
import { FakeTelegramApi } from '../fakes/telegram-api.ts';
import { startTestApp } from '../support/app.ts';
import { createPerson, createSession, eventually, futureEvening } from '../support/fixtures.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';
import { TEST_TOKEN } from '../telegram/telegram-user.ts';
import { deliveryLedger, FAST_TELEGRAM, telegramEnv, telegramVolunteers } from './harness.ts';

/**
 * A 429 and 5xx storm from Telegram exactly while a batch of reminders falls due: every reminder
 * arrives once, none before the retry_after it was given, and nothing is given up.
 * (Storms without reminders: test/telegram/telegram-delivery.test.ts, test/slack/slack-delivery.test.ts.)
 */
describe('a Telegram 429/5xx storm while reminders are due (PostgreSQL + Redis + fake Telegram)', () => {
  let fake: FakeTelegramApi;
  let app: App;
  beforeAll(async () => {
    fake = await FakeTelegramApi.start({ token: TEST_TOKEN });
    app = await startTestApp({
      env: { ...telegramEnv(fake), DEMO_DATA: '0', LOCAL_CHAT: '0' },
      ...FAST_TELEGRAM,
    });
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
  });
  const p = () => app.db.prisma;

  it('60 reminders to 6 volunteers during a storm: each delivered once, retry_after respected, none given up', async () => {
    const vols = await telegramVolunteers(p(), 6, 8_500_000);
    const request = await createSession(p(), { startsAt: futureEvening(25) });
    const start = futureEvening(25).getTime();
    const sessions = await p().dialogueSession.createManyAndReturn({
      data: Array.from({ length: 60 }, (_, i) => ({
        requestId: request.requestId,
        startsAt: new Date(start + i * 60_000),
        endsAt: new Date(start + i * 60_000 + 3_600_000),
      })),
    });
    const lead = (i: number) => vols[i % vols.length]?.personId as string;
    await p().assignment.createMany({
      data: sessions.map((s, i) => ({ sessionId: s.id, personId: lead(i), role: 'LEAD' as const })),
    });
    // Every second send to a chat answers 429 (retry after 1 s), and the next 15 calls answer 5xx.
    fake.startStorm(2, 1);
    fake.inject('sendMessage', { status: 502, times: 10 });
    fake.inject('sendMessage', { status: 500, times: 5 });
    const due = new Date(Date.now() + 1000);
    const rows = await p().scheduledReminder.createManyAndReturn({
      data: sessions.map((s, i) => ({ kind: 'nudge', sessionId: s.id, personId: lead(i), dueAt: due })),
    });
    await app.timers.reconcile();
    await eventually(
      async () =>
        (await p().scheduledReminder.count({
          where: { id: { in: rows.map((r) => r.id) }, status: 'SENT' },
        })) === rows.length,
      60_000,
    );
    await settle(app, 90_000);
    fake.stopStorm();

    expect(fake.rateLimited).toBeGreaterThan(0);
    expect(fake.calls.some((c) => c.status >= 500)).toBe(true);
    expect(fake.violations).toBe(0); // never called a chat again before its retry_after
    const ledger = await deliveryLedger(p(), fake);
    expect(ledger).toMatchObject({ rows: 60, sent: 60, pending: 0, failed: 0, lost: 0, extra: 0 });
    for (const v of vols) expect(fake.messages(v.chatId)).toHaveLength(10);
  }, 120_000);
});

/** The LLM down, hanging or talking nonsense in the middle of a free-text request: the rules take over. */
describe('the LLM fails during a free-text request (PostgreSQL + Redis + fake LLM)', () => {
  let llm: FakeOpenAI;
  let app: App;
  beforeAll(async () => {
    llm = await startFakeOpenAI();
    app = await startTestApp({
      env: {
        DEMO_DATA: '0',
        OPENAI_API_KEY: 'sk-test-not-real',
        OPENAI_BASE_URL: llm.url,
        OPENAI_MODEL: 'fake',
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await llm?.close();
  });
  const MESSAGE =
    'Wij willen op 10-12-2026 om 19:30 een dialoog over eenzaamheid met ongeveer 15 ouderen in Overvecht, Gloriosa 1.';

  for (const [name, behaviour] of [
    ['down (HTTP 503)', { kind: 'status', status: 503 }],
    ['rate limiting (429 storm)', { kind: 'status', status: 429, retryAfter: 1 }],
    ['hanging', { kind: 'hang' }],
    ['answering nonsense', { kind: 'content', content: 'Natuurlijk! {"theme": ' }],
  ] as const) {
    it(`LLM ${name}: the request is understood by the rules, nothing submitted, the partner can go on`, async () => {
      llm.reset();
      llm.setDefault(behaviour);
      const key = `storm-partner-${name.slice(0, 4)}`;
      await createPerson(app.db.prisma, key, 'Fatima', ['PARTNER']);
      const partner = new LocalChatClient(app, key);
      const understood = texts(await partner.send(`/aanvragen ${MESSAGE}`));
      expect(understood).toContain('Thema: Eenzaamheid');
      expect(understood).toContain('Aantal deelnemers: 15');
      expect(llm.requests.length).toBeGreaterThan(0);
      expect(await app.db.prisma.dialogueRequest.count()).toBe(0);
      expect(texts(await partner.send('/stop'))).not.toBe('');
    }, 60_000);
  }
});
