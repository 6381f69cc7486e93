import type { DeliveryTarget, InboundContent, OutboundMessage, Platform } from '../bots/ports.ts';
import { t } from '../i18n/index.ts';
import { runEffect } from './effects.ts';
import { type ActiveFlow, type Decision, decide, restore } from './engine.ts';
import {
  ConflictError,
  EarlierEventPending,
  type ExtractFn,
  type FlowRepos,
  RepoUnavailable,
  type UnitOfWork,
} from './ports.ts';
import { FLOWS } from './registry.ts';
import { errorSummary, isRetryableDbError, toFlowInput } from './shell-input.ts';
import type { TimerRequest } from './staffing/types.ts';
import type { FlowContext, Reply } from './types.ts';

export { MAX_TEXT_LENGTH } from './shell-input.ts';

/** The repositories a step without effects needs: claim and load, save the conversation, write the replies. */
export type StepRepos = Pick<FlowRepos, 'beginTurn' | 'saveConversation' | 'queueReplies'>;
/**
 * Runs such a step atomically, like `UnitOfWork`, on a lighter path to the database. It may add
 * `direct` to the result: the replies as written, ready to be sent at once.
 */
export type StepUnitOfWork<R = StepRepos> = (
  fn: (repos: R, effects: LimitedRepos) => Promise<AfterCommit>,
) => Promise<AfterCommit>;

/** Repositories for some effects only: the others throw RepoUnavailable (before anything is run). */
export interface LimitedRepos {
  repos: FlowRepos;
  effects: ReadonlySet<string>;
}

/**
 * A step's replies as written, with where they go, so this process can send them right after the
 * commit without reading them back or queueing a job (src/jobs/delivery.ts `sendNow`).
 */
/**
 * Platforms whose replies to a step are sent right after it, from the process that ran it
 * (src/jobs/direct-send.ts): their adapters pace every send by themselves, overall and per chat
 * (Telegram's SendPacer: 30 msg/s per process; the local web chat needs none). For these, storing
 * an event also reads where its step starts (src/db/inbox-repo.ts): people write one message after
 * another, and in the Telegram benchmark every such read was used (990 of 990). Not Slack: its
 * adapter paces per channel only, so its overall cap is the queue's limiter (20/s); and its
 * acknowledgement is what Slack times — in the Slack benchmark's backlog 58 % of those early reads
 * were out of date by the time the step ran, costing 15–30 % of the acknowledgements per second.
 */
export const DIRECT_PLATFORMS: ReadonlySet<Platform> = new Set(['TELEGRAM', 'LOCAL']);

export interface DirectDelivery {
  personId: string;
  platform: Platform;
  identityId: string;
  target: DeliveryTarget;
  messages: { id: string; message: OutboundMessage; createdAt: Date }[];
  /** Messages to this person that were pending before the step: they go first (or through the queue). */
  waiting: string[];
  /** The person's send lock, taken before the step committed (so nobody else can have sent these). */
  reservation?: SendReservation | null;
}

/** A person's send lock held by this process (src/jobs/direct-send.ts); released after sending. */
export interface SendReservation {
  release(): Promise<void>;
}

/** Takes a person's send lock for the replies a step is about to commit; null when it is busy. */
export type ReserveSender = (personId: string, platform: Platform) => Promise<SendReservation | null>;

