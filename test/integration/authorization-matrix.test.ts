import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import { createPerson, createSession, createVolunteers, setSettings } from '../support/fixtures.ts';
import { LocalChatClient, texts } from '../support/local-chat-client.ts';

type Who = 'none' | 'partner' | 'otherPartner' | 'volunteer' | 'otherVolunteer' | 'coordinator';
const EVERYONE: Who[] = ['none', 'partner', 'otherPartner', 'volunteer', 'otherVolunteer', 'coordinator'];
const PARTNERS: Who[] = ['partner', 'otherPartner', 'coordinator'];
const VOLUNTEERS: Who[] = ['volunteer', 'otherVolunteer'];
const COORDINATOR: Who[] = ['coordinator'];

/** Every command and who may use it (the others are refused without anything changing). */
const COMMANDS: [string, Who[]][] = [
  ['/help', EVERYONE],
  ['/taal', EVERYONE],
  ['/privacy', EVERYONE],
  ['/mijngegevens', EVERYONE],
  ['/vergeetmij', EVERYONE],
  ['/koppel', EVERYONE],
  ['/aanvragen', PARTNERS],
  ['/mijnaanvragen', PARTNERS],
  ['/mijnsessies', VOLUNTEERS],
  ['/profiel', VOLUNTEERS],
  ['/pauze', VOLUNTEERS],
  ['/overzicht', COORDINATOR],
  ['/kandidaten 1', COORDINATOR],
  ['/instellingen', COORDINATOR],
  ['/eerlijkheid', COORDINATOR],
  ['/niveau Vrijwilliger0 senior', COORDINATOR],
  ['/gespreksvorm 1', COORDINATOR],
  ['/belanghebbenden', COORDINATOR],
  ['/reflecties', COORDINATOR],
  ['/opbrengst', PARTNERS],
  ['/uitnodigen vrijwilliger', COORDINATOR],
  ['/rondsturen', COORDINATOR],
  ['/dashboard', COORDINATOR],
];

/** Commands that start a conversation, stopped again so the next command meets a clean slate. */
const STARTS_A_FLOW = ['/aanvragen', '/profiel', '/pauze', '/gespreksvorm 1', '/rondsturen'];

const REFUSED = /Dat kan alleen als|Laten we je eerst aanmelden/;
const FOREIGN = 'Deze knop is niet voor jou bedoeld';

