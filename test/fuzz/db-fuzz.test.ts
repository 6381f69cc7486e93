import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import { createSession, setSettings } from '../support/fixtures.ts';
import { LocalChatClient, settle } from '../support/local-chat-client.ts';
import { atLocal, testZone } from '../support/zone.ts';
import { brokenInvariants } from './db-invariants.ts';
import { fuzzSeed, textArb } from './flow-arbitraries.ts';

const PERSONAS = [
  'coordinator',
  'partner-fatima',
  'partner-jeroen',
  ...[
    'anouk',
    'mohamed',
    'sanne',
    'emre',
    'joost',
    'grace',
    'fatma',
    'pieter',
    'olena',
    'yusuf',
    'marieke',
    'daan',
  ].map((n) => `volunteer-${n}`),
];
const COMMANDS = [
  '/mijnsessies',
  '/mijnaanvragen',
  '/overzicht',
  '/kandidaten 1',
  '/kandidaten 2',
  '/kandidaten 3',
  '/kandidaten 99',
  '/help',
  '/stop',
  '/taal en',
  '/taal nl',
  '/profiel',
  '/oogst',
  '/aanvragen',
  '/instellingen',
  '/eerlijkheid',
  '/pauze tot 1 februari',
  '/niveau Anouk senior',
  '/gespreksvorm 1',
  '/privacy',
  'ja',
  'nee',
  'terug',
  'dinsdag 15 december 20:00',
  "Wij willen op woensdag 16 december 's avonds een dialoog over eenzaamheid met 12 ouderen in Overvecht",
];

type Action =
  | { kind: 'press'; who: number; latest: boolean; index: number }
  | { kind: 'pressForeign'; who: number; owner: number; index: number }
  | { kind: 'say'; who: number; text: string };

/** Partners and the coordinator act as often as all volunteers together (cancel, move, assign need them). */
const whoArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(1, 2) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 5, arbitrary: fc.integer({ min: 3, max: PERSONAS.length - 1 }) },
);

