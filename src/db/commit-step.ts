import type { Statement } from './sql.ts';
import { retireFlow, retireQuestions, utc } from './turn-statements.ts';

/*
 * The statement that commits a step without effects (step-repos.ts): event, conversation, buttons
 * and replies in one statement, one variant per way the step leaves the conversation.
 */

/** How a step leaves the conversation: unchanged, created, updated or deleted (optimistically, by rev). */
export type ConversationWrite = 'none' | 'insert' | 'update' | 'delete';

const STEP_PARAMS = [
  'inbound',
  'now',
  'person',
  'bId',
  'bFlow',
  'bRev',
  'bAction',
  'bValue',
  'bLabel',
  'bExpires',
  'bQuestion',
  'identity',
  'platform',
  'status',
  'error',
  'mId',
  'mKey',
  'mPayload',
  'mAt',
] as const;
const CONVERSATION_PARAMS = {
  none: ['rev'],
  insert: ['cId', 'flow', 'version', 'state', 'expires'],
  update: ['rev', 'flow', 'version', 'state', 'expires'],
  delete: ['rev'],
} as const satisfies Record<ConversationWrite, readonly string[]>;
export type StepParam =
  | (typeof STEP_PARAMS)[number]
  | (typeof CONVERSATION_PARAMS)[ConversationWrite][number];

/** The parameter names of COMMIT_STEP[write], in their order ($1, $2, …). */
export const stepParams = (write: ConversationWrite): readonly StepParam[] => [
  ...STEP_PARAMS,
  ...CONVERSATION_PARAMS[write],
];

function commitStep(write: ConversationWrite): Statement {
  const names = stepParams(write);
  const $ = (n: StepParam) => `$${names.indexOf(n) + 1}`;
  const conversation: Record<ConversationWrite, string> = {
    // Unchanged, but still the one the step read (a step may start from a read made at storing time).
    none: `SELECT 1 FROM ev WHERE (SELECT c."rev" FROM "Conversation" c WHERE c."personId" = ${$('person')})
      IS NOT DISTINCT FROM CAST(${$('rev')} AS int)`,
    insert: `
      INSERT INTO "Conversation"
        ("id", "personId", "flow", "version", "state", "rev", "expiresAt", "createdAt", "updatedAt")
      SELECT CAST(${$('cId')} AS text), CAST(${$('person')} AS text), CAST(${$('flow')} AS text),
        CAST(${$('version')} AS int), CAST(${$('state')} AS jsonb), 1, ${utc($('expires'))}, ${utc($('now'))}, ${utc($('now'))}
      WHERE EXISTS (SELECT 1 FROM ev)
      ON CONFLICT DO NOTHING
      RETURNING 1`,
    update: `
      UPDATE "Conversation"
      SET "flow" = CAST(${$('flow')} AS text), "version" = CAST(${$('version')} AS int),
        "state" = CAST(${$('state')} AS jsonb), "rev" = CAST(${$('rev')} AS int) + 1,
        "expiresAt" = ${utc($('expires'))}, "updatedAt" = ${utc($('now'))}
      WHERE "personId" = ${$('person')} AND "rev" = CAST(${$('rev')} AS int) AND EXISTS (SELECT 1 FROM ev)
      RETURNING 1`,
    delete: `
      DELETE FROM "Conversation"
      WHERE "personId" = ${$('person')} AND "rev" = CAST(${$('rev')} AS int) AND EXISTS (SELECT 1 FROM ev)
      RETURNING "flow"`,
  };
  // The ended conversation's buttons (those written by this step are not visible to the UPDATE).
  const ended =
    write === 'delete' ? `), ended AS (${retireFlow(`CAST(${$('person')} AS text)`, 'conv')}` : '';
  return {
    name: `dlg_commit_step_v5_${write}`,
    text: `
    WITH ev AS (
      SELECT "id" FROM "InboundEvent" WHERE "id" = ${$('inbound')} AND "status" = 'RECEIVED' FOR UPDATE
    ), conv AS (${conversation[write]}
    ), claimed AS (
      UPDATE "InboundEvent" SET "status" = 'PROCESSED', "processedAt" = ${utc($('now'))}, "error" = NULL
      WHERE "id" IN (SELECT "id" FROM ev) AND EXISTS (SELECT 1 FROM conv)
      RETURNING "id"
    ${ended}), retired AS (${retireQuestions(`CAST(${$('person')} AS text)`, `CAST(${$('bQuestion')} AS text[])`, $('now'))}
        AND EXISTS (SELECT 1 FROM claimed)
    ), buttons AS (
      INSERT INTO "ButtonToken"
        ("id", "personId", "flow", "rev", "action", "value", "label", "question", "createdAt", "expiresAt")
      SELECT b."id", CAST(${$('person')} AS text), b."flow", b."rev", b."action", b."value", b."label", b."question",
        ${utc($('now'))}, ${utc('b."expiresAt"')}
      FROM unnest(CAST(${$('bId')} AS text[]), CAST(${$('bFlow')} AS text[]), CAST(${$('bRev')} AS int[]),
        CAST(${$('bAction')} AS text[]), CAST(${$('bValue')} AS text[]), CAST(${$('bLabel')} AS text[]),
        CAST(${$('bExpires')} AS text[]), CAST(${$('bQuestion')} AS text[]))
        AS b("id", "flow", "rev", "action", "value", "label", "expiresAt", "question")
      WHERE EXISTS (SELECT 1 FROM claimed)
    ), messages AS (
      INSERT INTO "OutboundMessage"
        ("id", "idempotencyKey", "personId", "identityId", "platform", "payload", "status", "error", "createdAt")
      SELECT m."id", m."key", CAST(${$('person')} AS text), CAST(${$('identity')} AS text),
        CAST(${$('platform')} AS "Platform"), CAST(m."payload" AS jsonb), CAST(${$('status')} AS "OutboundStatus"),
        CAST(${$('error')} AS text), ${utc('m."at"')}
      FROM unnest(CAST(${$('mId')} AS text[]), CAST(${$('mKey')} AS text[]), CAST(${$('mPayload')} AS text[]),
        CAST(${$('mAt')} AS text[])) AS m("id", "key", "payload", "at")
      WHERE EXISTS (SELECT 1 FROM claimed)
      RETURNING "id"
    )
    SELECT (SELECT count(*) FROM claimed)::int AS "claimed", (SELECT count(*) FROM messages)::int AS "messages",
      -- Messages to this person still waiting from before (this statement's own are not visible here).
      ARRAY(
        SELECT "id" FROM "OutboundMessage"
        WHERE "personId" = ${$('person')} AND "status" = 'PENDING' AND EXISTS (SELECT 1 FROM claimed)
        LIMIT 20
      ) AS "waiting"`,
  };
}

/**
 * A step without effects, written in one statement (so all or nothing without a transaction):
 * lock the event if it is still unprocessed, write the conversation if its revision is still the
 * one the step started from, and only if both hold mark the event processed and write the
 * buttons and replies. Otherwise nothing is written ("claimed" = 0) and the step is redone.
 */
export const COMMIT_STEP: Record<ConversationWrite, Statement> = {
  none: commitStep('none'),
  insert: commitStep('insert'),
  update: commitStep('update'),
  delete: commitStep('delete'),
};
