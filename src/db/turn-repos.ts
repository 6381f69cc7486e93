import type { DeliveryTarget, OutboundMessage } from '../bots/ports.ts';
import {
  type ButtonRecord,
  ConflictError,
  type FlowRepos,
  type ReplyIdentity,
  type Turn,
} from '../flows/ports.ts';
import type { DirectDelivery } from '../flows/shell.ts';
import type { ButtonSpec } from '../flows/types.ts';
import { isLocale } from '../i18n/index.ts';
import { newId, randomBytesPooled } from './ids.ts';
import type { SqlRunner } from './sql.ts';
import {
  BEGIN_TURN,
  DELETE_CONVERSATION,
  INSERT_BUTTONS,
  INSERT_CONVERSATION,
  INSERT_MESSAGES,
  REPLY_IDENTITY,
  type TurnRow,
  UPDATE_CONVERSATION,
  USE_QUESTION,
} from './turn-statements.ts';

/** Button ids: 12 URL-safe characters, unguessable, far below Telegram's 64-byte callback limit. */
export const newButtonId = () => randomBytesPooled(9).toString('base64url');

/** What every conversation step does: claim and load, save the conversation, write buttons and replies. */
export type TurnRepos = Pick<
  FlowRepos,
  'beginTurn' | 'saveConversation' | 'useQuestion' | 'createButtons' | 'queueMessage' | 'queueReplies'
>;

/** A row of BEGIN_TURN or LOAD_TURN as the step's starting point; null when the event was processed already. */
export function toTurn(r: TurnRow): Turn | null {
  if (r.claimed !== 1) return null;
  const button: ButtonRecord | null = r.bId
    ? {
        id: r.bId,
        personId: r.bPersonId,
        flow: r.bFlow,
        rev: r.bRev,
        action: r.bAction,
        value: r.bValue,
        label: r.bLabel,
        question: r.bQuestion,
        expiresAt: new Date(r.bExpiresAt),
        usedAt: r.bUsedAt ? new Date(r.bUsedAt) : null,
      }
    : null;
  return {
    person: {
      id: r.id,
      displayName: r.displayName,
      locale: isLocale(r.locale) ? r.locale : 'nl',
      roles: r.roles,
      onboarded: r.onboarded,
      organisations: r.organisations.map((o) => ({ id: o.id, name: o.name })),
    },
    conversation:
      r.cFlow !== null
        ? {
            flow: r.cFlow,
            version: r.cVersion ?? 0,
            state: r.cState,
            rev: r.cRev ?? 0,
            expiresAt: r.cExpiresAt ? new Date(r.cExpiresAt) : new Date(0),
          }
        : null,
    button,
    replyIdentity: r.iId ? { id: r.iId, platform: r.iPlatform } : null,
  };
}

/** Where the identity a step started from is reached (its replies can be sent directly there). */
export function turnTarget(r: TurnRow): { identityId: string; target: DeliveryTarget } | null {
  if (!r.iId || r.iExternalId === null) return null;
  return {
    identityId: r.iId,
    target: {
      platform: r.iPlatform,
      externalId: r.iExternalId,
      chatId: r.iChatId,
      workspaceId: r.iWorkspaceId,
    },
  };
}

/** Button tokens for rows of buttons: the ids to send and the rows to store. */
export function buttonTokens(
  personId: string,
  scope: { flow: string; rev: number; expiresAt: Date; question?: string },
  rows: ButtonSpec[][],
) {
  const out = rows.map((row) => row.map((b) => ({ ...b, id: newButtonId() })));
  const data = out.flat().map((b) => ({
    id: b.id,
    personId,
    // Language, command and action buttons work whatever the person is doing; flow buttons only at their step.
    flow:
      b.action === 'setLocale' || b.action === 'command'
        ? 'global'
        : b.action.startsWith('act.')
          ? 'action'
          : scope.flow,
    rev: scope.rev,
    action: b.action,
    value: b.value ?? null,
    label: b.label,
    question: scope.question ?? null,
    expiresAt: scope.expiresAt,
  }));
  return { buttons: out.map((row) => row.map((b) => ({ id: b.id, label: b.label }))), data };
}

/**
 * The statements of a conversation step on one transaction — the pg pool's (steps without effects)
 * or Prisma's (steps with effects, which need the other repositories on the same transaction).
 */
