import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { atLocal } from './zone.ts';

const ALL_DAY = ['morning', 'afternoon', 'evening'];
export const ALWAYS = {
  weekly: {
    mon: ALL_DAY,
    tue: ALL_DAY,
    wed: ALL_DAY,
    thu: ALL_DAY,
    fri: ALL_DAY,
    sat: ALL_DAY,
    sun: ALL_DAY,
  },
};

/** The profile of a test volunteer: certified, Dutch, Overvecht, loneliness, free every day, 5 a month. */
export function volunteerProfile(
  opts: {
    level?: 'TRAINEE' | 'CERTIFIED' | 'SENIOR';
    languages?: string[];
    wijken?: string[];
    maxPerMonth?: number;
  } = {},
) {
  return {
    level: opts.level ?? 'CERTIFIED',
    languages: opts.languages ?? ['nl'],
    wijken: opts.wijken ?? ['overvecht'],
    themes: ['eenzaamheid'],
    maxPerMonth: opts.maxPerMonth ?? 5,
    availability: ALWAYS,
  };
}

/** Fictional volunteers reachable in the local web chat as `<prefix>-<i>`. */
export async function createVolunteers(
  prisma: PrismaClient,
  count: number,
  opts: {
    prefix?: string;
    level?: 'TRAINEE' | 'CERTIFIED' | 'SENIOR';
    languages?: string[];
    wijken?: string[];
    maxPerMonth?: number;
  } = {},
): Promise<{ key: string; personId: string }[]> {
  const out = [];
  for (let i = 0; i < count; i++) {
    const key = `${opts.prefix ?? 'vol'}-${i}`;
    const p = await prisma.person.create({
      data: {
        displayName: `Vrijwilliger${i} Test`,
        roles: ['VOLUNTEER'],
        onboardedAt: new Date(),
        identities: { create: { platform: 'LOCAL', externalId: key } },
        volunteer: { create: volunteerProfile(opts) },
      },
    });
    out.push({ key, personId: p.id });
  }
  return out;
}

export async function createPerson(
  prisma: PrismaClient,
  key: string,
  name: string,
  roles: ('PARTNER' | 'COORDINATOR')[],
) {
  return prisma.person.create({
    data: {
      displayName: name,
      roles,
      onboardedAt: new Date(),
      identities: { create: { platform: 'LOCAL', externalId: key } },
    },
  });
}

/** A submitted request with one session at `startsAt` (local wall time is irrelevant to the rules here). */
export async function createSession(
  prisma: PrismaClient,
  opts: {
    startsAt: Date;
    requestedById?: string;
    needsCo?: boolean;
    trainee?: boolean;
    languages?: string[];
  },
) {
  const org = await prisma.organisation.upsert({
    where: { name: 'Testhuis' },
    update: {},
    create: { name: 'Testhuis', wijk: 'overvecht' },
  });
  const request = await prisma.dialogueRequest.create({
    data: {
      organisationId: org.id,
      requestedById: opts.requestedById ?? null,
      theme: 'eenzaamheid',
      goal: 'Buren leren elkaar kennen.',
      targetGroup: 'Ouderen',
      expectedParticipants: 12,
      languages: opts.languages ?? ['nl'],
      online: false,
      wijk: 'overvecht',
      address: 'Gloriosa 1',
      durationMinutes: 90,
      contactName: 'Test',
      sessions: {
        create: {
          startsAt: opts.startsAt,
          endsAt: new Date(opts.startsAt.getTime() + 90 * 60_000),
          needsCoFacilitator: opts.needsCo ?? false,
          traineeWelcome: opts.trainee ?? false,
        },
      },
    },
    include: { sessions: true },
  });
  return { requestId: request.id, number: request.number, sessionId: request.sessions[0]?.id as string };
}

export async function setSettings(prisma: PrismaClient, values: Record<string, unknown>) {
  for (const [key, value] of Object.entries(values)) {
    await prisma.setting.upsert({
      where: { key },
      update: { value: value as never },
      create: { key, value: value as never },
    });
  }
}

/** Polls until `check` returns a truthy value (or throws after the timeout). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An evening about ten days ahead, 19:00 local in the tests' zone (vitest.config.ts). */
export function futureEvening(daysAhead = 10): Date {
  return atLocal(new Date(Date.now() + daysAhead * 86_400_000), 19);
}
