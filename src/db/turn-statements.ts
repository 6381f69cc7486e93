import type { Platform } from '../bots/ports.ts';
import type { RoleName } from '../flows/types.ts';
import type { Statement } from './sql.ts';

/*
 * The SQL of a conversation step (turn-repos.ts), run on the pg pool or through Prisma alike.
 * The tables and columns are Prisma's (prisma/schema.prisma).
 */

/**
 * Times go in as ISO strings and come out as timestamptz: the columns are `timestamp` (UTC, as
 * Prisma writes them), and this way neither the process's nor the server's time zone matters.
 */
export const utc = (param: string) => `(CAST(${param} AS timestamptz) AT TIME ZONE 'UTC')`;
const asUtc = (column: string) => `(${column} AT TIME ZONE 'UTC')`;

/** Everything a step starts from: the person, their conversation, the pressed button, the reply identity. */
export const turnSelect = (claimed: string, person: string, button: string, extra = '') => `
    WITH claimed AS (${claimed})
    SELECT (SELECT count(*) FROM claimed)::int AS "claimed",${extra}
      p."id", p."displayName", p."locale", COALESCE(p."roles"::text[], '{}') AS "roles",
      p."onboardedAt" IS NOT NULL AS "onboarded",
      COALESCE((
        SELECT json_agg(json_build_object('id', o."id", 'name', o."name") ORDER BY m."createdAt", m."id")
        FROM "Membership" m JOIN "Organisation" o ON o."id" = m."organisationId"
        WHERE m."personId" = p."id"
      ), '[]'::json) AS "organisations",
      c."flow" AS "cFlow", c."version" AS "cVersion", c."state" AS "cState", c."rev" AS "cRev",
      ${asUtc('c."expiresAt"')} AS "cExpiresAt",
      b."id" AS "bId", b."personId" AS "bPersonId", b."flow" AS "bFlow", b."rev" AS "bRev",
      b."action" AS "bAction", b."value" AS "bValue", b."label" AS "bLabel", b."question" AS "bQuestion",
      ${asUtc('b."expiresAt"')} AS "bExpiresAt", ${asUtc('b."usedAt"')} AS "bUsedAt",
      i."id" AS "iId", i."platform"::text AS "iPlatform", i."externalId" AS "iExternalId",
      i."chatId" AS "iChatId", i."workspaceId" AS "iWorkspaceId"
    FROM "Person" p
    LEFT JOIN "Conversation" c ON c."personId" = p."id"
    LEFT JOIN "ButtonToken" b ON b."id" = CAST(${button} AS text)
    LEFT JOIN LATERAL (
      SELECT x."id", x."platform", x."externalId", x."chatId", x."workspaceId" FROM "ChannelIdentity" x
      WHERE x."personId" = p."id" AND x."unreachableAt" IS NULL
      ORDER BY x."preferred" DESC, x."createdAt" DESC
      LIMIT 1
    ) i ON true
    WHERE p."id" = ${person}`;

export const BEGIN_TURN: Statement = {
  name: 'dlg_begin_turn_v2',
  // Claims the event (the row stays locked until commit, so a concurrent claim waits and then
  // finds it processed) and reads everything the step starts from.
  text: turnSelect(
    `UPDATE "InboundEvent" SET "status" = 'PROCESSED', "processedAt" = ${utc('$2')}, "error" = NULL
      WHERE "id" = $1 AND "status" = 'RECEIVED'
      RETURNING "id"`,
    '$3',
    '$4',
  ),
};

/**
 * The same without claiming (COMMIT_STEP claims): "claimed" = 1 while the event is unprocessed.
 * "earlier": an unprocessed event of the same person was received before this one (stored by
 * another replica, or left by a crash); it must be processed first (src/roles-inbound.ts).
 */
export const LOAD_TURN: Statement = {
  name: 'dlg_load_turn_v3',
  text: turnSelect(
    `SELECT "id" FROM "InboundEvent" WHERE "id" = $1 AND "status" = 'RECEIVED'`,
    '$2',
    '$3',
    `
      EXISTS (
        SELECT 1 FROM "InboundEvent" me
        JOIN "InboundEvent" e ON e."personId" = me."personId"
        WHERE me."id" = $1 AND e."status" = 'RECEIVED' AND e."receivedAt" < me."receivedAt"
      ) AS "earlier",`,
  ),
};

/** One row of BEGIN_TURN: the person, their conversation, the pressed button, the reply identity. */
export interface TurnRow {
  claimed: number;
  id: string;
  displayName: string;
  locale: string;
  roles: RoleName[];
  onboarded: boolean;
  organisations: { id: string; name: string }[];
  cFlow: string | null;
  cVersion: number | null;
  cState: unknown;
  cRev: number | null;
  cExpiresAt: Date | null;
  bId: string | null;
  bPersonId: string;
  bFlow: string;
  bRev: number;
  bAction: string;
  bValue: string | null;
  bLabel: string;
  bQuestion: string | null;
  bExpiresAt: Date;
  bUsedAt: Date | null;
  iId: string | null;
  iPlatform: Platform;
  iExternalId: string | null;
  iChatId: string | null;
  iWorkspaceId: string | null;
  /** LOAD_TURN only. */
  earlier?: boolean;
}

