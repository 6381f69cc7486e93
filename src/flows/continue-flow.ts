import { runEffect } from './effects.ts';
import { decide, restore } from './engine.ts';
import { ConflictError, type FlowRepos } from './ports.ts';
import { FLOWS } from './registry.ts';
import type { ShellDeps } from './shell.ts';
import type { TimerRequest } from './staffing/types.ts';
import type { EffectResult, FlowContext, Reply } from './types.ts';

/** Work done in the background that belongs to a person's conversation (a transcript, a draft). */
export interface Continuation {
  personId: string;
  /** The flow it belongs to; when the person is elsewhere, `orElse` runs instead. */
  flow: string;
  /** Fed to the flow as the result of an effect with this name. */
  name: string;
  result: EffectResult;
  /** Unique per piece of work: idempotency keys of the messages it writes. */
  key: string;
  /** Runs in the same transaction when the flow is not active (or not in that state). */
  orElse?: (repos: FlowRepos, ctx: FlowContext) => Promise<{ replies: Reply[]; outboundIds?: string[] }>;
}

/**
 * Feeds the outcome of slow work done after commit back into the person's conversation, as the
 * shell would feed an effect result: one transaction, state saved with its revision check (a
 * concurrent step makes it run again), replies and outgoing messages in the outbox.
 */
export async function continueFlow(
  deps: Pick<ShellDeps, 'uow' | 'zone' | 'conversationTtlDays' | 'now' | 'llmEnabled'>,
  c: Continuation,
): Promise<{ outboundIds: string[]; timers: TimerRequest[] }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.uow((repos) => once(deps, repos, c));
    } catch (err) {
      if (err instanceof ConflictError && attempt < 3) continue;
      throw err;
    }
  }
}

async function once(
  deps: Pick<ShellDeps, 'zone' | 'conversationTtlDays' | 'now' | 'llmEnabled'>,
  repos: FlowRepos,
  c: Continuation,
): Promise<{ outboundIds: string[]; timers: TimerRequest[] }> {
  const now = deps.now();
  const person = await repos.personView(c.personId);
  const ctx: FlowContext = { now, zone: deps.zone, person, locale: person.locale };
  const stored = await repos.loadConversation(c.personId);
  const live =
    stored && stored.expiresAt >= now && stored.flow === c.flow ? restore(stored, ctx).active : null;
  const outboundIds: string[] = [];
  const timers: TimerRequest[] = [];
  const replies: Reply[] = [];
  const scope = {
    repos,
    ctx,
    timers,
    replies,
    outboundIds,
    llmEnabled: deps.llmEnabled,
    platform: 'LOCAL' as const,
    keyPrefix: c.key,
  };
  const expiresAt = new Date(now.getTime() + deps.conversationTtlDays * 86_400_000);
  const first = live ? decide(live, { kind: 'effect', name: c.name, result: c.result }, ctx) : null;
  // A flow that moved on (or handled this before) ignores it: then the fallback decides.
  const ignored =
    !first ||
    (first.replies.length === 0 &&
      first.effects.length === 0 &&
      JSON.stringify(first.active) === JSON.stringify(live));
  if (first && !ignored) {
    let active = first.active;
    replies.push(...first.replies);
    let pending = first.effects;
    for (let round = 0; pending.length > 0 && round < 5; round++) {
      const next = [];
      for (const effect of pending) {
        const result = await runEffect(effect, scope);
        if (!active) continue;
        const fed = decide(active, { kind: 'effect', name: effect.type, result }, ctx);
        active = fed.active;
        replies.push(...fed.replies);
        next.push(...fed.effects);
      }
      pending = next;
    }
    const state = active
      ? { flow: active.flow, version: FLOWS[active.flow]?.version ?? 1, state: active.state, expiresAt }
      : null;
    const rev = await repos.saveConversation(c.personId, state, stored?.rev ?? null);
    return finish(repos, c, replies, outboundIds, timers, { flow: active?.flow ?? 'none', rev, expiresAt });
  }
  const other = c.orElse ? await c.orElse(repos, ctx) : { replies: [] };
  outboundIds.push(...(other.outboundIds ?? []));
  return finish(repos, c, other.replies, outboundIds, timers, { flow: 'none', rev: 0, expiresAt });
}

async function finish(
  repos: FlowRepos,
  c: Continuation,
  replies: Reply[],
  outboundIds: string[],
  timers: TimerRequest[],
  buttons: { flow: string; rev: number; expiresAt: Date },
) {
  const queued = await repos.queueReplies(
    c.personId,
    replies.map((r, i) => ({ idempotencyKey: `${c.key}:r${i}`, text: r.text, buttons: r.buttons })),
    { buttons },
  );
  return { outboundIds: [...queued.ids, ...outboundIds], timers };
}
