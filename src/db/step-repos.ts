import type { DeliveryTarget, OutboundMessage } from '../bots/ports.ts';
import { ConflictError, EarlierEventPending, type ReplyIdentity } from '../flows/ports.ts';
import type { DirectDelivery, ReserveSender, StepRepos, StepUnitOfWork } from '../flows/shell.ts';
import { COMMIT_STEP, type ConversationWrite, type StepParam, stepParams } from './commit-step.ts';
import { newId } from './ids.ts';
import type { SqlRunner } from './sql.ts';
import { readOnlyEffectRepos } from './sql-effects.ts';
import { buttonTokens, toTurn, turnTarget } from './turn-repos.ts';
import { LOAD_TURN, REPLY_IDENTITY, type TurnRow } from './turn-statements.ts';

/**
 * A conversation step without effects (most answers and button presses) in two statements on the
 * pg pool: read where the step starts from, then write everything at once (COMMIT_STEP: the event
 * claimed, the conversation saved if its revision is unchanged, buttons and replies — all or
 * nothing). The shell's `uow` path does the same in an interactive transaction (BEGIN, claim and
 * read, four writes, COMMIT); this saves the round trips, which are most of a step's cost.
 * A concurrent change (the event processed elsewhere, the conversation changed) writes nothing
 * and throws ConflictError: the shell runs the step again from a fresh read.
 */
export function stepUnitOfWork(
  sql: SqlRunner,
  opts: { inOrder?: boolean; reserve?: ReserveSender } = {},
): StepUnitOfWork {
  return async (fn) => {
    const repos = deferredStepRepos(sql, opts.inOrder ?? false);
    const out = await fn(repos, readOnlyEffectRepos(sql));
    const direct = await repos.commit(opts.reserve);
    return direct ? { ...out, direct } : out;
  };
}

/**
 * Reads at once; collects the writes, which `commit` carries out in one statement. `inOrder`: an
 * unprocessed earlier event of the same person stops the step (EarlierEventPending) before it decides.
 */
