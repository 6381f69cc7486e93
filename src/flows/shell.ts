import type { InboundContent, Platform } from '../bots/ports.ts';
import { t } from '../i18n/index.ts';
import { runEffect } from './effects.ts';
import { type ActiveFlow, type Decision, decide, restore } from './engine.ts';
import {
  type ButtonRecord,
  ConflictError,
  type ExtractFn,
  type FlowRepos,
  type UnitOfWork,
} from './ports.ts';
import { FLOWS } from './registry.ts';
import type { TimerRequest } from './staffing/types.ts';
import type { FlowContext, FlowInput, Reply } from './types.ts';

/** Longest text we accept in one message; Telegram's own limit is 4,096. */
export const MAX_TEXT_LENGTH = 4096;

/** The repositories a step without effects needs: claim and load, save the conversation, write the replies. */
export type StepRepos = Pick<FlowRepos, 'beginTurn' | 'saveConversation' | 'queueReplies'>;
/** Runs such a step atomically, like `UnitOfWork`, on a lighter path to the database. */
export type StepUnitOfWork = <T>(fn: (repos: StepRepos) => Promise<T>) => Promise<T>;

export interface ShellDeps {
  uow: UnitOfWork;
  /**
   * Optional: most steps (an answer, a button) have no effects and run here, on a shorter path to
   * the database. A step that turns out to have effects has written nothing yet; it runs again in
   * `uow`, with every repository.
   */
  steps?: StepUnitOfWork;
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
}

export interface InboundRecord {
  id: string;
  personId: string;
  platform: Platform;
  content: InboundContent;
}

const MAX_EFFECT_ROUNDS = 5;

/**
 * Runs one inbound event: load state, decide (pure), carry out effects, save state and write the
 * replies to the outbox — all or nothing (one transaction; for a step without effects, `steps`).
 * Returns the outbound ids to deliver after commit.
 */
export async function processInbound(deps: ShellDeps, inbound: InboundRecord): Promise<AfterCommit> {
  let light = deps.steps;
  for (let attempt = 1; ; attempt++) {
    try {
      if (light) {
        try {
          return await light((repos) => runOnce(deps, repos, inbound, null));
        } catch (err) {
          if (!(err instanceof NeedsEffects)) throw err;
          light = undefined;
        }
      }
      return await deps.uow((repos) => runOnce(deps, repos, inbound, repos));
    } catch (err) {
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

/** Thrown (before anything is written) when a step run without the effect repositories has effects. */
class NeedsEffects extends Error {}

async function runOnce(
  deps: ShellDeps,
  repos: StepRepos,
  inbound: InboundRecord,
  effectRepos: FlowRepos | null,
): Promise<AfterCommit> {
  const now = deps.now();
  const { content } = inbound;
  const turn = await repos.beginTurn({
    inboundId: inbound.id,
    personId: inbound.personId,
    buttonId: content.kind === 'button' ? content.buttonId : undefined,
    now,
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

  const input = toFlowInput(content, turn.button, {
    personId: person.id,
    active: restored.active,
    rev: stored?.rev ?? null,
    now,
  });
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
  if (decision.effects.length > 0 && !effectRepos) throw new NeedsEffects();
  const scope = {
    repos: effectRepos as FlowRepos,
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
    })),
    {
      buttons: { flow: active?.flow ?? 'none', rev, expiresAt: buttonExpiry },
      // Effects can change where a person is reached (linking an account): then look it up again.
      identity: decision.effects.length === 0 ? turn.replyIdentity : undefined,
    },
  );
  const routes =
    queued.platform && queued.ids.length
      ? [{ platform: queued.platform, personId: person.id, ids: queued.ids }]
      : [];
  // The event itself was marked processed by beginTurn, in this same transaction.
  return { outboundIds: [...queued.ids, ...outboundIds], timers, routes };
}

type Rejection = {
  reply: 'error.stale_button' | 'error.foreign_button' | 'error.too_long_message';
  params?: Record<string, string | number>;
};

/** Turns stored content into flow input; stale, foreign or oversized input becomes a polite reply. */
function toFlowInput(
  content: InboundContent,
  button: ButtonRecord | null,
  at: { personId: string; active: ActiveFlow | null; rev: number | null; now: Date },
): FlowInput | Rejection {
  const { personId, active, rev } = at;
  switch (content.kind) {
    case 'text':
      if (content.text.length > MAX_TEXT_LENGTH) {
        return {
          reply: 'error.too_long_message',
          params: { length: content.text.length, max: MAX_TEXT_LENGTH },
        };
      }
      return { kind: 'text', text: content.text };
    case 'command':
      return { kind: 'command', command: content.command, args: content.args };
    case 'media':
      return { kind: 'media', mediaKind: content.mediaKind, fileRef: content.fileRef };
    case 'form':
      return { kind: 'form', form: content.form, values: content.values };
    case 'button': {
      if (!button || button.expiresAt < at.now) return { reply: 'error.stale_button' };
      if (button.personId !== personId) return { reply: 'error.foreign_button' };
      if (button.flow === 'global' || button.flow === 'offer' || button.flow === 'action')
        return { kind: 'button', action: button.action, value: button.value ?? undefined };
      if (!active || button.flow !== active.flow || button.rev !== rev)
        return { reply: 'error.stale_button' };
      return { kind: 'button', action: button.action, value: button.value ?? undefined };
    }
  }
}

function errorSummary(err: unknown): { name: string; message: string; code?: string } {
  const e = err as { name?: string; message?: string; code?: string };
  // Messages of our own errors carry no personal data; driver errors are cut short to be safe.
  return { name: e?.name ?? 'Error', message: String(e?.message ?? err).slice(0, 300), code: e?.code };
}

function isRetryableDbError(err: unknown): boolean {
  const text = String((err as { message?: string })?.message ?? '');
  return /\b(40P01|40001)\b|deadlock detected|could not serialize/.test(text);
}