/** A time as a partner types it when moving a session (Amsterdam winter time, UTC+1). */
function asTyped(d: Date): string {
  const x = new Date(d.getTime() + 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(x.getUTCDate())}-${two(x.getUTCMonth() + 1)}-${x.getUTCFullYear()} ${two(x.getUTCHours())}:${two(x.getUTCMinutes())}`;
}
/** New times onto the other sessions' times: bait for double-booking after a move. */
const MOVE_TEXTS = [
  weekdayEvening(10, 2, 30),
  weekdayEvening(10, 3),
  weekdayEvening(10, 2),
  weekdayEvening(17, 2),
].map(asTyped);

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('say' as const),
      who: fc.constantFrom(1, 2),
      text: fc.constantFrom(...MOVE_TEXTS, '/mijnaanvragen'),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('press' as const),
      who: whoArb,
      latest: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)),
      index: fc.nat(40),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('pressForeign' as const),
      who: whoArb,
      owner: fc.nat(PERSONAS.length - 1),
      index: fc.nat(40),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('say' as const),
      who: whoArb,
      text: fc.constantFrom(...COMMANDS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('say' as const),
      who: whoArb,
      text: textArb,
    }),
  },
);

/** The next Tuesday or Wednesday at least `days` ahead, at 19:00 local (the tests' zone) plus `minutes`. */
function weekdayEvening(days: number, weekday: 2 | 3, minutes = 0): Date {
  let d = DateTime.fromMillis(Date.now() + days * 86_400_000, { zone: testZone() });
  while (d.weekday !== weekday) d = d.plus({ days: 1 });
  return atLocal(d.toJSDate(), 19, minutes);
}

// A handful of sequences in `npm test`; FUZZ_DB_RUNS (or FUZZ_RUNS / 500) for more.
const RUNS =
  Number(process.env.FUZZ_DB_RUNS) ||
  (Number(process.env.FUZZ_RUNS) ? Math.ceil(Number(process.env.FUZZ_RUNS) / 500) : 12);
const STEPS = 30;
const SEED = fuzzSeed();

describe('random people pressing random buttons through the real app (PostgreSQL + Redis)', () => {
  let app: App;
  const logLines: string[] = [];
  const clients = new Map<string, LocalChatClient>();
  beforeAll(async () => {
    app = await startTestApp({ logLines });
    for (const p of PERSONAS) clients.set(p, new LocalChatClient(app, p));
    const prisma = app.db.prisma;
    await setSettings(prisma, { waveSize: 12 });
    const person = (key: string) =>
      prisma.channelIdentity.findFirstOrThrow({ where: { externalId: key } }).then((i) => i.personId);
    const fatima = await person('partner-fatima');
    const jeroen = await person('partner-jeroen');
    // Overlapping sessions (double-booking bait), one that needs two facilitators and a trainee.
    const sessions = [
      await createSession(prisma, {
        startsAt: weekdayEvening(10, 2),
        requestedById: fatima,
        needsCo: true,
        trainee: true,
      }),
      await createSession(prisma, { startsAt: weekdayEvening(10, 2, 30), requestedById: jeroen }),
      await createSession(prisma, { startsAt: weekdayEvening(10, 3), requestedById: fatima, trainee: true }),
      await createSession(prisma, { startsAt: weekdayEvening(17, 2), requestedById: jeroen, needsCo: true }),
      await createSession(prisma, { startsAt: weekdayEvening(3, 3), requestedById: jeroen, trainee: true }),
    ];
    // Requests belong to the partner's own organisation, so /mijnaanvragen offers to move or cancel them.
    for (const s of sessions) {
      const request = await prisma.dialogueRequest.findUniqueOrThrow({ where: { id: s.requestId } });
      const membership = await prisma.membership.findFirstOrThrow({
        where: { personId: request.requestedById ?? '' },
      });
      await prisma.dialogueRequest.update({
        where: { id: s.requestId },
        data: { organisationId: membership.organisationId },
      });
    }
    await app.staff(sessions.map((s) => s.sessionId));
    await settle(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function buttonsOf(persona: string, latest: boolean): Promise<string[]> {
    const outs = (await (clients.get(persona) as LocalChatClient).history()).filter(
      (m) => m.direction === 'out' && m.buttons?.length,
    );
    const from = latest ? outs.slice(-1) : outs;
    return from.flatMap((m) => (m.buttons ?? []).flat().map((b) => b.id));
  }

  async function perform(a: Action): Promise<void> {
    const who = PERSONAS[a.who] as string;
    const client = clients.get(who) as LocalChatClient;
    if (a.kind === 'say') {
      await client.post({ text: a.text });
      return;
    }
    const owner = a.kind === 'pressForeign' ? (PERSONAS[a.owner] as string) : who;
    const ids = await buttonsOf(owner, a.kind === 'press' && a.latest);
    const id = ids[a.index % Math.max(ids.length, 1)];
    if (id) await client.post({ buttonId: id });
    else await client.post({ text: '/help' });
  }

  it(`${RUNS} sequences of ${STEPS} actions (three at a time): the database stays consistent`, {
    timeout: 60_000 + RUNS * 5_000,
  }, async () => {
    let actions = 0;
    const cpu = process.cpuUsage();
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: STEPS, maxLength: STEPS }), async (seq) => {
        for (let i = 0; i < seq.length; i += 3) {
          await Promise.all(seq.slice(i, i + 3).map(perform));
          await settle(app);
          actions += Math.min(3, seq.length - i);
        }
        const broken = await brokenInvariants(app, logLines);
        if (Object.keys(broken).length > 0)
          throw new Error(
            `invariants broken after ${JSON.stringify(seq).slice(0, 2000)}:\n${JSON.stringify(broken, null, 1)}`,
          );
      }),
      {
        numRuns: RUNS,
        endOnFailure: true,
        seed: SEED,
      },
    );
    const { user, system } = process.cpuUsage(cpu);
    const offers = await app.db.prisma.offer.groupBy({ by: ['status'], _count: true });
    const assignments = await app.db.prisma.assignment.count({ where: { status: 'ACTIVE' } });
    const sessions = await app.db.prisma.dialogueSession.groupBy({ by: ['status'], _count: true });
    const reminders = await app.db.prisma.scheduledReminder.groupBy({ by: ['status'], _count: true });
    const moves = await app.db.prisma.auditLog.count({ where: { action: 'session.moved' } });
    console.info(
      `db fuzz: ${actions} actions, test-process CPU ${((user + system) / 1000 / actions).toFixed(1)} ms per action; ` +
        `offers ${JSON.stringify(offers.map((o) => [o.status, o._count]))}, ${assignments} active assignments, ` +
        `${moves} moves, sessions ${JSON.stringify(sessions.map((o) => [o.status, o._count]))}, reminders ${JSON.stringify(reminders.map((o) => [o.status, o._count]))}`,
    );
    // The fuzz must have reached the interesting states, not only /help.
    expect(assignments + offers.filter((o) => o.status !== 'OPEN').length).toBeGreaterThan(0);
  });
});
