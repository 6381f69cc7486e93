import { THEME_KEYS } from '../../domain/themes.ts';
import { WIJK_KEYS } from '../../domain/wijken.ts';
import { t } from '../../i18n/index.ts';
import { type FlowContext, type FlowInput, stay, type Transition } from '../types.ts';
import { DURATION, PARTICIPANTS } from './intake-answers.ts';
import { promptFor } from './intake-prompts.ts';
import { type Draft, type IntakeState, MAX_DATE_OPTIONS, STEPS } from './intake-state.ts';
import { renderSummary } from './intake-summary.ts';

/** A message that reads like a whole request ("Wij willen op dinsdag 8 december een dialoog…"), not one answer. */
export function isFreeTextRequest(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length >= 60 && trimmed.split(/\s+/).length >= 8 && !trimmed.startsWith('/');
}

/** Hands the message to the extractor (rules, or the LLM when configured) as an effect. */
export function startExtraction(state: IntakeState, text: string): Transition<IntakeState> {
  return stay({ ...state, step: 'extracting' }, [], [{ type: 'extractRequest', text }]);
}

const clip = (v: unknown, max: number) =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined;

/**
 * Keeps only values that pass the same rules as typed answers: the extractor (and surely an LLM)
 * proposes, the partner confirms at the summary, and nothing out of range slips through.
 */
export function sanitisePatch(patch: Record<string, unknown>, now: Date): Draft {
  const d: Draft = {};
  d.organisation = clip(patch.organisation, 120);
  if (typeof patch.theme === 'string' && (THEME_KEYS as readonly string[]).includes(patch.theme))
    d.theme = patch.theme as Draft['theme'];
  d.goal = clip(patch.goal, 1000);
  d.targetGroup = clip(patch.targetGroup, 300);
  const n = patch.participants;
  if (typeof n === 'number' && Number.isInteger(n) && n >= PARTICIPANTS.min && n <= PARTICIPANTS.max)
    d.participants = n;
  if (Array.isArray(patch.languages)) {
    const codes = patch.languages.filter((c): c is string => typeof c === 'string' && /^[a-z]{2}$/.test(c));
    if (codes.length) d.languages = [...new Set(codes)];
  }
  if (typeof patch.online === 'boolean') d.online = patch.online;
  if (!d.online) {
    if (typeof patch.wijk === 'string' && (WIJK_KEYS as readonly string[]).includes(patch.wijk))
      d.wijk = patch.wijk;
    d.address = clip(patch.address, 200);
  }
  if (Array.isArray(patch.dates)) {
    const limit = now.getTime() + 2 * 365 * 86_400_000;
    const future = patch.dates
      .filter((x): x is string => typeof x === 'string')
      .filter((x) => {
        const ms = Date.parse(x);
        return Number.isFinite(ms) && ms > now.getTime() && ms < limit;
      })
      .slice(0, MAX_DATE_OPTIONS)
      .map((x) => new Date(x).toISOString());
    if (future.length) d.dates = future;
  }
  const m = patch.durationMinutes;
  if (typeof m === 'number' && m >= DURATION.min && m <= DURATION.max) d.durationMinutes = Math.round(m);
  if (typeof patch.coDesign === 'boolean') d.coDesign = patch.coDesign;
  if (typeof patch.accessibility === 'string' && patch.accessibility.trim())
    d.accessibility = clip(patch.accessibility, 500);
  d.contactName = clip(patch.contactName, 80);
  d.contactEmail = clip(patch.contactEmail, 200) ?? undefined;
  d.contactPhone = clip(patch.contactPhone, 40) ?? undefined;
  for (const k of Object.keys(d) as (keyof Draft)[]) if (d[k] === undefined) delete d[k];
  return d;
}

/** The extractor's proposal: show what was understood and ask only what is still missing. */
export function onExtracted(
  state: IntakeState,
  input: FlowInput,
  ctx: FlowContext,
  next: (s: IntakeState) => IntakeState['step'],
): Transition<IntakeState> {
  const l = ctx.locale;
  const back: IntakeState = {
    ...state,
    step: STEPS.find((s) => s !== 'organisation' || !state.draft.organisation) ?? 'theme',
  };
  if (input.kind !== 'effect' || input.name !== 'extractRequest' || !input.result.ok) {
    return stay(back, [{ text: t(l, 'intake.free_text_failed') }, ...promptFor(back, ctx)]);
  }
  const found = sanitisePatch((input.result.data?.patch ?? {}) as Record<string, unknown>, ctx.now);
  // A partner requests for their own organisation ("namens…" in a message is not a transfer);
  // a coordinator may name any organisation.
  if (
    found.organisation &&
    ctx.person.organisations.length > 0 &&
    !ctx.person.roles.includes('COORDINATOR')
  ) {
    const own = ctx.person.organisations.find(
      (o) => o.name.toLowerCase() === found.organisation?.toLowerCase(),
    );
    if (own) found.organisation = own.name;
    else delete found.organisation;
  }
  // What the partner's own organisation says stays unless the message names another one.
  const draft: Draft = { ...state.draft, ...found };
  const understood = renderSummary(found, { locale: l, zone: ctx.zone });
  const merged: IntakeState = { ...state, draft, skipFilled: true, history: [] };
  const step = next({ ...merged, step: 'organisation' });
  const moved: IntakeState = { ...merged, step };
  const replies = [];
  if (input.result.data?.fallback) replies.push({ text: t(l, 'extract.fallback_notice') });
  replies.push({
    text: understood
      ? t(l, 'intake.free_text_understood', { summary: understood })
      : t(l, 'intake.free_text_nothing'),
  });
  return stay(moved, [...replies, ...promptFor(moved, ctx)]);
}
