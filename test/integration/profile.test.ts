import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { parseAvailability } from '../../src/domain/matching/availability.ts';
import { startTestApp } from '../support/app.ts';
import { LocalChatClient, texts } from '../support/local-chat-client.ts';

describe('volunteer profile through the local web chat (PostgreSQL + Redis)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  const profileOf = (persona: string) =>
    app.db.prisma.volunteerProfile.findFirstOrThrow({
      where: { person: { identities: { some: { externalId: persona } } } },
    });

  it('a volunteer changes languages, wijken, availability and maximum; the stored profile follows', async () => {
    const joost = new LocalChatClient(app, 'volunteer-joost');
    const before = await profileOf('volunteer-joost');
    const overview = texts(await joost.send('/profiel'));
    expect(overview).toContain('Je profiel');
    expect(overview).toContain('Leidsche Rijn');
    expect(overview).toContain('stelt een coördinator in');

    await joost.press('🗣️ Talen');
    expect(texts(await joost.send('Nederlands en Klingon'))).toContain('herken ik niet');
    expect(texts(await joost.send('Nederlands en Arabisch'))).toContain('Opgeslagen');

    await joost.press('📍 Wijken');
    expect(texts(await joost.send('Amsterdam-Noord'))).toContain('ken ik niet');
    await joost.press('Overvecht');
    await joost.press('✅ Leidsche Rijn'); // switch it off
    await joost.press('West');
    expect(texts(await joost.press('✔️ Klaar'))).toContain('Wijken: Overvecht, West');

    await joost.press('🗓️ Beschikbaarheid');
    expect(texts(await joost.send('alleen ma en wo avond, za ochtend'))).toContain(
      'Gekozen: ma avond, wo avond, za ochtend',
    );
    expect(texts(await joost.press('✔️ Klaar'))).toContain(
      'Meestal beschikbaar: ma avond, wo avond, za ochtend',
    );

    await joost.press('🔢 Maximum per maand');
    expect(texts(await joost.send('veel'))).toContain('getal van 0 tot 20');
    expect(texts(await joost.send('25'))).toContain('het maximum is 20');
    expect(texts(await joost.send('4'))).toContain('Maximaal per maand: 4');
    expect(texts(await joost.press('✔️ Klaar'))).toContain('Je profiel is bijgewerkt');

    const after = await profileOf('volunteer-joost');
    expect(after).toMatchObject({
      languages: ['nl', 'ar'],
      wijken: ['overvecht', 'west'],
      anywhere: false,
      maxPerMonth: 4,
      level: before.level,
      certifiedAt: before.certifiedAt,
    });
    const availability = parseAvailability(after.availability);
    expect(availability.ok).toBe(true);
    expect(availability.ok && availability.value.weekly).toEqual({
      mon: ['evening'],
      wed: ['evening'],
      sat: ['morning'],
    });
    const audit = await app.db.prisma.auditLog.findMany({
      where: { action: 'profile.updated', actorId: after.personId },
    });
    expect(audit).toHaveLength(4);
    expect(await app.db.prisma.conversation.count({ where: { personId: after.personId } })).toBe(0);
  });

  it('typing in the availability and wijk pickers adds to what was tapped; only Klaar saves', async () => {
    const mohamed = new LocalChatClient(app, 'volunteer-mohamed');
    const before = await profileOf('volunteer-mohamed');
    await mohamed.send('/profiel');
    await mohamed.press('🗓️ Beschikbaarheid');
    await mohamed.press('za avond');
    const typed = texts(await mohamed.send('zondagmiddag ook'));
    expect(typed).toContain('Toegevoegd: zo middag. Nog niet opgeslagen');
    expect(typed).toContain('Gekozen: ma avond, di avond, wo middag+avond, do avond, za avond, zo middag');
    expect(typed).not.toContain('Opgeslagen ✓');
    expect((await profileOf('volunteer-mohamed')).availability).toEqual(before.availability);
    expect(texts(await mohamed.send('soms'))).toContain('begrijp ik niet helemaal');
    expect(texts(await mohamed.send('maandag niet meer'))).toContain('Weggehaald: ma avond.');
    expect(texts(await mohamed.press('✔️ Klaar'))).toContain(
      'Meestal beschikbaar: di avond, wo middag+avond, do avond, za avond, zo middag',
    );
    const stored = parseAvailability((await profileOf('volunteer-mohamed')).availability);
    expect(stored.ok && stored.value.weekly).toEqual({
      tue: ['evening'],
      wed: ['afternoon', 'evening'],
      thu: ['evening'],
      sat: ['evening'],
      sun: ['afternoon'],
    });
    await mohamed.press('✔️ Klaar');

    const res = await fetch(`${app.url}/api/local/personas`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Lina' }),
    });
    const lina = new LocalChatClient(app, ((await res.json()) as { persona: { key: string } }).persona.key);
    await lina.send('/start DEMO-VRIJWILLIGER');
    await lina.press('Lina');
    await lina.press('✅ Akkoord');
    await lina.press('📝 Profiel nu invullen');
    await lina.press('📍 Wijken');
    await lina.press('Overvecht');
    const wijken = texts(await lina.send('Lombok en Kanaleneiland'));
    expect(wijken).toContain('Toegevoegd: West, Zuidwest.');
    expect(wijken).toContain('Gekozen: Overvecht, West, Zuidwest');
    expect(wijken).not.toContain('Opgeslagen ✓');
    expect(texts(await lina.press('✔️ Klaar'))).toContain('Wijken: Overvecht, West, Zuidwest');
    expect(await profileOf(lina.persona)).toMatchObject({ wijken: ['overvecht', 'west', 'zuidwest'] });
  });

  it('/pauze tot <date> pauses until that date; /pauze uit ends it', async () => {
    const joost = new LocalChatClient(app, 'volunteer-joost');
    const until = DateTime.now().setZone(app.config.APP_TIMEZONE).plus({ days: 40 });
    const replies = texts(await joost.send(`/pauze tot ${until.toFormat('d-M-yyyy')}`));
    expect(replies).toContain('Je pauzeert tot en met');
    let profile = await profileOf('volunteer-joost');
    const stored = parseAvailability(profile.availability);
    expect(stored.ok && stored.value.pausedUntil).toBe(until.toISODate());
    expect(profile.pausedUntil?.getTime()).toBe(until.plus({ days: 1 }).startOf('day').toMillis());

    expect(texts(await joost.send('/pauze 1-1-2020'))).toContain('verleden');
    await joost.send('/stop');
    // Words for a past day are understood, and said to be in the past.
    expect(texts(await joost.send('/pauze tot gisteren'))).toContain('Die datum ligt in het verleden');
    await joost.send('/stop');
    expect(texts(await joost.send('/pause off'))).toContain('Je pauze is voorbij');
    profile = await profileOf('volunteer-joost');
    expect(profile.pausedUntil).toBeNull();
  });

  it('a partner typing /profiel is told it is for volunteers', async () => {
    const fatima = new LocalChatClient(app, 'partner-fatima');
    expect(texts(await fatima.send('/profiel'))).toContain('alleen als vrijwilliger');
  });

  it('a new volunteer is offered the profile right after signing up', async () => {
    const res = await fetch(`${app.url}/api/local/personas`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Noor' }),
    });
    const noor = new LocalChatClient(app, ((await res.json()) as { persona: { key: string } }).persona.key);
    await noor.send('/start DEMO-VRIJWILLIGER');
    await noor.press('Noor');
    expect(texts(await noor.press('✅ Akkoord'))).toContain('profiel invullen');
    expect(texts(await noor.press('📝 Profiel nu invullen'))).toContain('Talen: nog niet ingevuld');
  });

  it('a volunteer sees and switches "receive broadcasts" in /profiel (nl) and /profile (en)', async () => {
    const joost = new LocalChatClient(app, 'volunteer-joost');
    expect(texts(await joost.send('/profiel'))).toContain('Rondzendberichten ontvangen: ja');
    expect(texts(await joost.press('📣 Rondzendberichten'))).toContain('Nu: ja');
    expect(texts(await joost.send('misschien'))).toContain('typ "ja" of "nee"');
    expect(texts(await joost.press('🔕 Nee, liever niet'))).toContain('Rondzendberichten ontvangen: nee');
    expect((await profileOf('volunteer-joost')).broadcastOptOut).toBe(true);
    await joost.press('📣 Rondzendberichten');
    expect(texts(await joost.send('ja'))).toContain('Rondzendberichten ontvangen: ja');
    expect((await profileOf('volunteer-joost')).broadcastOptOut).toBe(false);
    await joost.press('✔️ Klaar');

    const grace = new LocalChatClient(app, 'volunteer-grace');
    expect(texts(await grace.send('/profile broadcasts'))).toContain(
      'Do you want to receive broadcast messages',
    );
    expect(texts(await grace.press('🔕 No, thanks'))).toContain('Saved');
    expect((await profileOf('volunteer-grace')).broadcastOptOut).toBe(true);
    expect(texts(await grace.send('/profile'))).toContain('Receive broadcast messages: no');
    await grace.send('/stop');
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'profile.updated', actorId: (await profileOf('volunteer-grace')).personId },
    });
    expect(audit.details).toEqual({ fields: ['broadcastOptOut'] });
  });
});
