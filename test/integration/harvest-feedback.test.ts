import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import { createPerson, createSession, createVolunteers } from '../support/fixtures.ts';
import { LocalChatClient, texts } from '../support/local-chat-client.ts';

const zone = 'Europe/Amsterdam';
// The app's clock reads today 12:00 in Amsterdam, so the run is never inside quiet hours.
const noon = DateTime.now().setZone(zone).set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
const offset = noon.toMillis() - Date.now();
const appNow = () => new Date(Date.now() + offset);

const isPng = (b: Buffer) =>
  b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

describe('harvest feedback: stakeholders, closing the loop, reflections, co-facilitators (PostgreSQL + Redis)', () => {
  let app: App;
  const p = () => app.db.prisma;
  let partnerId: string;
  const coord = () => new LocalChatClient(app, 'coord');

  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: '0', APP_TIMEZONE: zone }, now: appNow });
    await createPerson(p(), 'coord', 'Lieke', ['COORDINATOR']);
    partnerId = (await createPerson(p(), 'partner', 'Fatima', ['PARTNER'])).id;
    await createPerson(p(), 'karin', 'Karin Wijkbureau', ['PARTNER']);
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** A session in Overvecht that ended 90 minutes ago, with `n` facilitators (the first is lead). */
  async function pastSession(prefix: string, n = 1) {
    const vols = await createVolunteers(p(), n, { prefix });
    const s = await createSession(p(), {
      startsAt: new Date(appNow().getTime() - 3 * 3_600_000),
      requestedById: partnerId,
    });
    for (const [i, v] of vols.entries())
      await p().assignment.create({
        data: { sessionId: s.sessionId, personId: v.personId, role: i === 0 ? 'LEAD' : 'CO' },
      });
    return { ...s, chats: vols.map((v) => new LocalChatClient(app, v.key)) };
  }

  it('a coordinator registers stakeholders per wijk; bad input gets a polite answer', async () => {
    expect(texts(await coord().send('/belanghebbenden'))).toContain('nog geen belanghebbenden');
    expect(texts(await coord().send('/belanghebbenden toevoegen Atlantis; Iemand; a@example.org'))).toContain(
      'De wijk “Atlantis” ken ik niet',
    );
    expect(texts(await coord().send('/stakeholders add overvecht; Wijkbureau; geen@mail'))).toContain(
      'geen geldig e-mailadres',
    );
    expect(
      texts(await coord().send('/belanghebbenden toevoegen overvecht; Iemand; chat: Niemand Bekend')),
    ).toContain('Ik vind niemand met de naam');
    expect(
      texts(
        await coord().send(
          '/belanghebbenden toevoegen overvecht; Wijkbureau Overvecht; wijkbureau@example.org',
        ),
      ),
    ).toContain('Toegevoegd als belanghebbende in Overvecht: Wijkbureau Overvecht — e-mail');
    expect(
      texts(await coord().send('/belanghebbenden toevoegen Overvecht; Gemeente; chat: karin wijkbureau')),
    ).toContain('in de chat als Karin');
    // The same e-mail or chat person twice in one wijk is refused, politely.
    expect(
      texts(await coord().send('/belanghebbenden toevoegen overvecht; Wijkbureau; WIJKBUREAU@example.org')),
    ).toContain('staat al op de lijst voor Overvecht');
    expect(
      texts(await coord().send('/belanghebbenden toevoegen overvecht; Karin; chat: Karin Wijkbureau')),
    ).toContain('staat al op de lijst');
    await coord().send('/belanghebbenden toevoegen zuid; Wijkbureau Zuid; zuid@example.org');
    const list = texts(await coord().send('/belanghebbenden overvecht'));
    expect(list).toContain(
      '1. Wijkbureau Overvecht (Overvecht) — e-mail wijkbureau@example.org (doorsturen)',
    );
    expect(list).not.toContain('Zuid');
    expect(texts(await coord().send('/belanghebbenden weg 3'))).toContain(
      'Wijkbureau Zuid (Zuid) staat niet meer op de lijst',
    );
    expect(await p().stakeholderContact.count()).toBe(2);
    // Nobody else can manage them.
    expect(texts(await new LocalChatClient(app, 'partner').send('/belanghebbenden'))).toContain(
      'Dat kan alleen als',
    );
  });

  it('approved harvest goes to the partner and the wijk’s stakeholders; e-mail-only ones are for the coordinator to forward; the partner closes the loop', async () => {
    const { sessionId, number, chats } = await pastSession('fb-a');
    const lead = chats[0] as LocalChatClient;
    // /opbrengst by number says which request it looked at and why there is nothing yet.
    expect(texts(await coord().send(`/opbrengst ${number}`))).toContain(
      `Aanvraag #${number} heeft nog geen oogst`,
    );
    expect(texts(await coord().send('/opbrengst 99999'))).toContain(
      'Ik heb gekeken naar aanvraag #99999, maar die vind ik niet',
    );
    expect(texts(await lead.send('/opbrengst'))).toContain('Dat kan alleen als partner of coördinator');
    expect(texts(await lead.send('/oogst'))).toContain('1/9');
    for (const answer of [
      '14',
      'wonen',
      'INTERN-GEHEIM het buurthuis gaat misschien dicht',
      '"Hier voel ik me thuis"',
      'een wekelijkse koffieochtend beginnen',
    ])
      await lead.send(answer);
    expect(texts(await coord().send(`/opbrengst ${number}`))).toContain(
      `De oogst van aanvraag #${number} is nog niet goedgekeurd`,
    );
    await lead.press('Overslaan');
    await lead.send('Fijn dat jullie luisterden');
    await lead.send('Piet');
    const review = texts(
      await lead.send('Ik vond het lastig om Piet te onderbreken; mijn nummer is 06-12345678. REFLECTIE-X'),
    );
    const internal = /(\d+)\. INTERN-GEHEIM/.exec(review)?.[1];
    expect(internal).toBeDefined();
    await lead.send(`intern ${internal}`);
    expect(texts(await lead.press('✅ Goedkeuren en delen'))).toContain('gedeeld met Testhuis');

    const partner = new LocalChatClient(app, 'partner');
    const report = (await partner.history()).at(-1);
    expect(report?.text).toContain('De oogst van jullie dialoog');
    const karin = (await new LocalChatClient(app, 'karin').history()).at(-1);
    expect(karin?.text).toContain('belanghebbende voor Overvecht');
    expect(karin?.text).toContain('“Hier voel ik me thuis”');
    expect(karin?.file?.filename).toBe(`oogst-${number}.html`);
    const html = await (await fetch(`${app.url}${karin?.file?.url}`)).text();
    expect(html).toContain('Hier voel ik me thuis');
    const forward = (await coord().history()).filter((m) => m.text.startsWith('Door te sturen'));
    expect(forward).toHaveLength(1);
    expect(forward[0]?.text).toContain('Wijkbureau Overvecht <wijkbureau@example.org>');
    expect(forward[0]?.file?.filename).toBe(`oogst-${number}.html`);
    for (const shared of [karin?.text ?? '', html, forward[0]?.text ?? ''])
      for (const secret of ['INTERN-GEHEIM', 'REFLECTIE-X', 'Piet', '12345678'])
        expect(shared).not.toContain(secret);

    // Close the loop from the button under the report (only the partner can press it).
    await createPerson(p(), 'stranger', 'Jeroen', ['PARTNER']);
    const stranger = new LocalChatClient(app, 'stranger');
    const { id: closeLoop } = await partner.findButton('Vertel wat jullie ermee deden');
    expect(texts(await stranger.roundTrip({ buttonId: closeLoop }))).toContain(
      'Deze knop is niet voor jou bedoeld',
    );
    expect(texts(await partner.press('Vertel wat jullie ermee deden'))).toContain(
      'Wat is er met de opbrengst',
    );
    expect(texts(await partner.send('ok'))).toContain('Kun je iets meer vertellen');
    expect(texts(await partner.send('De wethouder komt in januari praten; bel 06-98765432.'))).toContain(
      'Dank je wel!',
    );
    expect(await lead.last()).toContain(
      'Dit is er met de opbrengst gedaan:\n\nDe wethouder komt in januari praten; bel [telefoon].',
    );
    const row = await p().harvest.findUniqueOrThrow({ where: { sessionId } });
    expect(row.outcomes).toEqual([
      expect.objectContaining({ role: 'PARTNER', text: expect.stringContaining('wethouder') }),
    ]);
    // A coordinator can record too, by number; someone else's partner cannot.
    await coord().send(`/opbrengst ${number}`);
    await coord().send('Ook besproken in het wijkoverleg.');
    expect(
      ((await p().harvest.findUniqueOrThrow({ where: { sessionId } })).outcomes as unknown[]).length,
    ).toBe(2);
    expect(texts(await stranger.send(`/opbrengst ${number}`))).toContain(
      `Ik heb gekeken naar aanvraag #${number}, maar die vind ik niet`,
    );

    // The digest (the real CLI) shows what was done, and writes the charts as PNG.
    const day = noon.toISODate() as string;
    const dir = await mkdtemp(join(tmpdir(), 'charts-'));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/index.ts', 'digest', '--from', day, '--to', day, '--charts', dir],
      // The same zone as the app's (the test run's own zone depends on the hour: vitest.config.ts).
      {
        env: {
          ...process.env,
          APP_TIMEZONE: zone,
          DATABASE_URL: app.config.DATABASE_URL as string,
          LOG_LEVEL: 'error',
        },
      },
    );
    expect(stdout).toContain('Wat ermee gedaan is (1 van 1 teruggekoppeld)');
    expect(stdout).toContain(`#${number}: De wethouder komt in januari praten`);
    for (const f of ['themas-per-wijk.png', 'dialogen-per-maand.png']) {
      const png = await readFile(join(dir, f));
      expect(isPng(png)).toBe(true);
      expect(png.length).toBeGreaterThan(5000);
    }

    // Reflections: coordinators only, anonymised.
    const reflections = texts(await coord().send('/reflecties'));
    expect(reflections).toContain('REFLECTIE-X');
    for (const secret of ['Piet', '12345678', 'Testhuis', `#${number}`, 'fb-a'])
      expect(reflections).not.toContain(secret);
    expect(texts(await coord().send('/reflections month'))).toContain('per maand');
    expect(texts(await lead.send('/reflecties'))).toContain('Dat kan alleen als');
  });

  it('two facilitators answering at the same time lose nothing; the stale draft cannot be approved', async () => {
    const { sessionId, chats } = await pastSession('fb-b', 2);
    const [lead, co] = chats as [LocalChatClient, LocalChatClient];
    await Promise.all([lead.send('/oogst'), co.send('/oogst')]);
    await Promise.all([lead.send('LEAD-TELT 12'), co.send('CO-TELT 13')]);
    await Promise.all([
      lead.send('LEAD-WOORDEN over de bibliotheek en het plein'),
      co.send('CO-WOORDEN over de markt en de tram'),
    ]);
    await co.send('/stop');
    for (let i = 0; i < 7; i++) await lead.press('Overslaan');
    const notes = JSON.stringify((await p().harvest.findUniqueOrThrow({ where: { sessionId } })).rawNotes);
    for (const s of ['LEAD-TELT', 'CO-TELT', 'LEAD-WOORDEN', 'CO-WOORDEN']) expect(notes).toContain(s);
    // The lead's draft was made before the co's words arrived: approving it would lose them.
    const refused = texts(await lead.press('✅ Goedkeuren en delen'));
    expect(refused).toContain('mede-begeleider heeft intussen ook iets');
    expect(refused).not.toContain('ging bij mij iets mis');
    expect((await p().harvest.findUniqueOrThrow({ where: { sessionId } })).status).toBe('DRAFT');
    const review = texts(await lead.send('/oogst'));
    expect(review).toContain('CO-WOORDEN');
    expect(review).toContain('LEAD-WOORDEN');
    expect(texts(await lead.press('✅ Goedkeuren en delen'))).toContain('gedeeld met Testhuis');
    const structured = JSON.stringify(
      (await p().harvest.findUniqueOrThrow({ where: { sessionId } })).structured,
    );
    expect(structured).toContain('CO-WOORDEN');
    expect(structured).toContain('LEAD-WOORDEN');
  });
});
