import { DateTime } from 'luxon';
import { buildHarvest, type RawNotes } from '../domain/harvest.ts';
import { scrub } from '../domain/scrub.ts';
import type { Prisma } from '../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/** The demo's clock: dates are relative to the moment of seeding, in the organisation's zone. */
const ZONE = 'Europe/Amsterdam';

interface DemoDialogue {
  /** Persona key of the partner who asked for it (their organisation holds the request). */
  partner: 'partner-fatima' | 'partner-jeroen';
  wijk: string;
  theme: string;
  goal: string;
  targetGroup: string;
  participants: number;
  /** Days before seeding, at 19:30. */
  daysAgo: number;
  facilitators: string[];
  /** Interview answers; absent: the harvest is still open (the lead can do /oogst). */
  answers?: Partial<Record<keyof RawNotes['answers'], string>>;
  outcome?: string;
}

// Fictional dialogues: no real people, places within the demo's wijken, words invented for the demo.
const DIALOGUES: DemoDialogue[] = [
  {
    partner: 'partner-fatima',
    wijk: 'overvecht',
    theme: 'eenzaamheid',
    goal: 'Bewoners praten over eenzaamheid in de flat en wat buren voor elkaar kunnen doen.',
    targetGroup: 'Oudere bewoners van de flats',
    participants: 12,
    daysAgo: 1,
    facilitators: ['volunteer-anouk'],
  },
  {
    partner: 'partner-fatima',
    wijk: 'overvecht',
    theme: 'armoede',
    goal: 'Ouders praten over rondkomen en over de hulp die er is in de wijk.',
    targetGroup: 'Ouders van basisschoolkinderen',
    participants: 15,
    daysAgo: 63,
    facilitators: ['volunteer-mohamed'],
    answers: {
      participants: '15',
      topics: 'schulden, schaamte, de voedselbank, hoge energierekening',
      touched:
        'Veel ouders schamen zich om hulp te vragen en wachten te lang. De buurtvrouw van het buurthuis wordt wel vertrouwd.',
      quotes: '"Je vraagt pas hulp als het water je aan de lippen staat"',
      ideas: 'Een vast inloopuur met koffie waar je zonder afspraak vragen kunt stellen.',
      signals: 'Meerdere gezinnen hebben moeite met de energierekening deze winter.',
      partner: 'Het buurthuis wil het inloopuur proberen.',
      reflection: 'Ik merkte dat stiltes laten vallen meer opleverde dan doorvragen.',
    },
    outcome: 'Sinds deze maand is er elke woensdag een inloopuur met koffie in het buurthuis.',
  },
  {
    partner: 'partner-fatima',
    wijk: 'overvecht',
    theme: 'eenzaamheid',
    goal: 'Bewoners praten over ontmoeten in de wijk.',
    targetGroup: 'Bewoners van alle leeftijden',
    participants: 10,
    daysAgo: 35,
    facilitators: ['volunteer-anouk'],
    answers: {
      participants: '10',
      topics: 'ontmoeten, eenzaamheid, het plein, de bibliotheek',
      touched:
        'Mensen voelen zich eenzaam terwijl de buren vlakbij zijn. Nieuwe bewoners weten niet waar ze anderen kunnen ontmoeten.',
      quotes: '"Ik ken mijn buren alleen van het geluid door de muur"',
      ideas: 'Een welkomstwandeling voor nieuwe bewoners, eens per maand.',
      signals: 'Een paar ouderen komen bijna de deur niet meer uit.',
      partner: 'Samen met de bibliotheek een vaste ontmoetingsmiddag opzetten.',
      reflection: 'Het hielp om met een rondje namen en een luchtige vraag te beginnen.',
    },
  },
  {
    partner: 'partner-jeroen',
    wijk: 'zuidwest',
    theme: 'wonen',
    goal: 'Bewoners praten over de nieuwbouw en wat die voor de buurt betekent.',
    targetGroup: 'Huurders en kopers in de buurt',
    participants: 18,
    daysAgo: 20,
    facilitators: ['volunteer-sanne', 'volunteer-emre'],
    answers: {
      participants: '18',
      topics: 'nieuwbouw, huurprijzen, parkeren, groen in de straat',
      touched:
        'Huurders zijn bang dat ze de wijk uit moeten als de huren stijgen. Iedereen wil het groen in de straat houden.',
      quotes: '"We willen erbij horen, niet ertegenover staan"',
      ideas: 'Een bewonerspanel dat meepraat over de inrichting van het nieuwe plein.',
      signals: 'Zorgen over tocht en vocht in de oudere huurwoningen.',
      partner: 'Het wijkbureau neemt het bewonerspanel mee naar het overleg met de woningbouw.',
      reflection: 'Met twee begeleiders kon een van ons de stillere mensen erbij halen.',
    },
  },
];

