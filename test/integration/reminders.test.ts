import { describe, expect, it } from 'vitest';
import { createTestDatabase, startTestApp } from '../support/app.ts';
import { baseEnv, prismaFor, spawnApp } from '../support/app-processes.ts';
import { createVolunteers, eventually } from '../support/fixtures.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';
import {
  deleteQueueKeys,
  icsOf,
  killHard,
  localIso,
  manySessions,
  restartUntilSent,
  staffedSession as staffed,
  useRemindersApp,
} from './reminders-fixtures.ts';

describe('reminders and calendars (PostgreSQL + Redis)', () => {
  const ctx = useRemindersApp();
  const p = () => ctx.app.db.prisma;

  const staffedSession = (prefix: string, daysAhead = 10) =>
    staffed(ctx.app, ctx.partnerId, prefix, daysAhead);

  it('a booking sends a calendar invite and plans every reminder; a due reminder is sent once, "Ik kom" is recorded', async () => {
    const { sessionId, volunteer, personId } = await staffedSession('rem-a');
    const invite = await icsOf(volunteer, ctx.app);
    expect(invite).toMatchObject({ method: 'REQUEST', uid: `${sessionId}@dialoogbot`, sequence: 0 });
    const rows = await p().scheduledReminder.findMany({ where: { sessionId }, orderBy: { dueAt: 'asc' } });
    expect(rows.map((r) => `${r.kind}:${r.personId === personId ? 'volunteer' : 'partner'}`).sort()).toEqual([
      'day_before:volunteer',
      'nudge:volunteer',
      'partner_check:partner',
      'week_before:volunteer',
    ]);
    // Make the week-before reminder due and let the real timer path run it, twice.
    const week = rows.find((r) => r.kind === 'week_before');
    const due = new Date(Date.now() - 1000);
    await p().scheduledReminder.update({ where: { id: week?.id }, data: { dueAt: due } });
    await ctx.app.timers.schedule('reminder', week?.id as string, due);
    await ctx.app.timers.schedule('reminder', week?.id as string, new Date(due.getTime() - 1));
    await eventually(
      async () =>
        (await p().scheduledReminder.findUniqueOrThrow({ where: { id: week?.id } })).status === 'SENT',
    );
    await settle(ctx.app);
    await new Promise((r) => setTimeout(r, 300));
    const asked = (await volunteer.history()).filter((m) => m.text.includes('Kom je nog steeds?'));
    expect(asked).toHaveLength(1);
    expect(texts(await volunteer.press('👍 Ik kom'))).toContain('tot dan');
    expect(
      (await p().assignment.findFirstOrThrow({ where: { sessionId, personId } })).confirmedAt,
    ).not.toBeNull();
  });

  it('"Ik kan niet meer" in a reminder releases at once, cancels their reminders and starts an urgent backfill', async () => {
    await createVolunteers(p(), 3, { prefix: 'rem-b-spare' });
    const { sessionId, volunteer, personId } = await staffedSession('rem-b', 12);
    const day = await p().scheduledReminder.findFirstOrThrow({ where: { sessionId, kind: 'day_before' } });
    await p().scheduledReminder.update({
      where: { id: day.id },
      data: { dueAt: new Date(Date.now() - 1000) },
    });
    await ctx.app.timers.reconcile();
    await eventually(
      async () =>
        (await p().scheduledReminder.findUniqueOrThrow({ where: { id: day.id } })).status === 'SENT',
    );
    await settle(ctx.app);
    expect(await volunteer.last()).toContain('Morgen is het zover');
    expect(await volunteer.last()).toContain('openstreetmap.org');
    expect(await volunteer.last()).toMatch(/Mogelijke openingsvragen:\n• \S/);
    expect(texts(await volunteer.press('Ik kan niet meer'))).toContain('met spoed een vervanger');
    expect(await p().assignment.count({ where: { sessionId, personId, status: 'ACTIVE' } })).toBe(0);
    const theirs = await p().scheduledReminder.findMany({
      where: { sessionId, personId, status: 'PENDING' },
    });
    expect(theirs).toHaveLength(0);
    expect((await icsOf(volunteer, ctx.app)).method).toBe('CANCEL');
    const urgent = await p().offer.findMany({ where: { sessionId, status: 'OPEN' } });
    expect(urgent.length).toBe(2); // wave size 1, doubled
    expect(await new LocalChatClient(ctx.app, 'coord').last()).toContain('teruggegeven');
  });

  it('a partner moves a session: facilitators asked, invite updated (same UID, higher SEQUENCE), reminders re-planned', async () => {
    const { sessionId, volunteer } = await staffedSession('rem-c', 15);
    const partner = new LocalChatClient(ctx.app, 'partner');
    const before = await p().scheduledReminder.findFirstOrThrow({ where: { sessionId, kind: 'nudge' } });
    await partner.send('/mijnaanvragen');
    expect(texts(await partner.press(/^📅 Verplaats #/))).toContain('Naar welke datum');
    expect(texts(await partner.send('gisteren'))).toMatch(/verleden|begrijp/);
    const moved = texts(await partner.send('20-12-2026 14:00'));
    expect(moved).toContain('verplaatst naar');
    const session = await p().dialogueSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.startsAt.toISOString()).toBe(localIso(ctx.app, '2026-12-20T14:00'));
    expect(session.calendarSequence).toBe(1);
    const invite = await icsOf(volunteer, ctx.app);
    expect(invite).toMatchObject({
      method: 'REQUEST',
      uid: `${sessionId}@dialoogbot`,
      sequence: 1,
      start: localIso(ctx.app, '2026-12-20T14:00'),
    });
    expect((await volunteer.history()).some((m) => m.text.includes('Kun je dan nog?'))).toBe(true);
    const after = await p().scheduledReminder.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.dueAt.toISOString()).toBe(localIso(ctx.app, '2026-12-20T11:00')); // 3 h before
    expect(texts(await volunteer.press('Ja, ik kan'))).toContain('nieuwe tijd');
  });

  it('a partner cancels a session: everyone told, METHOD:CANCEL, every pending reminder cancelled', async () => {
    const { sessionId, volunteer } = await staffedSession('rem-d', 16);
    const partner = new LocalChatClient(ctx.app, 'partner');
    await partner.send('/mijnaanvragen');
    const cancelButtons =
      (await partner.history())
        .at(-1)
        ?.buttons?.flat()
        .filter((b) => b.label.startsWith('🗑️')) ?? [];
    const session = await p().dialogueSession.findUniqueOrThrow({
      where: { id: sessionId },
      include: { request: true },
    });
    const mine = cancelButtons.find((b) => b.label.includes(`#${session.request.number} `));
    expect(mine).toBeTruthy();
    expect(texts(await partner.roundTrip({ buttonId: mine?.id }))).toContain('Weet je zeker');
    expect(texts(await partner.press('Ja, annuleren'))).toContain('is geannuleerd');
    expect((await p().dialogueSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe(
      'CANCELLED',
    );
    expect(await p().scheduledReminder.count({ where: { sessionId, status: 'PENDING' } })).toBe(0);
    expect((await icsOf(volunteer, ctx.app)).method).toBe('CANCEL');
    expect(await new LocalChatClient(ctx.app, 'coord').last()).toContain('geannuleerd');
    // A volunteer cannot cancel someone else's session with a replayed button.
    expect(
      texts(await volunteer.roundTrip({ buttonId: (await partner.findButton('Ja, annuleren', 'any')).id })),
    ).toContain('niet voor jou');
  });

  it('a coordinator edits the format and opening questions; the day-before reminder uses them', async () => {
    const { sessionId, number, volunteer } = await staffedSession('rem-e', 13);
    const coord = new LocalChatClient(ctx.app, 'coord');
    expect(texts(await coord.send(`/gespreksvorm ${number}`))).toContain(
      `Gespreksvorm van aanvraag #${number} nu:`,
    );
    expect(texts(await coord.send('alleen één regel'))).toContain('op de eerste regel');
    const saved = texts(
      await coord.send(
        'Wandelgesprek in tweetallen\n1. Wat gaat goed in de buurt?\n2. Wat wens je je buren toe?',
      ),
    );
    expect(saved).toContain('Opgeslagen');
    const day = await p().scheduledReminder.findFirstOrThrow({ where: { sessionId, kind: 'day_before' } });
    await p().scheduledReminder.update({
      where: { id: day.id },
      data: { dueAt: new Date(Date.now() - 1000) },
    });
    await ctx.app.timers.reconcile();
    await eventually(
      async () =>
        (await p().scheduledReminder.findUniqueOrThrow({ where: { id: day.id } })).status === 'SENT',
    );
    await settle(ctx.app);
    expect(await volunteer.last()).toContain('• Wat wens je je buren toe?');
    expect(texts(await new LocalChatClient(ctx.app, 'partner').send(`/gespreksvorm ${number}`))).toContain(
      'alleen als coördinator',
    );
  });

  it('Redis flushed: the reconciler restores every pending reminder and each is sent exactly once', async () => {
    const { personId, sessionIds } = await manySessions(p(), 200, 'rem-flush');
    const due = new Date(Date.now() + 1500);
    await p().scheduledReminder.createMany({
      data: sessionIds.map((sessionId) => ({ kind: 'nudge', sessionId, personId, dueAt: due })),
    });
    await ctx.app.timers.reconcile();
    await deleteQueueKeys(ctx.app); // everything the queue knew is gone
    await ctx.app.timers.reconcile();
    await eventually(
      async () =>
        (await p().scheduledReminder.count({
          where: { sessionId: { in: sessionIds }, status: 'SENT' },
        })) === 200,
      60_000,
    );
    await settle(ctx.app, 60_000);
    const messages = await p().outboundMessage.findMany({
      where: { personId, idempotencyKey: { startsWith: 'reminder:' } },
    });
    expect(messages).toHaveLength(200);
    expect(messages.every((m) => m.status === 'SENT')).toBe(true);
  }, 150_000); // it may wait up to 2 × 60 s on a loaded machine
});

describe('a worker killed in the middle of sending (separate process, kill -9)', () => {
  it('after restart every reminder is sent exactly once', async () => {
    const databaseUrl = await createTestDatabase();
    const prefix = `t_kill_${Date.now().toString(36)}`;
    const env = baseEnv(databaseUrl, prefix);
    const COUNT = 300;
    const app = await startTestApp({ databaseUrl, env });
    const { personId, sessionIds } = await manySessions(app.db.prisma, COUNT, 'kill');
    await app.stop();

    // The reminders fall due a few seconds after the child process has started and reconciled (some
    // prepared ahead by then, some not: both paths are killed mid-way).
    const db = await prismaFor(databaseUrl);
    await db.scheduledReminder.createMany({
      data: sessionIds.map((sessionId) => ({
        kind: 'nudge',
        sessionId,
        personId,
        dueAt: new Date(Date.now() + 8000),
      })),
    });
    const child = await spawnApp(env);
    await eventually(
      async () => (await db.scheduledReminder.count({ where: { status: 'SENT' } })) > 20,
      60_000,
    );
    await killHard(child);
    const sentBeforeRestart = await db.scheduledReminder.count({ where: { status: 'SENT' } });

    const again = await restartUntilSent({ databaseUrl, env }, db, COUNT, 120_000);
    const { messages } = again;
    expect(messages).toHaveLength(COUNT);
    expect(new Set(messages.map((m) => m.idempotencyKey)).size).toBe(COUNT);
    expect(messages.every((m) => m.status === 'SENT')).toBe(true);
    expect(sentBeforeRestart).toBeGreaterThan(0);
    await again.app.stop();
    await db.$disconnect();
  }, 240_000);
});
