import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importVolunteersCsv } from '../../src/cli/import-export.ts';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestDatabase } from '../support/app.ts';
import { createPerson, createSession } from '../support/fixtures.ts';

const run = promisify(execFile);

const CSV = `Naam;Platform;Account;Niveau;Talen;Wijken;Thema's;Max per maand;Schoenmaat
Anouk de Vries;telegram;1001;gecertificeerd;Nederlands, Arabisch;Overvecht, Lombok;eenzaamheid, armoede;3;41
Bram Jansen;slack;U0BRAM;senior;nl;Zuid;gezondheid;;43
;telegram;1002;senior;nl;Oost;;2;40
Carla Smit;fax;c-1;expert;Klingon;Atlantis;ruimtevaart;99;38
Dirk Dubbel;telegram;1001;trainee;nl;West;;2;44
Eva Kort;webchat;eva-1;trainee
Fenna Bekend;webchat;fenna;senior;nl;Noordoost;;2;39
`;

describe('volunteers CSV import and request/session export (PostgreSQL)', () => {
  let db: Database;
  let url: string;
  const dir = () => mkdtemp(path.join(tmpdir(), 'dialoog-import-'));
  beforeAll(async () => {
    url = await createTestDatabase();
    db = await openDatabase({ databaseUrl: url, dataDir: './data', log: createLogger('silent') });
    // Someone the bot already knows as a partner, on an account the file names.
    await createPerson(db.prisma, 'fenna', 'Fenna Partner', ['PARTNER']);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('imports the good rows, reports what is wrong with every broken row, and a re-import changes nothing', async () => {
    const first = await importVolunteersCsv(db.prisma, CSV);
    expect(first.lines).toEqual([
      'kolommen genegeerd: Schoenmaat',
      'regel 2: Anouk de Vries toegevoegd',
      'regel 3: Bram Jansen toegevoegd',
      'regel 4: overgeslagen – naam ontbreekt',
      'regel 5: overgeslagen – platform "fax" onbekend (telegram, slack of webchat); niveau "expert" onbekend (in opleiding, gecertificeerd, senior); taal onbekend: Klingon; wijk "Atlantis" onbekend; thema "ruimtevaart" onbekend; max per maand "99" moet een heel getal van 0 tot 20 zijn',
      'regel 6: overgeslagen – account staat ook op regel 2',
      'regel 7: overgeslagen – 4 kolommen, de kopregel heeft er 9',
      'regel 8: dit account is al bekend, maar niet als vrijwilliger – niets veranderd',
    ]);
    expect(first).toMatchObject({ created: 2, unchanged: 1, rejected: 4 });
    const anouk = await db.prisma.person.findFirstOrThrow({
      where: { displayName: 'Anouk de Vries' },
      include: { volunteer: true, identities: true },
    });
    expect(anouk.roles).toEqual(['VOLUNTEER']);
    expect(anouk.onboardedAt).toBeNull(); // consent comes from the volunteer, at their first message
    expect(anouk.identities.map((i) => [i.platform, i.externalId])).toEqual([['TELEGRAM', '1001']]);
    expect(anouk.volunteer).toMatchObject({
      level: 'CERTIFIED',
      languages: ['nl', 'ar'],
      wijken: ['overvecht', 'west'],
      themes: ['eenzaamheid', 'armoede'],
      maxPerMonth: 3,
    });
    expect(
      (await db.prisma.person.findFirstOrThrow({ where: { displayName: 'Fenna Partner' } })).roles,
    ).toEqual(['PARTNER']);

    const snapshot = async () =>
      JSON.stringify([
        await db.prisma.person.findMany({ orderBy: { id: 'asc' } }),
        await db.prisma.volunteerProfile.findMany({ orderBy: { id: 'asc' } }),
        await db.prisma.channelIdentity.findMany({ orderBy: { id: 'asc' } }),
      ]);
    const before = await snapshot();
    const again = await importVolunteersCsv(db.prisma, CSV);
    expect(again).toMatchObject({ created: 0, unchanged: 3, rejected: 4 });
    expect(again.lines).toContain('regel 2: al bekend – niets veranderd');
    expect(await snapshot()).toBe(before);

    // A changed file is reported, not applied: the profile is the volunteer's, the level the coordinator's.
    const changed = await importVolunteersCsv(
      db.prisma,
      'name,platform,account,level\nAnouk de Vries,telegram,1001,senior\n',
    );
    expect(changed.lines).toEqual([
      'regel 2: al bekend – niets veranderd (anders in het bestand: niveau, talen, wijken, thema’s, max per maand)',
    ]);
    expect(await snapshot()).toBe(before);
  });

  it('npm run cli -- import-volunteers FILE and export requests|sessions work end to end', async () => {
    const partner = await createPerson(db.prisma, 'exp-partner', 'Piet Partner', ['PARTNER']);
    const { number } = await createSession(db.prisma, {
      startsAt: new Date('2027-01-12T18:00:00Z'),
      requestedById: partner.id,
    });
    const folder = await dir();
    const file = path.join(folder, 'vrijwilligers.csv');
    await writeFile(file, 'naam,platform,account\n"Gijs, de Tweede",webchat,gijs\n');
    const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' };
    const cli = (args: string[]) => run('npx', ['tsx', 'src/cli/index.ts', ...args], { env });
    const imported = await cli(['import-volunteers', file]);
    expect(imported.stdout).toContain('regel 2: Gijs, de Tweede toegevoegd');
    expect(imported.stdout).toContain('1 toegevoegd, 0 ongewijzigd, 0 overgeslagen');

    const csv = (await cli(['export', 'requests'])).stdout;
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    // The CSV is for people: codes as words, yes/no spelt out, the session dates in local time.
    expect(rows.find((r) => r.number === String(number))).toMatchObject({
      organisation: 'Testhuis',
      theme: 'Eenzaamheid',
      status: 'ingediend, wacht op beoordeling',
      online: 'nee',
      coDesign: 'nee',
      sessions: '1',
      sessionDates: '2027-01-12 19:00',
    });
    // An export without rows still has its header line.
    const empty = (await cli(['export', 'harvests'])).stdout;
    expect(empty.trim()).toBe(
      'requestNumber,organisation,wijk,sessionStart,participants,themes,tags,section,text',
    );
    const out = path.join(folder, 'sessions.json');
    await cli(['export', 'sessions', '--format', 'json', '--out', out]);
    const sessions = JSON.parse(await readFile(out, 'utf8')) as Record<string, unknown>[];
    // The JSON keeps the codes, for programs.
    expect(sessions.find((s) => s.requestNumber === number)).toMatchObject({
      startsAt: '2027-01-12T18:00:00.000Z',
      theme: 'eenzaamheid',
      online: false,
      status: 'PLANNED',
      facilitatorsNeeded: 1,
      facilitators: 0,
    });
    await expect(cli(['export', 'volunteers'])).rejects.toMatchObject({ code: 2 });
  }, 180_000); // five CLI processes (npx tsx each): seconds apiece on a loaded machine
});
