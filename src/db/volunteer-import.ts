import type { VolunteerRow } from '../domain/volunteer-row.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** What happened to one valid row. */
export type ImportOutcome =
  | { kind: 'created'; personId: string }
  | { kind: 'unchanged'; personId: string; differs: string[] }
  | { kind: 'not_volunteer'; personId: string };

/**
 * Adds a volunteer the bot does not know yet (by platform account). Someone it knows is left as
 * they are: their profile is theirs to keep in chat (/profiel), their level the coordinator's
 * (/niveau), so importing the same file twice changes nothing. Differences are reported.
 */
export async function importVolunteer(prisma: PrismaClient, row: VolunteerRow): Promise<ImportOutcome> {
  return prisma.$transaction(async (tx) => {
    const identity = await tx.channelIdentity.findUnique({
      where: { platform_externalId: { platform: row.platform, externalId: row.account } },
      include: { person: { include: { volunteer: true } } },
    });
    if (identity) {
      const { person } = identity;
      const v = person.volunteer;
      if (!v || !person.roles?.includes('VOLUNTEER')) return { kind: 'not_volunteer', personId: person.id };
      const same = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();
      const differs = [
        person.displayName !== row.name && 'naam',
        v.level !== row.level && 'niveau',
        !same(v.languages, row.languages) && 'talen',
        !same(v.wijken, row.wijken) && 'wijken',
        !same(v.themes, row.themes) && 'thema’s',
        v.maxPerMonth !== row.maxPerMonth && 'max per maand',
      ].filter((x): x is string => Boolean(x));
      return { kind: 'unchanged', personId: person.id, differs };
    }
    // Not onboarded: the volunteer gives consent themselves when they first write to the bot,
    // and only then gets offers (matching skips people who have not signed up).
    const person = await tx.person.create({
      data: {
        displayName: row.name,
        roles: ['VOLUNTEER'],
        identities: { create: { platform: row.platform, externalId: row.account } },
        volunteer: {
          create: {
            level: row.level,
            certifiedAt: row.level === 'TRAINEE' ? null : new Date(),
            languages: row.languages,
            wijken: row.wijken,
            themes: row.themes,
            maxPerMonth: row.maxPerMonth,
            // Availability is the volunteer's to give (/profiel); until then it is empty.
          },
        },
      },
    });
    await tx.auditLog.create({
      data: { actorId: null, action: 'volunteer.imported', subjectType: 'person', subjectId: person.id },
    });
    return { kind: 'created', personId: person.id };
  });
}
