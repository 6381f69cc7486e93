import type { AvailabilityInput } from '../domain/matching/availability.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { seedDemoDialogues } from './demo-dialogues.ts';

/** Demo invite codes, printed in the README; only seeded outside production. */
export const DEMO_INVITES = { VOLUNTEER: 'DEMO-VRIJWILLIGER', COORDINATOR: 'DEMO-COORDINATOR' } as const;

type Level = 'TRAINEE' | 'CERTIFIED' | 'SENIOR';
interface DemoVolunteer {
  key: string;
  name: string;
  level: Level;
  languages: string[];
  wijken: string[];
  themes: string[];
  maxPerMonth: number;
  locale?: 'nl' | 'en';
}

// Fictional people: first names only, no contact details (demo data is not personal data).
const VOLUNTEERS: DemoVolunteer[] = [
  {
    key: 'volunteer-anouk',
    name: 'Anouk',
    level: 'SENIOR',
    languages: ['nl', 'en'],
    wijken: ['binnenstad', 'oost'],
    themes: ['eenzaamheid', 'gezondheid'],
    maxPerMonth: 4,
  },
  {
    key: 'volunteer-mohamed',
    name: 'Mohamed',
    level: 'CERTIFIED',
    languages: ['nl', 'ar'],
    wijken: ['overvecht', 'noordoost'],
    themes: ['armoede', 'burgerparticipatie'],
    maxPerMonth: 3,
  },
  {
    key: 'volunteer-sanne',
    name: 'Sanne',
    level: 'CERTIFIED',
    languages: ['nl'],
    wijken: ['zuid', 'zuidwest'],
    themes: ['onderwijs', 'wonen'],
    maxPerMonth: 2,
  },
  {
    key: 'volunteer-emre',
    name: 'Emre',
    level: 'SENIOR',
    languages: ['nl', 'tr', 'en'],
    wijken: ['zuidwest', 'west'],
    themes: ['leefbaarheid', 'armoede'],
    maxPerMonth: 3,
  },
  {
    key: 'volunteer-joost',
    name: 'Joost',
    level: 'TRAINEE',
    languages: ['nl'],
    wijken: ['leidsche-rijn'],
    themes: ['klimaat'],
    maxPerMonth: 2,
  },
  {
    key: 'volunteer-grace',
    name: 'Grace',
    level: 'CERTIFIED',
    languages: ['en', 'nl'],
    wijken: ['binnenstad'],
    themes: ['asiel', 'informele-zorg'],
    maxPerMonth: 2,
    locale: 'en',
  },
  {
    key: 'volunteer-fatma',
    name: 'Fatma',
    level: 'TRAINEE',
    languages: ['nl', 'tr'],
    wijken: ['overvecht'],
    themes: ['eenzaamheid'],
    maxPerMonth: 2,
  },
  {
    key: 'volunteer-pieter',
    name: 'Pieter',
    level: 'SENIOR',
    languages: ['nl', 'de'],
    wijken: ['vleuten-de-meern', 'leidsche-rijn'],
    themes: ['burgerparticipatie', 'klimaat'],
    maxPerMonth: 5,
  },
  {
    key: 'volunteer-olena',
    name: 'Olena',
    level: 'CERTIFIED',
    languages: ['uk', 'ru', 'en'],
    wijken: ['noordwest', 'west'],
    themes: ['asiel', 'onderwijs'],
    maxPerMonth: 2,
    locale: 'en',
  },
  {
    key: 'volunteer-yusuf',
    name: 'Yusuf',
    level: 'TRAINEE',
    languages: ['nl', 'so'],
    wijken: ['noordwest'],
    themes: ['leefbaarheid'],
    maxPerMonth: 1,
  },
  {
    key: 'volunteer-marieke',
    name: 'Marieke',
    level: 'CERTIFIED',
    languages: ['nl', 'fr'],
    wijken: ['noordoost', 'oost'],
    themes: ['informele-zorg', 'gezondheid'],
    maxPerMonth: 3,
  },
  {
    key: 'volunteer-daan',
    name: 'Daan',
    level: 'CERTIFIED',
    languages: ['nl', 'en'],
    wijken: [],
    themes: ['wonen', 'armoede'],
    maxPerMonth: 2,
  },
];

// Checked against the availability schema, so the demo data follows it when it changes.
const weekdayEvenings = {
  weekly: { mon: ['evening'], tue: ['evening'], wed: ['afternoon', 'evening'], thu: ['evening'] },
  exceptions: [],
} satisfies AvailabilityInput;

/**
 * Seeds demo people and organisations (and, with `dialogues`, past dialogues with harvests from
 * src/db/demo-dialogues.ts) once, when the database has
 * no people yet; so a restart never seeds twice. Returns whether it did.
 */
export async function seedDemoData(
  prisma: PrismaClient,
  opts: { dialogues?: boolean } = {},
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    if ((await tx.person.count()) > 0) return false;
    const now = new Date();
    const person = (key: string, displayName: string, data: Partial<Prisma.PersonCreateInput> = {}) =>
      tx.person.create({
        data: {
          displayName,
          isDemo: true,
          onboardedAt: now,
          identities: { create: { platform: 'LOCAL', externalId: key } },
          consents: { create: { version: 'demo', granted: true, platform: 'LOCAL' } },
          ...data,
        },
      });
    await person('coordinator', 'Coördinator Lieke', { roles: ['COORDINATOR'] });
    const orgs = [
      { key: 'partner-fatima', name: 'Fatima', org: 'Buurtcentrum De Leeuw', wijk: 'overvecht' },
      { key: 'partner-jeroen', name: 'Jeroen', org: 'Wijkbureau Zuidwest', wijk: 'zuidwest' },
    ];
    for (const o of orgs) {
      const organisation = await tx.organisation.create({ data: { name: o.org, wijk: o.wijk } });
      await person(o.key, o.name, {
        roles: ['PARTNER'],
        memberships: { create: { organisationId: organisation.id } },
      });
    }
    for (const v of VOLUNTEERS) {
      await person(v.key, v.name, {
        roles: ['VOLUNTEER'],
        locale: v.locale ?? 'nl',
        volunteer: {
          create: {
            level: v.level,
            certifiedAt: v.level === 'TRAINEE' ? null : now,
            languages: v.languages,
            wijken: v.wijken,
            anywhere: v.wijken.length === 0,
            themes: v.themes,
            maxPerMonth: v.maxPerMonth,
            availability: weekdayEvenings,
          },
        },
      });
    }
    if (opts.dialogues) await seedDemoDialogues(tx, now);
    await tx.inviteCode.createMany({
      data: [
        { code: DEMO_INVITES.VOLUNTEER, role: 'VOLUNTEER', maxUses: 10_000 },
        { code: DEMO_INVITES.COORDINATOR, role: 'COORDINATOR', maxUses: 10_000 },
      ],
    });
    return true;
  });
}
