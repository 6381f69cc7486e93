import type { InboundContent, InboundEvent } from '../bots/ports.ts';
import { InboundContentSchema } from '../bots/ports.ts';
import { DIRECT_PLATFORMS, type InboundRecord } from '../flows/shell.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { newId } from './ids.ts';
import { prismaSql, type SqlRunner, type Statement } from './sql.ts';
import { type TurnRow, turnSelect } from './turn-statements.ts';

type StoredRow = { personId: string; storedId: string | null; wasUnreachable?: boolean };

export type RecordResult =
  | { duplicate: true }
  | { duplicate: false; id: string; personId: string; preloaded?: TurnRow };

/**
 * Finds the sender ($1 platform, $2 external id); someone we could not reach (blocked the bot, left
 * the workspace) who writes again can be reached again; stores the event ($3 id, $4 platform event
 * id, $5 kind, $6 payload, $7 received at) unless its platform event id was stored before.
 */
const STORE_KNOWN = `
    WITH ident AS (
      SELECT "id", "personId", "unreachableAt" FROM "ChannelIdentity"
      WHERE "platform" = CAST($1 AS "Platform") AND "externalId" = $2
    ), reachable AS (
      UPDATE "ChannelIdentity" SET "unreachableAt" = NULL
      WHERE "id" IN (SELECT "id" FROM ident WHERE "unreachableAt" IS NOT NULL)
    ), stored AS (
      INSERT INTO "InboundEvent"
        ("id", "platform", "eventId", "personId", "externalUserId", "kind", "payload", "status", "receivedAt")
      SELECT CAST($3 AS text), CAST($1 AS "Platform"), CAST($4 AS text), ident."personId", CAST($2 AS text),
        CAST($5 AS text), CAST($6 AS jsonb), 'RECEIVED', (CAST($7 AS timestamptz) AT TIME ZONE 'UTC')
      FROM ident
      ON CONFLICT DO NOTHING
      RETURNING "id"
    )`;

/**
 * STORE_KNOWN, returning the sender's person and the stored event's id (null: stored before).
 */
const RECORD_KNOWN: Statement = {
  name: 'dlg_record_inbound',
  text: `${STORE_KNOWN}
    SELECT ident."personId", (SELECT "id" FROM stored) AS "storedId" FROM ident`,
};

/**
 * RECORD_KNOWN on the pg pool, which also reads where the event's step will start from (as
 * LOAD_TURN does, src/db/turn-statements.ts), saving the step that read. The insert is not visible
 * to the rest of the statement, so "earlier" here means: some event of this person is still waiting
 * (the step then reads afresh). Not offered for someone who was unreachable until this message
 * (the identity this statement makes reachable is not visible to the read either).
 */
const RECORD_AND_LOAD: Statement = {
  name: 'dlg_record_inbound_load',
  text: `${STORE_KNOWN}
    SELECT ident."personId", (SELECT "id" FROM stored) AS "storedId", ident."unreachableAt" IS NOT NULL AS "wasUnreachable",
      CAST($8 AS text) AS "bAsked", t.*
    FROM ident
    LEFT JOIN LATERAL (${turnSelect(
      'SELECT 1',
      'ident."personId"',
      '$8',
      `
      EXISTS (
        SELECT 1 FROM "InboundEvent" e WHERE e."personId" = ident."personId" AND e."status" = 'RECEIVED'
      ) AS "earlier",`,
    )}) t ON true`,
};

/**
 * A first message from someone new: creates the person and identity and stores the event, in one
 * statement. When another first message of the same sender created the identity meanwhile, the
 * identity insert does nothing, no event is stored ("personId" null) and the caller removes the
 * person row it made and stores the event for the existing identity instead.
 */
const RECORD_NEW: Statement = {
  name: 'dlg_record_inbound_new',
  text: `
    WITH person AS (
      INSERT INTO "Person" ("id", "displayName", "locale", "isDemo", "createdAt", "updatedAt")
      VALUES ($1, $2, $3, false, (CAST($4 AS timestamptz) AT TIME ZONE 'UTC'), (CAST($4 AS timestamptz) AT TIME ZONE 'UTC'))
      RETURNING "id"
    ), ident AS (
      INSERT INTO "ChannelIdentity" ("id", "personId", "platform", "externalId", "chatId", "workspaceId", "preferred", "createdAt")
      SELECT CAST($5 AS text), person."id", CAST($6 AS "Platform"), CAST($7 AS text), CAST($8 AS text), CAST($9 AS text), true,
        (CAST($4 AS timestamptz) AT TIME ZONE 'UTC')
      FROM person
      ON CONFLICT ("platform", "externalId") DO NOTHING
      RETURNING "personId"
    ), stored AS (
      INSERT INTO "InboundEvent"
        ("id", "platform", "eventId", "personId", "externalUserId", "kind", "payload", "status", "receivedAt")
      SELECT CAST($10 AS text), CAST($6 AS "Platform"), CAST($11 AS text), ident."personId", CAST($7 AS text),
        CAST($12 AS text), CAST($13 AS jsonb), 'RECEIVED', (CAST($14 AS timestamptz) AT TIME ZONE 'UTC')
      FROM ident
      ON CONFLICT DO NOTHING
      RETURNING "id"
    )
    SELECT (SELECT "personId" FROM ident) AS "personId", (SELECT "id" FROM stored) AS "storedId"`,
};