export interface ShellDeps {
  uow: UnitOfWork;
  /**
   * Optional: most steps (an answer, a button) have no effects and run here, on a shorter path to
   * the database. A step that turns out to have effects has written nothing yet; it runs again in
   * `uow`, with every repository.
   */
  steps?: StepUnitOfWork;
  /**
   * Optional: a step whose effects are all common ones with a plain SQL version (a partner signing
   * up) runs in this transaction; anything else there throws RepoUnavailable and runs in `uow`.
   */
  sqlEffects?: StepUnitOfWork<FlowRepos> | null;
  /** Optional: free-text understanding with an LLM (else the rules). */
  extract?: ExtractFn;
  /** Whether an LLM is configured (harvest: voice notes, photos and the draft are read after commit). */
  llmEnabled?: boolean;
  /** Where one-time dashboard sign-in tokens are redeemed (/dashboard). */
  dashboardUrl?: (token: string) => string;
  zone: string;
  conversationTtlDays: number;
  now: () => Date;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/** What to carry out once the transaction has committed. */
export interface AfterCommit {
  outboundIds: string[];
  timers: TimerRequest[];
  /** Whom and on which platform some of `outboundIds` go, where already known (saves delivery a lookup). */
  routes?: { platform: Platform; personId: string; ids: string[] }[];
  /** The replies (all of `outboundIds`) as written, when the step ran on the light path. */
  direct?: DirectDelivery;
}

export interface InboundRecord {
  id: string;
  personId: string;
  platform: Platform;
  content: InboundContent;
  /** Earlier unprocessed events of the person were processed first already (src/roles-inbound.ts). */
  ordered?: boolean;
  /**
   * The step's starting point, read by the statement that stored the event (src/db/inbox-repo.ts):
   * saves the light path its first read. Only for the first attempt on that path; the commit
   * checks that the event and the conversation are unchanged, or the step is redone from a fresh read.
   */
  preloaded?: unknown;
}

const MAX_EFFECT_ROUNDS = 5;

/**
 * Runs one inbound event: load state, decide (pure), carry out effects, save state and write the
 * replies to the outbox — all or nothing (one transaction; for a step without effects, `steps`).
 * Returns the outbound ids to deliver after commit.
 */
export async function processInbound(deps: ShellDeps, inbound: InboundRecord): Promise<AfterCommit> {
  // From the lightest path to the full one; a step that needs more moves on (having written nothing).
  // On the lighter paths no effect changes where the replies go: they may be sent directly, too.
  let paths = [deps.steps, deps.sqlEffects].filter((p): p is StepUnitOfWork => Boolean(p));
  const fresh = { ...inbound, preloaded: undefined };
  for (let attempt = 1; ; attempt++) {
    try {
      for (let path = paths[0]; path; path = paths[0]) {
        const record = attempt === 1 && path === deps.steps ? inbound : fresh;
        try {
          return await path((repos, effects) => runOnce(deps, repos, record, effects, false));
        } catch (err) {
          if (!(err instanceof RepoUnavailable)) throw err;
          paths = paths.slice(1);
        }
      }
      return await deps.uow((repos) => runOnce(deps, repos, fresh, { repos, effects: null }));
    } catch (err) {
      // Not this event's turn yet: the caller processes the earlier one first (src/roles-inbound.ts).
      if (err instanceof EarlierEventPending) throw err;
      // A conflicting update or a database deadlock/serialization failure: the step is safe to redo.
      if ((err instanceof ConflictError || isRetryableDbError(err)) && attempt < 3) continue;
      deps.log.error({ err: errorSummary(err), inboundId: inbound.id }, 'processing an inbound event failed');
      return deps.uow(async (repos) => {
        await repos.markInbound(inbound.id, 'FAILED', errorSummary(err).message);
        const person = await repos.personView(inbound.personId);
        const id = await repos.queueMessage(inbound.personId, `${inbound.id}:error`, {
          text: t(person.locale, 'error.internal'),
        });
        return { outboundIds: id ? [id] : [], timers: [] };
      });
    }
  }
}

async function runOnce(
  deps: ShellDeps,
  repos: StepRepos,
  inbound: InboundRecord,
  effectRepos: { repos: FlowRepos; effects: ReadonlySet<string> | null },
  /** False: nothing the effects do changes where the replies go (no need to look it up again). */
  mayMoveReplies = true,
): Promise<AfterCommit> {
  const now = deps.now();
  const { content } = inbound;
  const turn = await repos.beginTurn({
    inboundId: inbound.id,
    personId: inbound.personId,
    buttonId: content.kind === 'button' ? content.buttonId : undefined,
    now,
    ordered: inbound.ordered,
    preloaded: inbound.preloaded,
  });
  // Processed already (a repeat after a restart, or another replica): nothing more to do, nothing to send.
  if (!turn) return { outboundIds: [], timers: [] };
  const { person, conversation: stored } = turn;
  const ctx: FlowContext = { now, zone: deps.zone, person, locale: person.locale };
  const notices: Reply[] = [];
  let mustSave = false;
  let restored: { active: ActiveFlow | null; notices: Reply[] };
  if (stored && stored.expiresAt < now) {
    notices.push({ text: t(ctx.locale, 'flow.expired') });
    restored = { active: null, notices: [] };
    mustSave = true;
  } else {
    restored = restore(stored, ctx);
    if (stored && !restored.active) mustSave = true;
  }
  notices.push(...restored.notices);

  let input = toFlowInput(content, turn.button, {
    personId: person.id,
    active: restored.active,
    rev: stored?.rev ?? null,
    now,
  });
  if (!('reply' in input) && turn.button) {
    // A question answered once: this press retires all its buttons, in this transaction, unless an
    // earlier press did (also one running at this moment). Not on the read-only path (RepoUnavailable).
    if (turn.button.question && !(await effectRepos.repos.useQuestion(person.id, turn.button.id, now)))
      input = { reply: 'error.stale_button' };
    // A flow's buttons belong to the question they came with: a press always moves the conversation
    // to a new revision, so no button shown before it works again, even when the state stays the same
    // ("No, back to the summary" must retire that question's "Yes, discard").
    else if (turn.button.flow === restored.active?.flow) mustSave = true;
  }
  const decision: Decision =
    'reply' in input
      ? {
          active: restored.active,
          replies: [{ text: t(ctx.locale, input.reply, input.params) }],
          effects: [],
          effectsFromFlow: false,
          locale: ctx.locale,
        }
      : decide(restored.active, input, ctx);

  const outboundIds: string[] = [];
  const timers: TimerRequest[] = [];
  const replies: Reply[] = [...notices, ...decision.replies];
  // An effect this path cannot run: on to the next path, before any effect has run.
  const runnable = (list: Decision['effects']) => {
    const missing = list.find((e) => effectRepos.effects && !effectRepos.effects.has(e.type));
    if (missing) throw new RepoUnavailable(`effect ${missing.type} not on this path`);
  };
  runnable(decision.effects);
  const scope = {
    repos: effectRepos.repos,
    timers,
    extract: deps.extract,
    llmEnabled: deps.llmEnabled,
    dashboardUrl: deps.dashboardUrl,
    ctx: { ...ctx, locale: decision.locale },
    platform: inbound.platform,
    keyPrefix: inbound.id,
    replies,
    outboundIds,
  };
  let active = decision.active;
  let pending = decision.effects;
  for (let round = 0; pending.length > 0 && round < MAX_EFFECT_ROUNDS; round++) {
    const next = [];
    runnable(pending);
    for (const effect of pending) {
      const result = await runEffect(effect, scope);
      if (decision.effectsFromFlow && active) {
        const fed = decide(active, { kind: 'effect', name: effect.type, result }, scope.ctx);
        active = fed.active;
        replies.push(...fed.replies);
        next.push(...fed.effects);
      }
    }
    pending = next;
  }

  let rev = stored?.rev ?? 0;
  if (mustSave || JSON.stringify(active) !== JSON.stringify(restored.active)) {
    const expiresAt = new Date(now.getTime() + deps.conversationTtlDays * 86_400_000);
    const next = active
      ? { flow: active.flow, version: FLOWS[active.flow]?.version ?? 1, state: active.state, expiresAt }
      : null;
    rev = await repos.saveConversation(person.id, next, stored ? stored.rev : null);
  }

  const buttonExpiry = new Date(now.getTime() + deps.conversationTtlDays * 86_400_000);
  const queued = await repos.queueReplies(
    person.id,
    replies.map((reply, i) => ({
      idempotencyKey: `${inbound.id}:r${i}`,
      text: reply.text,
      buttons: reply.buttons,
      question: reply.question,
    })),
    {
      buttons: { flow: active?.flow ?? 'none', rev, expiresAt: buttonExpiry },
      // Effects can change where a person is reached (linking an account): then look it up again.
      identity: decision.effects.length === 0 || !mayMoveReplies ? turn.replyIdentity : undefined,
    },
  );
  const routes =
    queued.platform && queued.ids.length
      ? [{ platform: queued.platform, personId: person.id, ids: queued.ids }]
      : [];
  // The event itself was marked processed by beginTurn, in this same transaction.
  return { outboundIds: [...queued.ids, ...outboundIds], timers, routes };
}
