// Set-up shared by the reminder tests (reminders*.test.ts).
import ICAL from 'ical.js';
import { afterAll, beforeAll } from 'vitest';
import type { App } from '../../src/app.ts';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { startTestApp } from '../support/app.ts';
import type { Child } from '../support/app-processes.ts';
import {
  createPerson,
  createSession,
  createVolunteers,
  eventually,
  futureEvening,
  setSettings,
} from '../support/fixtures.ts';
import { LocalChatClient, settle } from '../support/local-chat-client.ts';

export { deleteQueueKeys } from '../support/queue-keys.ts';
export { localIso } from '../support/zone.ts';

/** The latest .ics file in a chat, parsed. */
export async function icsOf(client: LocalChatClient, app: App) {
  const withFile = (await client.history()).filter((m) => m.file).at(-1);
  if (!withFile?.file) throw new Error('no .ics file in the chat');
  const body = await (await fetch(`${app.url}${withFile.file.url}`)).text();
  const cal = new ICAL.Component(ICAL.parse(body));
  const event = cal.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT in the .ics file');
  return {
    method: cal.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
  };
}

/**
 * For one describe block: the app (no demo data) with a coordinator and a partner, started before
 * its tests and stopped after them. Read `app` and `partnerId` inside the tests.
 */
export function useRemindersApp(): { readonly app: App; readonly partnerId: string } {
  let app: App | undefined;
  let partnerId: string | undefined;
  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: '0' } });
    partnerId = await coordinatorAndPartner(app.db.prisma);
  });
  afterAll(async () => {
    await app?.stop();
  });
  return {
    get app() {
      if (!app) throw new Error('the app is not started yet (use it inside a test)');
      return app;
    },
    get partnerId() {
      if (partnerId === undefined) throw new Error('no partner yet (use it inside a test)');
      return partnerId;
    },
  };
}

/**
 * After a crash: starts the app again on the same database and waits until all `count` reminders
 * are sent; returns the app (still running) and every reminder message.
 */
export async function restartUntilSent(
  options: { databaseUrl: string; env: Record<string, string> },
  store: PrismaClient,
  count: number,
  timeoutMs: number,
) {
  const app = await startTestApp(options);
  await eventually(
    async () => (await store.scheduledReminder.count({ where: { status: 'SENT' } })) === count,
    timeoutMs,
  );
  await settle(app, 60_000);
  const messages = await store.outboundMessage.findMany({
    where: { idempotencyKey: { startsWith: 'reminder:' } },
  });
  return { app, messages };
}

/** A session requested by the partner, staffed through the real offer flow by one new volunteer. */
export async function staffedSession(app: App, partnerId: string, prefix: string, daysAhead = 10) {
  const p = app.db.prisma;
  await createVolunteers(p, 1, { prefix });
  await setSettings(p, { waveSize: 1 });
  const s = await createSession(p, { startsAt: futureEvening(daysAhead), requestedById: partnerId });
  await app.staff([s.sessionId]);
  await settle(app);
  // Whoever matching chose gets the offer; they accept it.
  const offer = await p.offer.findFirstOrThrow({
    where: { sessionId: s.sessionId, status: 'OPEN' },
    include: { person: { include: { identities: true } } },
  });
  const volunteer = new LocalChatClient(app, offer.person.identities[0]?.externalId as string);
  await volunteer.press('✅ Ja, ik doe het');
  return { ...s, volunteer, personId: offer.personId };
}

/** `count` sessions a minute apart, twenty days ahead, with one volunteer assigned to all of them. */
export async function manySessions(p: PrismaClient, count: number, prefix: string) {
  const [vol] = await createVolunteers(p, 1, { prefix });
  const start = futureEvening(20);
  const request = await createSession(p, { startsAt: start });
  const sessions = await p.dialogueSession.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({
      requestId: request.requestId,
      startsAt: new Date(start.getTime() + i * 60_000),
      endsAt: new Date(start.getTime() + i * 60_000 + 3_600_000),
    })),
  });
  const personId = vol?.personId as string;
  await p.assignment.createMany({
    data: sessions.map((s) => ({ sessionId: s.id, personId, role: 'LEAD' as const })),
  });
  return { personId, sessionIds: sessions.map((s) => s.id) };
}

/** kill -9 a child started with spawnApp (test/support/app-processes.ts), and wait until it is gone. */
export async function killHard(child: Child): Promise<void> {
  const exited = new Promise((r) => child.process.once('exit', r));
  child.process.kill('SIGKILL');
  await exited;
}

/** Coordinator Lieke and partner Fatima of organisation Testhuis; returns the partner's id. */
export async function coordinatorAndPartner(p: PrismaClient): Promise<string> {
  await createPerson(p, 'coord', 'Lieke', ['COORDINATOR']);
  const partnerId = (await createPerson(p, 'partner', 'Fatima', ['PARTNER'])).id;
  await p.membership.create({
    data: {
      person: { connect: { id: partnerId } },
      organisation: { connectOrCreate: { where: { name: 'Testhuis' }, create: { name: 'Testhuis' } } },
    },
  });
  return partnerId;
}