function deferredStepRepos(
  sql: SqlRunner,
  inOrder: boolean,
): StepRepos & { commit(reserve?: ReserveSender): Promise<DirectDelivery | null> } {
  let started: { inboundId: string; now: Date; personId: string } | null = null;
  /** Where the replies go when they go to the identity the step started from. */
  let target: { identityId: string; target: DeliveryTarget } | null = null;
  let direct: Omit<DirectDelivery, 'waiting'> | null = null;
  let write: ConversationWrite = 'none';
  const values: Partial<Record<StepParam, unknown>> = {};
  let lastAt = 0;
  // Messages of one step get strictly increasing times, so transcripts keep their order.
  const nextAt = () => {
    lastAt = Math.max(Date.now(), lastAt + 1);
    return new Date(lastAt).toISOString();
  };

  async function loadTurn(inboundId: string, personId: string, buttonId: string | undefined) {
    const [row] = await sql.query<TurnRow>(LOAD_TURN, [inboundId, personId, buttonId ?? null]);
    if (!row) throw new Error('person of the inbound event not found');
    return row;
  }

  return {
    async beginTurn({ inboundId, personId, buttonId, now, ordered, preloaded }) {
      const row =
        usablePreload(preloaded, personId, buttonId) ?? (await loadTurn(inboundId, personId, buttonId));
      const turn = toTurn(row);
      // COMMIT_STEP checks that the conversation is still at this revision, even when it writes none.
      values.rev = row.cRev;
      if (turn && inOrder && !ordered && row.earlier)
        throw new EarlierEventPending('an earlier event comes first');
      // Processed already: the shell returns without writing anything.
      started = turn ? { inboundId, now, personId } : null;
      target = turnTarget(row);
      return turn;
    },

    async saveConversation(_personId, next, expectedRev) {
      if (expectedRev === null && !next) return 0;
      if (next) {
        Object.assign(values, {
          flow: next.flow,
          version: next.version,
          state: JSON.stringify(next.state),
          expires: next.expiresAt.toISOString(),
        });
      }
      if (expectedRev === null) {
        write = 'insert';
        values.cId = newId();
        return 1;
      }
      write = next ? 'update' : 'delete';
      values.rev = expectedRev;
      return expectedRev + 1;
    },

    async queueReplies(personId, replies, opts) {
      if (replies.length === 0) return { ids: [], platform: null };
      const tokens = replies.map((r) =>
        r.buttons?.length
          ? buttonTokens(personId, { ...opts.buttons, question: r.question }, r.buttons)
          : null,
      );
      const buttons = tokens.flatMap((t) => t?.data ?? []);
      const identity = opts.identity === undefined ? await replyIdentity(sql, personId) : opts.identity;
      const messages: { id: string; key: string; message: OutboundMessage; at: string }[] = replies.map(
        (r, i) => ({
          id: newId(),
          key: r.idempotencyKey,
          message: { text: r.text, buttons: tokens[i]?.buttons },
          at: nextAt(),
        }),
      );
      direct =
        identity && target && identity.id === target.identityId
          ? {
              personId,
              platform: identity.platform,
              ...target,
              messages: messages.map((m) => ({ id: m.id, message: m.message, createdAt: new Date(m.at) })),
            }
          : null;
      Object.assign(values, {
        bId: buttons.map((b) => b.id),
        bFlow: buttons.map((b) => b.flow),
        bRev: buttons.map((b) => b.rev),
        bAction: buttons.map((b) => b.action),
        bValue: buttons.map((b) => b.value),
        bLabel: buttons.map((b) => b.label),
        bExpires: buttons.map((b) => b.expiresAt.toISOString()),
        bQuestion: buttons.map((b) => b.question),
        identity: identity?.id ?? null,
        platform: identity?.platform ?? 'LOCAL',
        // Without a reachable identity the replies are recorded as failed, as in the transaction path.
        status: identity ? 'PENDING' : 'FAILED',
        error: identity ? null : 'no reachable channel identity',
        mId: messages.map((m) => m.id),
        mKey: messages.map((m) => m.key),
        mPayload: messages.map((m) => JSON.stringify(m.message)),
        mAt: messages.map((m) => m.at),
      });
      // Their keys derive from the event, which COMMIT_STEP claims: written exactly as listed, or not at all.
      return { ids: identity ? messages.map((m) => m.id) : [], platform: identity?.platform ?? null };
    },

    async commit(reserve) {
      if (!started) return null;
      const defaults: Partial<Record<StepParam, unknown>> = {
        inbound: started.inboundId,
        now: started.now.toISOString(),
        person: started.personId,
        identity: null,
        platform: 'LOCAL',
        status: 'PENDING',
        error: null,
      };
      // Arrays not given (no buttons, no replies) are empty.
      const params = stepParams(write).map((name) =>
        name in values ? values[name] : name in defaults ? defaults[name] : [],
      );
      // Replies to be sent from here: the person's send lock first, so no other sender can take them.
      const reservation = direct && reserve ? await reserve(started.personId, direct.platform) : null;
      try {
        const [result] = await sql.query<{ claimed: number; waiting: string[] | null }>(
          COMMIT_STEP[write],
          params,
        );
        if (result?.claimed !== 1)
          throw new ConflictError('event processed elsewhere or conversation changed concurrently');
        return direct ? { ...direct, waiting: result.waiting ?? [], reservation } : null;
      } catch (err) {
        await reservation?.release();
        throw err;
      }
    },
  };
}

/**
 * The starting point read when the event was stored (src/db/inbox-repo.ts), if it can stand in for
 * LOAD_TURN: read for this person and button, with no earlier event of theirs still waiting.
 */
function usablePreload(preloaded: unknown, personId: string, buttonId: string | undefined): TurnRow | null {
  const row = preloaded as (TurnRow & { bAsked?: string | null }) | undefined;
  if (row?.earlier !== false || row.id !== personId) return null;
  return (row.bAsked ?? undefined) === buttonId ? row : null;
}

async function replyIdentity(sql: SqlRunner, personId: string): Promise<ReplyIdentity | null> {
  const [row] = await sql.query<ReplyIdentity>(REPLY_IDENTITY, [personId]);
  return row ?? null;
}