const personByKey = async (tx: Tx, key: string) =>
  (
    await tx.person.findFirstOrThrow({
      where: { identities: { some: { platform: 'LOCAL', externalId: key } } },
    })
  ).id;

/**
 * Past dialogues for the demo: one held yesterday whose harvest is still open (Anouk: /oogst), and
 * older ones with approved, shared harvests so the digest, charts, /reflecties, /opbrengst and the
 * dashboard have something to show. Runs inside the demo seed's transaction, so only once.
 */
export async function seedDemoDialogues(tx: Tx, now: Date): Promise<void> {
  for (const d of DIALOGUES) {
    const partnerId = await personByKey(tx, d.partner);
    const membership = await tx.membership.findFirstOrThrow({ where: { personId: partnerId } });
    const start = DateTime.fromJSDate(now, { zone: ZONE })
      .minus({ days: d.daysAgo })
      .set({ hour: 19, minute: 30, second: 0, millisecond: 0 });
    const startsAt = start.toJSDate();
    const endsAt = start.plus({ minutes: 90 }).toJSDate();
    const request = await tx.dialogueRequest.create({
      data: {
        organisationId: membership.organisationId,
        requestedById: partnerId,
        status: d.answers ? 'DONE' : 'STAFFED',
        theme: d.theme,
        goal: d.goal,
        targetGroup: d.targetGroup,
        expectedParticipants: d.participants,
        languages: ['nl'],
        wijk: d.wijk,
        address: 'Buurthuis (demo)',
        durationMinutes: 90,
        contactName: d.partner === 'partner-fatima' ? 'Fatima' : 'Jeroen',
        createdAt: start.minus({ weeks: 4 }).toJSDate(),
        dateOptions: { create: { position: 0, startsAt, endsAt } },
      },
    });
    const session = await tx.dialogueSession.create({
      data: { requestId: request.id, startsAt, endsAt, status: 'STAFFED' },
    });
    for (const [i, key] of d.facilitators.entries()) {
      await tx.assignment.create({
        data: {
          sessionId: session.id,
          personId: await personByKey(tx, key),
          role: i === 0 ? 'LEAD' : 'CO',
          confirmedAt: start.minus({ days: 7 }).toJSDate(),
        },
      });
    }
    if (!d.answers) continue;
    const notes: RawNotes = { version: 1, answers: d.answers, skipped: ['names'], attachments: [] };
    const approvedAt = start.plus({ days: 1 }).toJSDate();
    await tx.harvest.create({
      data: {
        sessionId: session.id,
        authorId: await personByKey(tx, d.facilitators[0] as string),
        status: 'SHARED',
        rawNotes: notes,
        structured: buildHarvest(notes),
        approvedAt,
        reflection: scrub(d.answers.reflection ?? ''),
        outcomes: d.outcome
          ? [{ text: d.outcome, at: start.plus({ days: 14 }).toISO(), role: 'PARTNER' }]
          : [],
      },
    });
  }
}
