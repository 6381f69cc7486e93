import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import { createPerson, createSession, createVolunteers } from '../support/fixtures.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';
import { brokenInvariants } from './db-invariants.ts';

/** Found with the DB-fuzz invariant "no volunteer booked twice at overlapping times". */
describe('moving a session onto a time its facilitator is already booked', () => {
  let app: App;
  const logLines: string[] = [];
  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: '0' }, logLines });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('releases that facilitator from the moved session (with a message) instead of double-booking them', async () => {
    const prisma = app.db.prisma;
    await createPerson(prisma, 'coord', 'Lieke', ['COORDINATOR']);
    const partner = await createPerson(prisma, 'partner', 'Fatima', ['PARTNER']);
    const [vol] = await createVolunteers(prisma, 1, { prefix: 'clash' });
    const day = 86_400_000;
    const first = await createSession(prisma, {
      startsAt: new Date(Date.now() + 10 * day),
      requestedById: partner.id,
    });
    const second = await createSession(prisma, {
      startsAt: new Date(Date.now() + 11 * day),
      requestedById: partner.id,
    });
    // The partner's organisation owns both requests, so they can move them.
    const org = await prisma.organisation.findFirstOrThrow({ where: { name: 'Testhuis' } });
    await prisma.membership.create({ data: { personId: partner.id, organisationId: org.id } });
    for (const s of [first, second]) {
      await prisma.assignment.create({
        data: { sessionId: s.sessionId, personId: vol?.personId ?? '', role: 'LEAD' },
      });
      await prisma.dialogueSession.update({ where: { id: s.sessionId }, data: { status: 'STAFFED' } });
    }

    const fatima = new LocalChatClient(app, 'partner');
    await fatima.send('/mijnaanvragen');
    await fatima.press(new RegExp(`#${second.number} `));
    const target = new Date(Date.now() + 10 * day + 30 * 60_000);
    const local = target.toLocaleString('nl-NL', {
      timeZone: app.config.APP_TIMEZONE,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    const [date, time] = local.split(', ');
    const replies = await fatima.send(`${date?.replaceAll('/', '-')} ${time}`);
    expect(texts(replies)).toMatch(/verplaatst/);
    await settle(app);

    expect(await brokenInvariants(app, logLines)).toEqual({});
    const moved = await prisma.assignment.findFirstOrThrow({ where: { sessionId: second.sessionId } });
    expect(moved.status).toBe('RELEASED');
    expect(await new LocalChatClient(app, vol?.key ?? '').last()).toContain('al een andere dialoog');
  });
});