const DROP_UNUSED_PERSON: Statement = {
  name: 'dlg_drop_unused_person',
  text: `DELETE FROM "Person" p WHERE p."id" = $1
    AND NOT EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."personId" = p."id")`,
};

/**
 * The inbound event log: de-duplicates by platform event id and finds or creates the sender.
 * `sql`: the pg pool (PostgreSQL), for the one statement every update of a known sender costs.
 */
export function inboxRepo(prisma: PrismaClient, defaultLocale: string, sql?: SqlRunner) {
  const run = sql ?? prismaSql(prisma);

  /** Stores the event of a sender we know, in one statement; null when we do not know the sender yet. */
  async function recordKnown(event: InboundEvent): Promise<RecordResult | null> {
    const { platform, externalId } = event.sender;
    const { content } = event;
    const params = [
      platform,
      externalId,
      newId(),
      event.eventId,
      content.kind,
      JSON.stringify(content),
      event.receivedAt.toISOString(),
    ];
    const preload = sql && DIRECT_PLATFORMS.has(platform);
    const [row]: (StoredRow & Partial<TurnRow>)[] = preload
      ? await sql.query<StoredRow & TurnRow>(RECORD_AND_LOAD, [
          ...params,
          content.kind === 'button' ? content.buttonId : null,
        ])
      : await run.query<StoredRow>(RECORD_KNOWN, params);
    if (!row) return null;
    if (!row.storedId) return { duplicate: true };
    const stored = { duplicate: false as const, id: row.storedId, personId: row.personId };
    return preload && row.id && !row.wasUnreachable ? { ...stored, preloaded: row as TurnRow } : stored;
  }

  const localeOf = (event: InboundEvent) =>
    event.sender.languageCode?.toLowerCase().startsWith('en') ? 'en' : defaultLocale;

  /** Creates the person and identity of a first message (or finds them, when two first messages raced). */
  async function newSender(event: InboundEvent): Promise<string> {
    const { platform, externalId } = event.sender;
    const where = { platform_externalId: { platform, externalId } };
    const locale = localeOf(event);
    try {
      const created = await prisma.channelIdentity.create({
        data: {
          platform,
          externalId,
          chatId: event.sender.chatId ?? null,
          workspaceId: event.sender.workspaceId ?? null,
          person: { create: { displayName: (event.sender.displayName ?? '').slice(0, 80), locale } },
        },
      });
      return created.personId;
    } catch {
      // Two first messages raced; the other one created the identity.
      return (await prisma.channelIdentity.findUniqueOrThrow({ where, select: { personId: true } })).personId;
    }
  }

  /** On the pg pool: a new sender's person, identity and event in one statement (PostgreSQL). */
  async function recordNew(pool: SqlRunner, event: InboundEvent): Promise<RecordResult> {
    const { platform, externalId } = event.sender;
    const personId = newId();
    const [row] = await pool.query<{ personId: string | null; storedId: string | null }>(RECORD_NEW, [
      personId,
      (event.sender.displayName ?? '').slice(0, 80),
      localeOf(event),
      new Date().toISOString(),
      newId(),
      platform,
      externalId,
      event.sender.chatId ?? null,
      event.sender.workspaceId ?? null,
      newId(),
      event.eventId,
      event.content.kind,
      JSON.stringify(event.content),
      event.receivedAt.toISOString(),
    ]);
    if (row?.personId) {
      return row.storedId
        ? { duplicate: false, id: row.storedId, personId: row.personId }
        : { duplicate: true };
    }
    // Two first messages raced and the other one created the identity: store this one for it.
    await pool.query(DROP_UNUSED_PERSON, [personId]);
    return (await recordKnown(event)) ?? { duplicate: true };
  }

  return {
    /** Stores the event once; a repeat (same platform event id) is reported as a duplicate. */
    async record(event: InboundEvent): Promise<RecordResult> {
      const known = await recordKnown(event);
      if (known) return known;
      if (sql) return recordNew(sql, event);
      const personId = await newSender(event);
      // Inserts nothing (and returns no row) when this platform event id was stored before.
      const rows = await prisma.inboundEvent.createManyAndReturn({
        data: [
          {
            platform: event.sender.platform,
            eventId: event.eventId,
            personId,
            externalUserId: event.sender.externalId,
            kind: event.content.kind,
            payload: event.content as unknown as Prisma.InputJsonValue,
            receivedAt: event.receivedAt,
          },
        ],
        skipDuplicates: true,
        select: { id: true },
      });
      const row = rows[0];
      if (!row) return { duplicate: true };
      return { duplicate: false, id: row.id, personId };
    },

    /** Events received but not processed (the process stopped in between), oldest first. */
    async unprocessed(limit = 500): Promise<InboundRecord[]> {
      const rows = await prisma.inboundEvent.findMany({
        where: { status: 'RECEIVED', personId: { not: null } },
        orderBy: { receivedAt: 'asc' },
        take: limit,
      });
      return rows.flatMap((r) => {
        const content = InboundContentSchema.safeParse(r.payload);
        if (!content.success || !r.personId) return [];
        return [
          { id: r.id, personId: r.personId, platform: r.platform, content: content.data as InboundContent },
        ];
      });
    },
  };
}
export type InboxRepo = ReturnType<typeof inboxRepo>;
