import { z } from 'zod';
import { scrub } from '../../domain/scrub.ts';
import { formatDateTime } from '../../domain/time.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import type { EffectScope } from '../effects.ts';
import { done, type EffectResult, type FlowDefinition, stay } from '../types.ts';

const OutcomeState = z.object({
  step: z.enum(['loading', 'ask', 'saving']),
  sessionId: z.string().default(''),
  label: z.string().default(''),
});
type State = z.infer<typeof OutcomeState>;

const MAX_LENGTH = 2000;

/**
 * Close the loop: the partner (or a coordinator) tells what was done with a harvest, in free text.
 * `/opbrengst [nummer]`, or the button under the partner's report. The facilitators are told.
 */
export const outcomeFlow: FlowDefinition<State> = {
  name: 'outcome',
  version: 1,
  schema: OutcomeState,
  command: '/opbrengst',
  start(_ctx, args) {
    return stay(
      OutcomeState.parse({ step: 'loading' }),
      [],
      [{ type: 'harvestExtra', op: 'outcomeLoad', args }],
    );
  },
  step(state, input, ctx) {
    const l = ctx.locale;
    if (input.kind === 'effect') {
      const r = input.result;
      if (!r.ok) {
        // "none:<reason>:<number>" when a request number was given (see loadOutcomeTarget).
        const [kind, reason, number] = r.error.split(':');
        const key =
          kind !== 'none'
            ? 'error.internal'
            : reason
              ? (`outcome.none.${reason}` as MessageKey)
              : 'outcome.none';
        return done([{ text: t(l, key, { number: number ?? '' }) }]);
      }
      if (input.name === 'harvestExtra' && state.step === 'loading') {
        const next = {
          ...state,
          step: 'ask' as const,
          sessionId: String(r.data?.sessionId ?? ''),
          label: String(r.data?.label ?? ''),
        };
        return stay(next, outcomeFlow.reprompt(next, ctx));
      }
      if (input.name === 'harvestExtra' && state.step === 'saving') {
        const told = Number(r.data?.told ?? 0);
        return done([{ text: t(l, told > 0 ? 'outcome.saved' : 'outcome.saved_nobody', { count: told }) }]);
      }
      return stay(state, []);
    }
    if (state.step === 'ask' && input.kind === 'text') {
      const text = input.text.trim();
      if (text.length < 3) return stay(state, [{ text: t(l, 'outcome.too_short') }]);
      if (text.length > MAX_LENGTH)
        return stay(state, [{ text: t(l, 'outcome.too_long', { max: MAX_LENGTH }) }]);
      return stay(
        { ...state, step: 'saving' },
        [],
        [{ type: 'harvestExtra', op: 'outcomeSave', args: text, sessionId: state.sessionId }],
      );
    }
    return stay(state, outcomeFlow.reprompt(state, ctx));
  },
  reprompt(state, ctx) {
    if (state.step !== 'ask') return [];
    return [{ text: t(ctx.locale, 'outcome.ask', { label: state.label }) }];
  },
};

const isCoordinator = (s: EffectScope) => s.ctx.person.roles.includes('COORDINATOR');

/** Finds the harvest to record for: `#12`/`12` names a request, else the newest the person may record for. */
export async function loadOutcomeTarget(args: string, s: EffectScope): Promise<EffectResult> {
  const m = /^#?(\d{1,7})\b/.exec(args.trim());
  const partner = s.ctx.person.roles.includes('PARTNER');
  if (!partner && !isCoordinator(s)) return { ok: false, error: 'none' };
  const targets = await s.repos.harvestExtra.outcomeTargets(
    s.ctx.person.id,
    isCoordinator(s),
    m ? Number(m[1]) : null,
  );
  const target = targets[0];
  if (!target && m) {
    const why = await s.repos.harvestExtra.outcomeMissing(s.ctx.person.id, isCoordinator(s), Number(m[1]));
    return { ok: false, error: `none:${why}:${Number(m[1])}` };
  }
  if (!target) return { ok: false, error: 'none' };
  const when = formatDateTime(target.startsAt, s.ctx.zone, s.ctx.locale);
  return {
    ok: true,
    data: { sessionId: target.sessionId, label: `#${target.number} ${target.organisation}, ${when}` },
  };
}

/** Stores what was done (scrubbed), and tells the session's facilitators. */
export async function saveOutcome(sessionId: string, text: string, s: EffectScope): Promise<EffectResult> {
  const { repos, ctx } = s;
  // Rights again, on this transaction: the button or the state may be old.
  const session = await repos.staffing.session(sessionId);
  if (!session) return { ok: false, error: 'none' };
  const targets = await repos.harvestExtra.outcomeTargets(
    ctx.person.id,
    isCoordinator(s),
    session.requestNumber,
  );
  if (!targets.some((x) => x.sessionId === sessionId)) return { ok: false, error: 'none' };
  const clean = scrub(text).slice(0, MAX_LENGTH);
  const role = isCoordinator(s) ? 'COORDINATOR' : 'PARTNER';
  await repos.harvestExtra.addOutcome(sessionId, { text: clean, at: ctx.now.toISOString(), role });
  await repos.audit({
    actorId: ctx.person.id,
    action: 'harvest.outcome',
    subjectType: 'Harvest',
    subjectId: sessionId,
  });
  let told = 0;
  for (const a of session.assignments) {
    const who = await repos.staffing.recipient(a.personId);
    if (!who) continue;
    const message = t(who.locale, 'outcome.facilitator', {
      organisation: session.organisation,
      when: formatDateTime(session.startsAt, ctx.zone, who.locale),
      text: clean,
    });
    const id = await repos.queueMessage(who.id, `${s.keyPrefix}:outcome:${who.id}`, { text: message });
    if (id) {
      s.outboundIds.push(id);
      told++;
    }
  }
  return { ok: true, data: { told } };
}