describe('authorization matrix: every role × command and button × own/other object', () => {
  let app: App;
  const p = () => app.db.prisma;
  const chat = {} as Record<Who, LocalChatClient>;
  const ids = {} as Record<Who, string>;
  let sessionId = '';

  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: '0' } });
    const res = await fetch(`${app.url}/api/local/personas`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Nieuw' }),
    });
    const none = ((await res.json()) as { persona: { key: string } }).persona.key;
    const coord = await createPerson(p(), 'coord', 'Lieke', ['COORDINATOR']);
    const partner = await createPerson(p(), 'partner', 'Fatima', ['PARTNER']);
    const other = await createPerson(p(), 'other', 'Jeroen', ['PARTNER']);
    const [v0, v1] = await createVolunteers(p(), 2, { prefix: 'mv' });
    const own = await p().organisation.create({ data: { name: 'Testhuis' } });
    const theirs = await p().organisation.create({ data: { name: 'Anderhuis' } });
    await p().membership.create({ data: { personId: partner.id, organisationId: own.id } });
    await p().membership.create({ data: { personId: other.id, organisationId: theirs.id } });
    const session = await createSession(p(), {
      startsAt: new Date(Date.now() + 12 * 86_400_000),
      requestedById: partner.id,
    });
    sessionId = session.sessionId;
    await setSettings(p(), { waveSize: 1 });
    Object.assign(chat, {
      none: new LocalChatClient(app, none),
      coordinator: new LocalChatClient(app, 'coord'),
      partner: new LocalChatClient(app, 'partner'),
      otherPartner: new LocalChatClient(app, 'other'),
      volunteer: new LocalChatClient(app, 'mv-0'),
      otherVolunteer: new LocalChatClient(app, 'mv-1'),
    });
    Object.assign(ids, {
      coordinator: coord.id,
      partner: partner.id,
      otherPartner: other.id,
      volunteer: v0?.personId,
      otherVolunteer: v1?.personId,
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it.each(COMMANDS)('%s: allowed for exactly the right roles', async (command, allowed) => {
    for (const who of EVERYONE) {
      const reply = texts(await chat[who].send(command));
      if (allowed.includes(who)) expect(reply, `${who} ${command}`).not.toMatch(REFUSED);
      else expect(reply, `${who} ${command}`).toMatch(REFUSED);
      if (STARTS_A_FLOW.includes(command)) await chat[who].send('/stop');
    }
  });

  it('a partner sees only their own organisation’s requests', async () => {
    const number = (await p().dialogueRequest.findFirstOrThrow({ where: { requestedById: ids.partner } }))
      .number;
    expect(texts(await chat.partner.send('/mijnaanvragen'))).toContain(`#${number}`);
    expect(texts(await chat.otherPartner.send('/mijnaanvragen'))).not.toContain(`#${number}`);
  });

  /** A real button the owner got in chat, by its action. */
  async function buttonOf(who: Who, action: string): Promise<string> {
    const b = await p().buttonToken.findFirstOrThrow({
      where: { personId: ids[who], action },
      orderBy: { createdAt: 'desc' },
    });
    return b.id;
  }

  /** Everyone but the owner presses it: refused, and the database is exactly as before. */
  async function othersAreRefused(owner: Who, buttonId: string) {
    const snapshot = async () =>
      JSON.stringify([
        await p().offer.findMany({ orderBy: { id: 'asc' } }),
        await p().assignment.findMany({ orderBy: { id: 'asc' } }),
        await p().dialogueSession.findMany({ orderBy: { id: 'asc' } }),
        await p().setting.findMany({ orderBy: { key: 'asc' } }),
        await p().person.findMany({
          orderBy: { id: 'asc' },
          select: { id: true, erasedAt: true, roles: true },
        }),
      ]);
    const before = await snapshot();
    for (const who of EVERYONE.filter((w) => w !== owner)) {
      expect(texts(await chat[who].roundTrip({ buttonId })), `${who} pressing ${owner}'s button`).toContain(
        FOREIGN,
      );
    }
    expect(await snapshot()).toBe(before);
  }

  it('buttons work only for the person they were given to, whatever their role', async () => {
    // The partner's cancel and move buttons for their own session.
    await chat.partner.send('/mijnaanvragen');
    await othersAreRefused('partner', await buttonOf('partner', 'act.session.cancel.ask'));
    await othersAreRefused('partner', await buttonOf('partner', 'act.session.move'));
    expect(
      texts(await chat.partner.roundTrip({ buttonId: await buttonOf('partner', 'act.session.cancel.ask') })),
    ).toContain('?');

    // The volunteer's offer: only they can accept it; then their hand-back button.
    await app.staff([sessionId]);
    const offered = (await p().offer.findFirstOrThrow({ where: { sessionId } })).personId;
    const volunteer: Who = offered === ids.volunteer ? 'volunteer' : 'otherVolunteer';
    await othersAreRefused(volunteer, await buttonOf(volunteer, 'offer.accept'));
    await chat[volunteer].roundTrip({ buttonId: await buttonOf(volunteer, 'offer.accept') });
    expect(
      await p().assignment.count({ where: { sessionId, personId: ids[volunteer], status: 'ACTIVE' } }),
    ).toBe(1);
    await chat[volunteer].send('/mijnsessies');
    await othersAreRefused(volunteer, await buttonOf(volunteer, 'act.handback.ask'));

    // The coordinator's setting, assign and exclude buttons.
    await chat.coordinator.send('/instellingen');
    await othersAreRefused('coordinator', await buttonOf('coordinator', 'act.setting'));
    await chat.coordinator.send('/kandidaten 1');
    await othersAreRefused('coordinator', await buttonOf('coordinator', 'act.staffnow'));
    await chat.coordinator.send('/rondsturen');
    await chat.coordinator.send('Even een test.');
    await othersAreRefused('coordinator', await buttonOf('coordinator', 'act.broadcast.send'));

    // Someone's erasure button is theirs alone.
    await chat.otherPartner.send('/vergeetmij');
    await othersAreRefused('otherPartner', await buttonOf('otherPartner', 'act.privacy.erase'));
    expect(texts(await chat.otherPartner.press('Nee, bewaren'))).toContain('niets gewist');
  });

  it('a coordinator button stops working when its owner is no longer a coordinator', async () => {
    await chat.coordinator.send('/instellingen');
    const button = await buttonOf('coordinator', 'act.setting');
    await p().person.update({ where: { id: ids.coordinator }, data: { roles: ['PARTNER'] } });
    const before = await p().setting.findMany({ orderBy: { key: 'asc' } });
    expect(texts(await chat.coordinator.roundTrip({ buttonId: button }))).toContain(
      'Dat kan alleen als coördinator',
    );
    expect(await p().setting.findMany({ orderBy: { key: 'asc' } })).toEqual(before);
    await p().person.update({ where: { id: ids.coordinator }, data: { roles: ['COORDINATOR'] } });
  });
});
