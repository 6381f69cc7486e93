import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { sweepRetention } from '../../src/db/retention.ts';
import { FakeTelegramApi } from '../fakes/telegram-api.ts';
import { startTestApp } from '../support/app.ts';
import { createPerson, createVolunteers } from '../support/fixtures.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';
import { TEST_SECRET, TEST_TOKEN, TelegramUser, texts as tgTexts } from '../telegram/telegram-user.ts';

const CODE = /\b([VCP]-[A-Z0-9]{5}-[A-Z0-9]{5})\b/;

/** A brand-new persona in the local web chat, as "+ Nieuwe gebruiker" makes one. */
async function newPersona(app: App): Promise<LocalChatClient> {
  const res = await fetch(`${app.url}/api/local/personas`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Nieuw' }),
  });
  return new LocalChatClient(app, ((await res.json()) as { persona: { key: string } }).persona.key);
}

describe('coordinators invite people and broadcast to volunteers (local chat + Telegram fake)', () => {
  let app: App;
  let fake: FakeTelegramApi;
  let coord: LocalChatClient;
  const p = () => app.db.prisma;
  beforeAll(async () => {
    fake = await FakeTelegramApi.start({ token: TEST_TOKEN });
    app = await startTestApp({
      env: {
        DEMO_DATA: '0',
        LOCAL_CHAT: '1',
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_WEBHOOK_SECRET: TEST_SECRET,
        TELEGRAM_MODE: 'webhook',
        TELEGRAM_API_ROOT: fake.url,
        PUBLIC_URL: 'https://dialoog.example.org',
      },
      telegram: { limits: { privateChat: { intervalMs: 1, burst: 1000 } } },
    });
    await fake.waitFor((calls) => calls.some((c) => c.method === 'setWebhook'));
    await createPerson(p(), 'coord', 'Lieke', ['COORDINATOR']);
    coord = new LocalChatClient(app, 'coord');
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
  });

  it('/uitnodigen vrijwilliger: a one-time code with a Telegram deep link; used once, then refused', async () => {
    const reply = texts(await coord.send('/uitnodigen vrijwilliger'));
    const code = CODE.exec(reply)?.[1] as string;
    expect(code).toMatch(/^V-/);
    expect(reply).toContain(`https://t.me/dialoog_test_bot?start=${code}`);
    expect(reply).toContain(`/start ${code}`);
    expect(reply).toContain('14 dagen');
    const invite = await p().inviteCode.findUniqueOrThrow({ where: { code } });
    expect(invite).toMatchObject({ role: 'VOLUNTEER', maxUses: 1, uses: 0 });
    const audit = await p().auditLog.findFirstOrThrow({
      where: { action: 'invite.created', subjectId: invite.id },
    });
    expect(JSON.stringify(audit.details)).not.toContain(code);

    // The deep link arrives as "/start <code>" on Telegram.
    const sara = new TelegramUser(app, fake, 7_100_001, 'Sara');
    expect(tgTexts(await sara.send(`/start ${code}`))).toContain('naam');
    await sara.press('Sara');
    expect(tgTexts(await sara.press('✅ Akkoord'))).toContain('Welkom');
    const person = await p().person.findFirstOrThrow({
      where: { identities: { some: { platform: 'TELEGRAM', externalId: '7100001' } } },
    });
    expect(person.roles).toEqual(['VOLUNTEER']);
    expect((await p().inviteCode.findUniqueOrThrow({ where: { code } })).uses).toBe(1);

    // Used: the next person with the same code is refused politely, in the local chat too.
    const late = await newPersona(app);
    expect(texts(await late.send(`/start ${code}`))).toContain('al gebruikt of verlopen');
  });

  it('an expired code is refused; /invite in English; a partner invite; an unknown role is named, with the valid ones', async () => {
    await coord.send('/taal en');
    const code = CODE.exec(texts(await coord.send('/invite coordinator')))?.[1] as string;
    expect(code).toMatch(/^C-/);
    await p().inviteCode.update({ where: { code }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const someone = await newPersona(app);
    expect(texts(await someone.send(`/start ${code}`))).toContain('al gebruikt of verlopen');
    expect(texts(await coord.send('/invite'))).toContain('Who is the invite for?');
    const unknown = texts(await coord.send('/invite manager'));
    expect(unknown).toContain('I don\'t know "manager" as a role');
    expect(unknown).toContain('/invite volunteer, /invite coordinator or /invite partner');
    await coord.send('/taal nl');

    const partnerCode = CODE.exec(texts(await coord.send('/uitnodigen partner')))?.[1] as string;
    const partner = await newPersona(app);
    await partner.send(`/start ${partnerCode}`);
    await partner.send('Noor');
    await partner.send('Buurthuis De Boog');
    expect(texts(await partner.press('✅ Akkoord'))).toContain('Welkom');
    expect((await p().inviteCode.findUniqueOrThrow({ where: { code: partnerCode } })).uses).toBe(1);
    expect(texts(await (await newPersona(app)).send(`/start ${partnerCode}`))).toContain('al gebruikt');
  });

  it('/rondsturen: preview with count, one confirmation, each volunteer once; opted-out, paused and unreachable skipped', async () => {
    const [v0, v1, paused, gone] = await createVolunteers(p(), 4, { prefix: 'bc' });
    const [west] = await createVolunteers(p(), 1, { prefix: 'bcw', wijken: ['west'] });
    await p().volunteerProfile.update({
      where: { personId: paused?.personId },
      data: { pausedUntil: new Date(Date.now() + 30 * 86_400_000) },
    });
    await p().channelIdentity.updateMany({
      where: { personId: gone?.personId },
      data: { unreachableAt: new Date() },
    });
    // Sara (invited above) is a volunteer too, on Telegram.
    const volunteers = await p().person.count({ where: { roles: { has: 'VOLUNTEER' } } });
    const reachable = volunteers - 2;

    expect(texts(await coord.send('/rondsturen'))).toContain('Typ het bericht');
    const preview = texts(await coord.send('Training op 3 december, 19:00 in de Bibliotheek.'));
    expect(preview).toContain(`gaat naar ${reachable} vrijwilligers`);
    expect(preview).toContain('Training op 3 december');
    expect(preview).toContain(
      '2 overgeslagen: 0 willen geen rondzendberichten, 1 gepauzeerd, 1 niet bereikbaar',
    );
    expect(await p().outboundMessage.count({ where: { idempotencyKey: { startsWith: 'broadcast:' } } })).toBe(
      0,
    );

    const sendButton = await coord.findButton(`📣 Verstuur naar ${reachable}`);
    expect(texts(await coord.roundTrip({ buttonId: sendButton.id }))).toContain(
      `Verstuurd naar ${reachable} vrijwilligers. 2 overgeslagen`,
    );
    // A second press (or a retry) sends nothing again.
    expect(texts(await coord.roundTrip({ buttonId: sendButton.id }))).toContain(
      'al verstuurd of geannuleerd',
    );
    await settle(app);
    const first = await p().outboundMessage.findMany({
      where: { idempotencyKey: { startsWith: 'broadcast:' } },
    });
    expect(first).toHaveLength(reachable);
    expect(new Set(first.map((m) => m.personId)).size).toBe(reachable);
    expect(first.some((m) => m.personId === paused?.personId || m.personId === gone?.personId)).toBe(false);
    const audit = await p().auditLog.findFirstOrThrow({ where: { action: 'broadcast.sent' } });
    expect(audit.details).toMatchObject({ sent: reachable, skipped: 2, paused: 1, unreachable: 1 });
    expect((await p().broadcast.findFirstOrThrow()).text).toBeNull();

    const anouk = new LocalChatClient(app, v0?.key as string);
    expect(await anouk.last()).toContain('Bericht van Lieke');
    expect(await anouk.last()).toContain('Training op 3 december');
    expect(texts(await anouk.press('Geen rondzendberichten meer'))).toContain('geen rondzendberichten meer');
    expect(
      (await p().volunteerProfile.findUniqueOrThrow({ where: { personId: v0?.personId } })).broadcastOptOut,
    ).toBe(true);

    // Only Overvecht: Anouk opted out, the west volunteer is outside the filter.
    await coord.send('/rondsturen Overvecht');
    expect(texts(await coord.send('Wie helpt zaterdag?'))).toContain('1 wil geen rondzendberichten');
    const overvecht =
      (await p().person.count({
        where: { roles: { has: 'VOLUNTEER' }, volunteer: { is: { wijken: { has: 'overvecht' } } } },
      })) - 3;
    expect(texts(await coord.press(`📣 Verstuur naar ${overvecht}`))).toContain(
      `Verstuurd naar ${overvecht}`,
    );
    await settle(app);
    const second = await p().outboundMessage.findMany({
      where: { idempotencyKey: { startsWith: 'broadcast:' }, NOT: { id: { in: first.map((m) => m.id) } } },
    });
    expect(second.map((m) => m.personId)).toContain(v1?.personId);
    expect(second.map((m) => m.personId)).not.toContain(v0?.personId);
    expect(second.map((m) => m.personId)).not.toContain(west?.personId);

    // Opting in again works; cancelling a draft sends nothing; unknown filters and nobody get polite answers.
    expect(texts(await anouk.press('Toch weer ontvangen'))).toContain('weer');
    await coord.send('/rondsturen');
    await coord.send('Dit gaat niet weg.');
    expect(texts(await coord.press('Annuleren'))).toContain('niets verstuurd');
    expect(texts(await coord.send('/rondsturen Blablabla'))).toContain('ken ik niet als wijk of niveau');
    await coord.send('/rondsturen senior');
    expect(texts(await coord.send('Alleen senioren'))).toContain('Er is geen vrijwilliger');
    expect(await p().outboundMessage.count({ where: { idempotencyKey: { startsWith: 'broadcast:' } } })).toBe(
      first.length + second.length,
    );
  });

  it('a draft left unsent for more than a day loses its text in the nightly retention; a late "send" sends nothing', async () => {
    await coord.send('/rondsturen');
    await coord.send('Vergeten concept met een naam erin.');
    const sendButton = await coord.findButton(/^📣 Verstuur naar/);
    const before = await p().outboundMessage.count({
      where: { idempotencyKey: { startsWith: 'broadcast:' } },
    });
    const draft = await p().broadcast.findFirstOrThrow({ where: { status: 'DRAFT' } });
    expect(draft.text).toContain('Vergeten concept');

    // The same night: a fresh draft keeps its text.
    expect((await sweepRetention(p(), { now: new Date(), days: 90 })).broadcastDrafts).toBe(0);
    expect((await p().broadcast.findUniqueOrThrow({ where: { id: draft.id } })).text).toContain('Vergeten');
    const report = await sweepRetention(p(), { now: new Date(Date.now() + 25 * 3_600_000), days: 90 });
    expect(report.broadcastDrafts).toBe(1);
    expect(await p().broadcast.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      text: null,
      status: 'CANCELLED',
    });
    expect(texts(await coord.roundTrip({ buttonId: sendButton.id }))).toContain(
      'al verstuurd of geannuleerd',
    );
    expect(await p().outboundMessage.count({ where: { idempotencyKey: { startsWith: 'broadcast:' } } })).toBe(
      before,
    );
  });
});
