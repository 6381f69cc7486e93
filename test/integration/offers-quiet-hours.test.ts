import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import {
  createPerson,
  createSession,
  createVolunteers,
  eventually,
  setSettings,
} from '../support/fixtures.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';
import { deleteQueueKeys } from '../support/queue-keys.ts';

/** A fixed-offset zone in which it is now 23:xx (Etc/GMT signs are inverted), i.e. quiet hours. */
function lateEveningZone(now = new Date()): string {
  const offset = ((23 - now.getUTCHours() + 36) % 24) - 12;
  if (offset === 0) return 'Etc/UTC';
  return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/**
 * No offers at night (PRODUCT.md: quiet hours): a round that comes up between 21:00 and 08:00 waits
 * for 08:00, recorded on the session so a flushed Redis loses none; a coordinator who asks for it
 * hears when it goes out. The app runs in a zone where it is late evening, on a clock the test moves.
 */
describe('offers wait for the morning (PostgreSQL + Redis)', () => {
  let app: App;
  let shift = 0;
  const zone = lateEveningZone();
  const p = () => app.db.prisma;
  beforeAll(async () => {
    app = await startTestApp({
      env: { DEMO_DATA: '0', APP_TIMEZONE: zone },
      now: () => new Date(Date.now() + shift),
    });
    await createPerson(p(), 'coord', 'Lieke', ['COORDINATOR']);
    await createVolunteers(p(), 3, { prefix: 'night' });
    await setSettings(p(), { waveSize: 3 });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('a round at 23:00 goes out at 08:00, also when Redis lost its timer', async () => {
    const startsAt = DateTime.now().setZone(zone).plus({ days: 12 }).set({ hour: 19, minute: 0 }).toJSDate();
    const { sessionId, number } = await createSession(p(), { startsAt });
    const morning = DateTime.now().setZone(zone).plus({ days: 1 }).startOf('day').set({ hour: 8 });

    const coord = new LocalChatClient(app, 'coord');
    await coord.send(`/kandidaten ${number}`);
    const reply = texts(await coord.press('📨 Stuur aanbiedingen'));
    expect(reply).toContain('Het is rusttijd');
    expect(reply).toContain('08:00');
    expect(await p().offer.count({ where: { sessionId } })).toBe(0);
    const held = await p().dialogueSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(held.offersDueAt?.toISOString()).toBe(morning.toJSDate().toISOString());
    // Asked again in the night: still held, nothing sent.
    await app.staff([sessionId]);
    await settle(app);
    expect(await p().offer.count({ where: { sessionId } })).toBe(0);

    // Redis loses the delayed job; at 08:05 the reconciler finds the held round in the database.
    await deleteQueueKeys(app);
    shift = morning.plus({ minutes: 5 }).toMillis() - Date.now();
    await app.timers.reconcile();
    const offers = await eventually(async () => {
      const rows = await p().offer.findMany({ where: { sessionId } });
      return rows.length > 0 ? rows : null;
    });
    await settle(app);
    expect(offers).toHaveLength(3);
    expect(
      (await p().dialogueSession.findUniqueOrThrow({ where: { id: sessionId } })).offersDueAt,
    ).toBeNull();
    const volunteer = new LocalChatClient(app, 'night-0');
    expect(await volunteer.last()).toContain('Wil jij');
  });

  it('a session too near to wait for the morning gets its offers at once', async () => {
    shift = 0;
    const startsAt = DateTime.now().setZone(zone).plus({ days: 1 }).set({ hour: 12, minute: 0 }).toJSDate();
    const { sessionId } = await createSession(p(), { startsAt });
    await app.staff([sessionId]);
    await settle(app);
    expect(await p().offer.count({ where: { sessionId } })).toBeGreaterThan(0);
    expect(
      (await p().dialogueSession.findUniqueOrThrow({ where: { id: sessionId } })).offersDueAt,
    ).toBeNull();
  });
});
