import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import { createPerson, createSession, createVolunteers } from '../support/fixtures.ts';
import { LocalChatClient, settle } from '../support/local-chat-client.ts';
import { atLocal } from '../support/zone.ts';

describe('accepting offers never takes a volunteer above their monthly maximum', () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: '0' } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('two offers in one month for someone with a maximum of one: the second acceptance is refused politely', async () => {
    const prisma = app.db.prisma;
    await createPerson(prisma, 'coord', 'Lieke', ['COORDINATOR']);
    const [vol] = await createVolunteers(prisma, 1, { prefix: 'max', maxPerMonth: 1 });
    // Two evenings in the same calendar month, far apart enough not to clash.
    const base = atLocal(new Date(Date.now() + 40 * 86_400_000), 19, 0, 3);
    const a = await createSession(prisma, { startsAt: base });
    const b = await createSession(prisma, { startsAt: new Date(base.getTime() + 7 * 86_400_000) });
    await app.staff([a.sessionId, b.sessionId]);
    await settle(app);
    const offers = await prisma.offer.findMany({ where: { personId: vol?.personId } });
    expect(offers).toHaveLength(2);

    const client = new LocalChatClient(app, vol?.key ?? '');
    for (const button of (await client.history()).flatMap((m) => (m.buttons ?? []).flat()))
      if (button.label.startsWith('✅')) await client.roundTrip({ buttonId: button.id });
    const active = await prisma.assignment.count({ where: { personId: vol?.personId, status: 'ACTIVE' } });
    expect(active).toBe(1);
    expect(await client.last()).toContain('boven je eigen maximum');
  });

  it('a cancelled dialogue no longer counts: its facilitator is offered the next one at that time', async () => {
    const prisma = app.db.prisma;
    const [vol] = await createVolunteers(prisma, 1, { prefix: 'freed', maxPerMonth: 1 });
    const at = atLocal(new Date(Date.now() + 45 * 86_400_000), 19);
    const cancelled = await createSession(prisma, { startsAt: at });
    await prisma.assignment.create({
      data: { sessionId: cancelled.sessionId, personId: vol?.personId ?? '', role: 'LEAD' },
    });
    await prisma.dialogueSession.update({
      where: { id: cancelled.sessionId },
      data: { status: 'CANCELLED' },
    });
    const next = await createSession(prisma, { startsAt: at });
    await app.staff([next.sessionId]);
    await settle(app);
    expect(await prisma.offer.count({ where: { sessionId: next.sessionId, personId: vol?.personId } })).toBe(
      1,
    );
  });
});
