// Helpers for the coordinator dashboard tests: ask for a sign-in link in chat, sign in over HTTP,
// and seed the data the dashboard pages show.
import type { App } from '../../src/app.ts';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { createSession, createVolunteers } from './fixtures.ts';
import { LocalChatClient } from './local-chat-client.ts';

const DAY = 86_400_000;

/** Sends /dashboard as this persona; returns the bot's reply and the link in it (null: no link). */
export async function askDashboardLink(
  app: App,
  persona: string,
): Promise<{ text: string; link: string | null }> {
  const replies = await new LocalChatClient(app, persona).send('/dashboard');
  const text = replies.map((m) => m.text).join('\n');
  const m = /https?:\/\/\S+\/dashboard\/login\?token=[\w-]+/.exec(text);
  return { text, link: m ? m[0] : null };
}

/** The link's path and query against this app (the link may carry PUBLIC_URL's host). */
export function onApp(app: App, link: string): string {
  const u = new URL(link);
  return `${app.url}${u.pathname}${u.search}`;
}

/** Submits the sign-in form like a browser on our own origin; returns the response. */
export async function postSignIn(app: App, link: string, origin: string | null = app.url): Promise<Response> {
  const token = new URL(link).searchParams.get('token') ?? '';
  return fetch(`${app.url}/dashboard/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(origin ? { origin } : {}),
    },
    body: new URLSearchParams({ token }).toString(),
  });
}

/** The `name=value` part of the session cookie a response set (null: none). */
export function sessionCookieOf(res: Response): string | null {
  const header = res.headers.get('set-cookie') ?? '';
  const m = /(dialoog_dashboard=[^;]+)/.exec(header);
  return m?.[1] && !m[1].endsWith('=') ? m[1] : null;
}

/** Requests, sessions (staffed and not), an approved harvest with shared and private items, audit rows. */
export async function seedDashboardData(prisma: PrismaClient): Promise<{ numbers: number[] }> {
  const [a, b] = await createVolunteers(prisma, 2, { prefix: 'dash' });
  const soon = await createSession(prisma, { startsAt: new Date(Date.now() + 3 * DAY), needsCo: true });
  const later = await createSession(prisma, { startsAt: new Date(Date.now() + 12 * DAY) });
  const past = await createSession(prisma, { startsAt: new Date(Date.now() - 10 * DAY) });
  await prisma.assignment.create({
    data: { sessionId: soon.sessionId, personId: a?.personId as string, role: 'LEAD' },
  });
  await prisma.assignment.create({
    data: { sessionId: past.sessionId, personId: b?.personId as string, role: 'LEAD' },
  });
  await prisma.dialogueRequest.update({ where: { id: soon.requestId }, data: { status: 'STAFFING' } });
  await prisma.dialogueRequest.update({ where: { id: past.requestId }, data: { status: 'DONE' } });
  await prisma.harvest.create({
    data: {
      sessionId: past.sessionId,
      authorId: b?.personId,
      status: 'APPROVED',
      approvedAt: new Date(),
      rawNotes: {
        version: 1,
        answers: { reflection: 'PRIVATE-REFLECTION-TEXT' },
        skipped: [],
        attachments: [],
      },
      structured: {
        version: 1,
        participants: 14,
        themes: ['eenzaamheid', 'wonen'],
        tags: ['buren'],
        items: [
          { section: 'insight', text: 'Buren willen elkaar vaker zien.', verbatim: false, share: true },
          { section: 'signal', text: 'KEPT-FOR-ORGANISATION-ONLY', verbatim: false, share: false },
        ],
      },
    },
  });
  await prisma.auditLog.create({
    data: { actorId: null, action: 'seed.example', subjectType: 'request', subjectId: later.requestId },
  });
  return { numbers: [soon.number, later.number, past.number] };
}