export function turnRepos(
  sql: SqlRunner,
  /** Told the replies of the step as written, when they go to the identity the step started from. */
  onReplies?: (direct: Omit<DirectDelivery, 'waiting'>) => void,
): TurnRepos {
  let target: { identityId: string; target: DeliveryTarget } | null = null;
  // Messages written in one transaction get strictly increasing times, so transcripts keep their order.
  let lastAt = 0;
  const nextAt = () => {
    lastAt = Math.max(Date.now(), lastAt + 1);
    return new Date(lastAt).toISOString();
  };

  async function replyIdentity(personId: string): Promise<ReplyIdentity | null> {
    const [row] = await sql.query<ReplyIdentity>(REPLY_IDENTITY, [personId]);
    return row ?? null;
  }

  async function insertButtons(data: ReturnType<typeof buttonTokens>['data']): Promise<void> {
    if (data.length === 0) return;
    const col = <K extends keyof (typeof data)[number]>(k: K) => data.map((b) => b[k]);
    await sql.query(INSERT_BUTTONS, [
      col('id'),
      col('personId'),
      col('flow'),
      col('rev'),
      col('action'),
      col('value'),
      col('label'),
      new Date().toISOString(),
      data.map((b) => b.expiresAt.toISOString()),
      col('question'),
    ]);
  }

  /**
   * Writes messages to one person in one statement, in order. Returns the ids written, in order
   * (none without a reachable identity: those are recorded as failed).
   */
  async function insertMessages(
    personId: string,
    identity: ReplyIdentity | null,
    items: { idempotencyKey: string; message: OutboundMessage }[],
  ): Promise<string[]> {
    if (items.length === 0) return [];
    const rows = await sql.query<{ id: string; idempotencyKey: string }>(INSERT_MESSAGES, [
      personId,
      identity?.id ?? null,
      identity?.platform ?? 'LOCAL',
      identity ? 'PENDING' : 'FAILED',
      identity ? null : 'no reachable channel identity',
      items.map(() => newId()),
      items.map((i) => i.idempotencyKey),
      items.map((i) => JSON.stringify(i.message)),
      items.map(() => nextAt()),
    ]);
    if (!identity) return [];
    const byKey = new Map(rows.map((r) => [r.idempotencyKey, r.id]));
    return items.flatMap((item) => byKey.get(item.idempotencyKey) ?? []);
  }

  return {
    async beginTurn({ inboundId, personId, buttonId, now }) {
      const [r] = await sql.query<TurnRow>(BEGIN_TURN, [
        inboundId,
        now.toISOString(),
        personId,
        buttonId ?? null,
      ]);
      if (!r) throw new Error('person of the inbound event not found');
      target = turnTarget(r);
      return toTurn(r);
    },

    async saveConversation(personId, next, expectedRev) {
      const at = new Date().toISOString();
      // INSERT takes the new row's id first, UPDATE the expected revision; the rest is the same.
      const values = (n: NonNullable<typeof next>, first: string | number) => [
        first,
        personId,
        n.flow,
        n.version,
        JSON.stringify(n.state),
        n.expiresAt.toISOString(),
        at,
      ];
      if (expectedRev === null) {
        if (!next) return 0;
        const rows = await sql.query(INSERT_CONVERSATION, values(next, newId()));
        if (rows.length !== 1) throw new ConflictError('conversation was created concurrently');
        return 1;
      }
      const rows = next
        ? await sql.query(UPDATE_CONVERSATION, values(next, expectedRev))
        : await sql.query(DELETE_CONVERSATION, [personId, expectedRev]);
      if (rows.length !== 1) throw new ConflictError('conversation changed concurrently');
      return expectedRev + 1;
    },

    async useQuestion(personId, buttonId, now) {
      const [r] = await sql.query<{ pressed: number }>(USE_QUESTION, [buttonId, personId, now.toISOString()]);
      return r?.pressed === 1;
    },

    async createButtons(personId, scope, rows) {
      const { buttons, data } = buttonTokens(personId, scope, rows);
      await insertButtons(data);
      return buttons;
    },

    async queueMessage(personId, idempotencyKey, message) {
      const [id] = await insertMessages(personId, await replyIdentity(personId), [
        { idempotencyKey, message },
      ]);
      return id ?? null;
    },

    async queueReplies(personId, replies, opts) {
      if (replies.length === 0) return { ids: [], platform: null };
      const tokens = replies.map((r) =>
        r.buttons?.length
          ? buttonTokens(personId, { ...opts.buttons, question: r.question }, r.buttons)
          : null,
      );
      await insertButtons(tokens.flatMap((t) => t?.data ?? []));
      const identity = opts.identity === undefined ? await replyIdentity(personId) : opts.identity;
      const items = replies.map((r, i) => ({
        idempotencyKey: r.idempotencyKey,
        message: { text: r.text, buttons: tokens[i]?.buttons } as OutboundMessage,
      }));
      const ids = await insertMessages(personId, identity, items);
      if (onReplies && identity && target?.identityId === identity.id && ids.length === items.length) {
        const createdAt = new Date();
        onReplies({
          personId,
          platform: identity.platform,
          ...target,
          messages: items.map((item, i) => ({ id: ids[i] as string, message: item.message, createdAt })),
        });
      }
      return { ids, platform: identity?.platform ?? null };
    },
  };
}