export const INSERT_CONVERSATION: Statement = {
  name: 'dlg_insert_conversation',
  // Unique per person: a row created concurrently makes this insert nothing.
  text: `
    INSERT INTO "Conversation"
      ("id", "personId", "flow", "version", "state", "rev", "expiresAt", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, CAST($4 AS int), CAST($5 AS jsonb), 1, ${utc('$6')}, ${utc('$7')}, ${utc('$7')})
    ON CONFLICT DO NOTHING
    RETURNING 1 AS "ok"`,
};

export const UPDATE_CONVERSATION: Statement = {
  name: 'dlg_update_conversation',
  text: `
    UPDATE "Conversation"
    SET "flow" = $3, "version" = CAST($4 AS int), "state" = CAST($5 AS jsonb), "rev" = CAST($1 AS int) + 1,
      "expiresAt" = ${utc('$6')}, "updatedAt" = ${utc('$7')}
    WHERE "personId" = $2 AND "rev" = CAST($1 AS int)
    RETURNING 1 AS "ok"`,
};

/**
 * A conversation's buttons end with it: the next conversation of the same flow starts again at
 * revision 1, and would otherwise take the old buttons of revision 1, 2 … as its own.
 */
export const retireFlow = (person: string, ended: string) => `
    UPDATE "ButtonToken" SET "usedAt" = (CURRENT_TIMESTAMP AT TIME ZONE 'UTC')
    WHERE "personId" = ${person} AND "usedAt" IS NULL AND "flow" IN (SELECT "flow" FROM ${ended})`;

export const DELETE_CONVERSATION: Statement = {
  name: 'dlg_delete_conversation_v2',
  text: `
    WITH ended AS (
      DELETE FROM "Conversation" WHERE "personId" = $1 AND "rev" = CAST($2 AS int) RETURNING "flow"
    ), retired AS (${retireFlow('$1', 'ended')})
    SELECT 1 AS "ok" FROM ended`,
};

/**
 * Asking a question again retires the buttons of the earlier asking (the new ones are not visible
 * to the UPDATE, which sees the table as it was before the statement).
 */
export const retireQuestions = (person: string, questions: string, now: string) => `
    UPDATE "ButtonToken" SET "usedAt" = ${utc(now)}
    WHERE "personId" = ${person} AND "usedAt" IS NULL
      AND "question" IN (SELECT q FROM unnest(${questions}) AS q)`;

export const INSERT_BUTTONS: Statement = {
  name: 'dlg_insert_buttons_v2',
  // One person's buttons (turn-repos.ts writes them per person).
  text: `
    WITH retired AS (${retireQuestions('(CAST($2 AS text[]))[1]', 'CAST($10 AS text[])', '$8')})
    INSERT INTO "ButtonToken"
      ("id", "personId", "flow", "rev", "action", "value", "label", "question", "createdAt", "expiresAt")
    SELECT b."id", b."personId", b."flow", b."rev", b."action", b."value", b."label", b."question",
      ${utc('$8')}, ${utc('b."expiresAt"')}
    FROM unnest(CAST($1 AS text[]), CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS int[]),
      CAST($5 AS text[]), CAST($6 AS text[]), CAST($7 AS text[]), CAST($9 AS text[]), CAST($10 AS text[]))
      AS b("id", "personId", "flow", "rev", "action", "value", "label", "expiresAt", "question")`,
};

/**
 * A press of a button that answers a question once: every unused button of that question (this
 * person's) is marked used. "pressed" = 1 when the pressed one was among them; 0 when it was used
 * already — also by a concurrent press, whose transaction holds the rows until it commits, after
 * which this UPDATE finds them used.
 */
export const USE_QUESTION: Statement = {
  name: 'dlg_use_question',
  text: `
    WITH used AS (
      UPDATE "ButtonToken" SET "usedAt" = ${utc('$3')}
      WHERE "personId" = $2 AND "usedAt" IS NULL
        AND "question" = (SELECT "question" FROM "ButtonToken" WHERE "id" = $1 AND "personId" = $2)
      RETURNING "id"
    )
    SELECT count(*) FILTER (WHERE "id" = $1)::int AS "pressed" FROM used`,
};

export const INSERT_MESSAGES: Statement = {
  name: 'dlg_insert_messages',
  // In order; a key used before writes nothing.
  text: `
    INSERT INTO "OutboundMessage"
      ("id", "idempotencyKey", "personId", "identityId", "platform", "payload", "status", "error", "createdAt")
    SELECT m."id", m."key", CAST($1 AS text), CAST($2 AS text), CAST($3 AS "Platform"), CAST(m."payload" AS jsonb),
      CAST($4 AS "OutboundStatus"), CAST($5 AS text), ${utc('m."at"')}
    FROM unnest(CAST($6 AS text[]), CAST($7 AS text[]), CAST($8 AS text[]), CAST($9 AS text[]))
      AS m("id", "key", "payload", "at")
    ON CONFLICT DO NOTHING
    RETURNING "id", "idempotencyKey"`,
};

export const REPLY_IDENTITY: Statement = {
  name: 'dlg_reply_identity',
  // The preferred reachable identity, else the newest reachable one.
  text: `
    SELECT "id", "platform"::text AS "platform" FROM "ChannelIdentity"
    WHERE "personId" = $1 AND "unreachableAt" IS NULL
    ORDER BY "preferred" DESC, "createdAt" DESC
    LIMIT 1`,
};
