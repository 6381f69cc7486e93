import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { turnRepos } from '../../src/db/turn-repos.ts';
import { startTestApp } from '../support/app.ts';
import { createPerson, createSession, createVolunteers, futureEvening } from '../support/fixtures.ts';
import { submitRequestViaChat } from '../support/intake-script.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';

const STALE_NL = 'Deze knop hoort bij een eerdere vraag';
const STALE_EN = 'This button belongs to an earlier question';

// A confirmation question is answered once: after "No", its "Yes" does nothing (and the reverse),
// a double tap does nothing the second time, and a newer question of the same kind retires the older.
describe('confirmation buttons are single-use (PostgreSQL + Redis)', () => {
  let app: App;
  const p = () => app.db.prisma;
  let partnerId: string;
  let coordId: string;
  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: '0' } });
    coordId = (await createPerson(p(), 'coord', 'Lieke', ['COORDINATOR'])).id;
    partnerId = (await createPerson(p(), 'partner', 'Fatima', ['PARTNER'])).id;
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** Messages written to anyone but `personId` (what the press told other people). */
  const toOthers = (personId: string) =>
    p().outboundMessage.count({ where: { personId: { not: personId } } });

  /** A volunteer with an active assignment for an upcoming session of the partner. */
  async function assigned(prefix: string, locale = 'nl') {
    const [vol] = await createVolunteers(p(), 1, { prefix });
    if (!vol) throw new Error('no volunteer');
    await p().person.update({ where: { id: vol.personId }, data: { locale } });
    const session = await createSession(p(), { startsAt: futureEvening(12), requestedById: partnerId });
    await p().assignment.create({
      data: { sessionId: session.sessionId, personId: vol.personId, role: 'LEAD', status: 'ACTIVE' },
    });
    await p().dialogueSession.update({ where: { id: session.sessionId }, data: { status: 'STAFFED' } });
    return { ...session, volunteer: vol, client: new LocalChatClient(app, vol.key) };
  }

  it('/vergeetmij: after "Nee, bewaren", the erase button of the same question erases nothing', async () => {
    const [vol] = await createVolunteers(p(), 1, { prefix: 'erase' });
    if (!vol) throw new Error('no volunteer');
    const client = new LocalChatClient(app, vol.key);
    expect(texts(await client.send('/vergeetmij'))).toContain('Weet je het zeker?');
    expect(texts(await client.press('Nee, bewaren'))).toContain('Goed, ik heb niets gewist.');

    const erase = await client.findButton('🗑️ Wis mijn gegevens', 'any');
    expect(texts(await client.roundTrip({ buttonId: erase.id }))).toContain(STALE_NL);
    const person = await p().person.findUniqueOrThrow({
      where: { id: vol.personId },
      include: { identities: true, volunteer: true },
    });
    expect(person.erasedAt).toBeNull();
    expect(person.displayName).toBe('Vrijwilliger0 Test');
    expect(person.identities).toHaveLength(1);
    expect(person.volunteer).not.toBeNull();
    expect(await p().auditLog.count({ where: { action: 'privacy.erased' } })).toBe(0);

    // "No" pressed twice: the second press is answered as stale too.
    const keep = await client.findButton('Nee, bewaren', 'any');
    expect(texts(await client.roundTrip({ buttonId: keep.id }))).toContain(STALE_NL);

    // A new question has fresh buttons, and asking again retires the older question's.
    await client.send('/vergeetmij');
    const older = await client.findButton('🗑️ Wis mijn gegevens');
    await client.send('/vergeetmij');
    expect(texts(await client.roundTrip({ buttonId: older.id }))).toContain(STALE_NL);
    expect((await p().person.findUniqueOrThrow({ where: { id: vol.personId } })).erasedAt).toBeNull();
  });

  it('cancelling a session: after "Nee, laat staan" the "Ja, annuleren" of that question cancels nothing; a double tap cancels once', async () => {
    const { sessionId } = await assigned('cancel');
    const partner = new LocalChatClient(app, 'partner');
    await settle(app);
    await partner.send('/mijnaanvragen');
    expect(texts(await partner.press(/^🗑️ Annuleer /))).toContain('Weet je zeker');
    expect(texts(await partner.press('Nee, laat staan'))).toContain('Prima, de dialoog blijft staan.');
    const before = await toOthers(partnerId);

    const yes = await partner.findButton('Ja, annuleren', 'any');
    expect(texts(await partner.roundTrip({ buttonId: yes.id }))).toContain(STALE_NL);
    expect((await p().dialogueSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe(
      'STAFFED',
    );
    expect(await p().assignment.count({ where: { sessionId, status: 'ACTIVE' } })).toBe(1);
    expect(await toOthers(partnerId)).toBe(before);
    expect(await p().auditLog.count({ where: { action: 'session.cancelled' } })).toBe(0);

    // Asked again and confirmed: cancelled once; the same "Yes" pressed again does nothing more.
    await partner.send('/mijnaanvragen');
    await partner.press(/^🗑️ Annuleer /);
    const again = await partner.findButton('Ja, annuleren');
    expect(texts(await partner.roundTrip({ buttonId: again.id }))).toContain('geannuleerd');
    expect((await p().dialogueSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe(
      'CANCELLED',
    );
    await settle(app);
    const told = await toOthers(partnerId);
    expect(told).toBeGreaterThan(before);
    expect(texts(await partner.roundTrip({ buttonId: again.id }))).toContain(STALE_NL);
    expect(texts(await partner.press('Nee, laat staan'))).toContain(STALE_NL);
    expect(await toOthers(partnerId)).toBe(told);
    expect(await p().auditLog.count({ where: { action: 'session.cancelled' } })).toBe(1);
  });

  it('handing back (in English): after "No, I\'ll stay" the "Yes, hand it back" of that question hands nothing back', async () => {
    const { sessionId, number, volunteer, client } = await assigned('handback', 'en');
    await settle(app);
    expect(texts(await client.send('/mysessions'))).toContain(`#${number}`);
    expect(texts(await client.press(`↩️ Hand back #${number}`))).toContain('Are you sure');
    expect(texts(await client.press("No, I'll stay"))).toContain("Fine, you're still on the schedule.");
    const before = await toOthers(volunteer.personId);

    const yes = await client.findButton('Yes, hand it back', 'any');
    expect(texts(await client.roundTrip({ buttonId: yes.id }))).toContain(STALE_EN);
    expect(
      await p().assignment.count({ where: { sessionId, personId: volunteer.personId, status: 'ACTIVE' } }),
    ).toBe(1);
    expect(await toOthers(volunteer.personId)).toBe(before);
    expect(await p().auditLog.count({ where: { action: 'assignment.handed_back' } })).toBe(0);

    // Asked again, "Yes" tapped twice at once: handed back once, the other tap is answered as stale.
    await client.send('/mysessions');
    await client.press(`↩️ Hand back #${number}`);
    const again = await client.findButton('Yes, hand it back');
    const seen = new Set((await client.history()).map((m) => m.id));
    const posts = await Promise.all([
      client.post({ buttonId: again.id }),
      client.post({ buttonId: again.id }),
    ]);
    expect(posts.map((r) => r.status)).toEqual([202, 202]);
    await settle(app);
    const replies = texts((await client.history()).filter((m) => m.direction === 'out' && !seen.has(m.id)));
    expect(replies.match(/you've handed back the dialogue/g)).toHaveLength(1);
    expect(replies).toContain(STALE_EN);
    expect(await p().auditLog.count({ where: { action: 'assignment.handed_back' } })).toBe(1);
  });

  it('two presses of one question in concurrent transactions: exactly one gets to answer it', async () => {
    const sql = app.db.sql;
    if (!sql?.transaction) throw new Error('needs the pg pool');
    const scope = {
      flow: 'action',
      rev: 0,
      expiresAt: new Date(Date.now() + 86_400_000),
      question: 'race:1',
    };
    const [row] = await turnRepos(sql).createButtons(partnerId, scope, [
      [
        { label: 'Ja', action: 'act.race.yes' },
        { label: 'Nee', action: 'act.race.no' },
      ],
    ]);
    const [yes, no] = row ?? [];
    if (!yes || !no) throw new Error('no buttons');
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let pressed = () => {};
    const firstPressed = new Promise<void>((r) => {
      pressed = r;
    });
    // The first press holds its transaction open while the second one runs against it.
    const first = sql.transaction(async (tx) => {
      const ok = await turnRepos(tx).useQuestion(partnerId, yes.id, new Date());
      pressed();
      await held;
      return ok;
    });
    await firstPressed;
    const second = sql.transaction((tx) => turnRepos(tx).useQuestion(partnerId, no.id, new Date()));
    // Give the second a moment to reach the rows the first holds, then let the first commit.
    await new Promise((r) => setTimeout(r, 100));
    release();
    expect(await Promise.all([first, second])).toEqual([true, false]);
    const used = await p().buttonToken.findMany({ where: { id: { in: [yes.id, no.id] } } });
    expect(used.every((b) => b.usedAt !== null)).toBe(true);
  });

  it('/instellingen: a button of an older settings message, or of one already used, changes nothing', async () => {
    const coord = new LocalChatClient(app, 'coord');
    const settings = () => p().setting.findMany({ orderBy: { key: 'asc' } });
    expect(texts(await coord.send('/instellingen'))).toContain('Automatische aanbiedingen: aan');
    const older = await coord.findButton(/^Automatische aanbiedingen uit/);
    await coord.send('/instellingen');
    const before = await settings();
    expect(texts(await coord.roundTrip({ buttonId: older.id }))).toContain(STALE_NL);
    expect(await settings()).toEqual(before);

    // The newest works once; its other button is then stale, and the message it sent is the one to use.
    const approval = await coord.findButton(/^Goedkeuring /);
    expect(texts(await coord.press(/^Automatische aanbiedingen uit/))).toContain(
      'Automatische aanbiedingen: uit',
    );
    const after = await settings();
    expect(texts(await coord.roundTrip({ buttonId: approval.id }))).toContain(STALE_NL);
    expect(await settings()).toEqual(after);
    expect(texts(await coord.press(/^Automatische aanbiedingen aan/))).toContain(
      'Automatische aanbiedingen: aan',
    );
    expect(await p().auditLog.count({ where: { action: 'setting.changed', actorId: coordId } })).toBe(2);
  });

  it('intake: after "Nee, terug naar de samenvatting" the "Ja, weggooien" of that question discards nothing', async () => {
    const jeroen = await createPerson(p(), 'jeroen', 'Jeroen', ['PARTNER']);
    const partner = new LocalChatClient(app, 'jeroen');
    await submitRequestViaChat(partner, { organisation: 'Buurthuis Jeroen', submit: false });
    expect(texts(await partner.press('🗑️ Aanvraag annuleren'))).toContain('Weet je zeker');
    await partner.press('Nee, terug naar de samenvatting');
    const discard = await partner.findButton('Ja, weggooien', 'any');
    expect(texts(await partner.roundTrip({ buttonId: discard.id }))).toContain(STALE_NL);
    expect((await p().conversation.findUniqueOrThrow({ where: { personId: jeroen.id } })).flow).toBe(
      'intake',
    );
    expect(texts(await partner.press('✅ Versturen'))).toMatch(/aanvraag #\d+ is verstuurd/);
  });

  it('a conversation’s buttons end with it: the next one of the same flow does not take them as its own', async () => {
    await createPerson(p(), 'noor', 'Noor', ['PARTNER']);
    const partner = new LocalChatClient(app, 'noor');
    await submitRequestViaChat(partner, { organisation: 'Buurthuis Noor', submit: false });
    const first = await partner.findButton('✅ Versturen');
    await partner.send('/stop');
    // The same questions again: the new conversation reaches its summary at the same revision.
    await submitRequestViaChat(partner, { organisation: 'Buurthuis Noor', submit: false });
    const requests = () => p().dialogueRequest.count({ where: { organisation: { name: 'Buurthuis Noor' } } });
    expect(texts(await partner.roundTrip({ buttonId: first.id }))).toContain(STALE_NL);
    expect(await requests()).toBe(0);
    expect(texts(await partner.press('✅ Versturen'))).toMatch(/aanvraag #\d+ is verstuurd/);
    expect(await requests()).toBe(1);
  });

  it('the partner’s "Er is iets veranderd", pressed twice, tells the coordinators once', async () => {
    const { sessionId } = await createSession(p(), { startsAt: futureEvening(3), requestedById: partnerId });
    const partner = new LocalChatClient(app, 'partner');
    const button = await p().buttonToken.create({
      data: {
        id: `pc-${sessionId}`.slice(0, 24),
        personId: partnerId,
        flow: 'action',
        rev: 0,
        action: 'act.partner.changed',
        value: sessionId,
        label: 'Er is iets veranderd',
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    expect(texts(await partner.roundTrip({ buttonId: button.id }))).toContain('Dank je');
    await partner.roundTrip({ buttonId: button.id });
    expect(
      await p().outboundMessage.count({
        where: { personId: coordId, idempotencyKey: { startsWith: `partner-changed:${sessionId}` } },
      }),
    ).toBe(1);
  });
});
