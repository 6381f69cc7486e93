import {
  buildHarvest,
  emptyNotes,
  HARVEST_QUESTIONS,
  type HarvestQuestion,
  type RawNotes,
  RawNotesSchema,
  StructuredHarvestSchema,
} from '../../domain/harvest.ts';
import { HEADCOUNT_MAX, parseHeadcount } from '../../domain/headcount.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { done, type FlowContext, type FlowDefinition, type Reply, stay, type Transition } from '../types.ts';
import { type MediaHooks, onMedia, onMediaRead, onMediaSaved } from './harvest-media.ts';
import { HarvestState, type HarvestFlowState as State } from './harvest-state.ts';
import { applyFlags, reviewBody } from './harvest-view.ts';

/** A draft asked for longer ago than this is presumed lost: the next message asks again. */
const DRAFT_RETRY_MS = 60_000;

/**
 * The harvest interview: one appreciative question at a time (each skippable), then a review where
 * the facilitator drops items or keeps them internal, then approval. Every answer is saved at once,
 * so /stop pauses and /oogst resumes; nothing leaves the organisation before approval.
 */
export const harvestFlow: FlowDefinition<State> = {
  name: 'harvest',
  version: 1,
  schema: HarvestState,
  command: '/oogst',
  start(_ctx, args) {
    return stay(HarvestState.parse({ step: 'loading' }), [], [{ type: 'harvestLoad', args }]);
  },
  step(state, input, ctx) {
    const l = ctx.locale;
    if (input.kind === 'effect') return onEffect(state, input.name, input.result, ctx);
    if (state.step === 'ask') {
      const q = HARVEST_QUESTIONS[state.q] as HarvestQuestion;
      if (input.kind === 'text') {
        const counted = q === 'participants' ? readCount(input.text, ctx) : { prefix: [] };
        if ('refuse' in counted) return stay(state, [counted.refuse]);
        const notes = { ...state.notes, answers: { ...state.notes.answers, [q]: input.text.trim() } };
        const answered = { ...state, notes: { ...notes, skipped: notes.skipped.filter((s) => s !== q) } };
        return advance(answered, ctx, counted.prefix);
      }
      if (input.kind === 'button' && input.action === 'harvest.skip') {
        const skipped = [...new Set([...state.notes.skipped, q])];
        return advance({ ...state, notes: { ...state.notes, skipped } }, ctx);
      }
      if (input.kind === 'media') return onMedia(state, input, ctx, skipButton(ctx));
      return stay(state, harvestFlow.reprompt(state, ctx));
    }
    if (state.step === 'drafting') {
      // Still being put together; a draft that seems lost is asked for again.
      if (ctx.now.getTime() - state.draftingSince > DRAFT_RETRY_MS) return toDrafting(state, ctx, []);
      return stay(state, [{ text: t(l, 'harvest.drafting') }]);
    }
    if (state.step === 'review') {
      if (input.kind === 'button' && input.action === 'harvest.approve') {
        const harvest = applyFlags(draftOf(state), state);
        return stay(
          { ...state, step: 'approving' },
          [],
          [{ type: 'harvestApprove', sessionId: state.sessionId, harvest }],
        );
      }
      if (input.kind === 'text') return onReviewText(state, input.text, ctx);
    }
    return stay(state, harvestFlow.reprompt(state, ctx));
  },
  reprompt(state, ctx) {
    if (state.step === 'ask') return [question(state, ctx)];
    if (state.step === 'review') return review(state, ctx);
    if (state.step === 'drafting') return [{ text: t(ctx.locale, 'harvest.drafting') }];
    return [];
  },
};

function onEffect(
  state: State,
  name: string,
  result: { ok: true; data?: Record<string, unknown> } | { ok: false; error: string },
  ctx: FlowContext,
): Transition<State> {
  const l = ctx.locale;
  if (!result.ok) return done([{ text: t(l, errorKey(result.error), { label: state.label }) }]);
  if (name === 'harvestLoad' && state.step === 'loading') {
    const data = result.data ?? {};
    if (data.approved) return done([{ text: t(l, 'harvest.already', { label: String(data.label ?? '') }) }]);
    const notes = RawNotesSchema.safeParse(data.notes ?? {});
    const loaded: State = {
      ...state,
      sessionId: String(data.sessionId ?? ''),
      label: String(data.label ?? ''),
      organisation: String(data.organisation ?? ''),
      notes: notes.success ? notes.data : emptyNotes(),
    };
    const open = firstOpen(loaded.notes);
    const resumed = Object.keys(loaded.notes.answers).length + loaded.notes.skipped.length > 0;
    const hello = { text: t(l, resumed ? 'harvest.resume' : 'harvest.intro', { label: loaded.label }) };
    if (open === null) return toDrafting(loaded, ctx, [hello]);
    const next = { ...loaded, step: 'ask' as const, q: open };
    return stay(next, [hello, question(next, ctx)]);
  }
  if (name === 'harvestApprove' && state.step === 'approving') {
    const shared = result.data?.shared === true;
    return done([
      {
        text: shared
          ? t(l, 'harvest.approved', { organisation: state.organisation })
          : t(l, 'harvest.approved_no_partner'),
      },
    ]);
  }
  if (name === 'harvestMedia' && state.step !== 'loading')
    return onMediaSaved(state, data(result), ctx, skipButton(ctx));
  if (name === 'harvestMediaRead') return onMediaRead(state, data(result), ctx, hooks);
  if (name === 'harvestDraft' && state.step === 'drafting') {
    if (result.data?.queued === true) return stay(state, [{ text: t(l, 'harvest.drafting') }]);
    const next = { ...state, step: 'review' as const, proposed: null };
    return stay(next, review(next, ctx));
  }
  if (name === 'harvestDrafted' && state.step === 'drafting' && result.data?.sessionId === state.sessionId) {
    const proposed = StructuredHarvestSchema.safeParse(result.data?.harvest);
    const next = { ...state, step: 'review' as const, proposed: proposed.success ? proposed.data : null };
    const notice =
      result.data?.fallback || !proposed.success ? [{ text: t(l, 'harvest.draft_fallback') }] : [];
    return stay(next, [...notice, ...review(next, ctx)]);
  }
  return stay(state, []);
}

const data = (result: { ok: boolean; data?: Record<string, unknown> }) => result.data ?? {};

function advance(state: State, ctx: FlowContext, prefix: Reply[] = []): Transition<State> {
  const save = { type: 'harvestSave' as const, sessionId: state.sessionId, notes: state.notes };
  const open = firstOpen(state.notes, state.q + 1);
  if (open === null) {
    const drafting = toDrafting(state, ctx, prefix);
    return { ...drafting, effects: [save, ...drafting.effects] };
  }
  const next = { ...state, q: open };
  return stay(next, [...prefix, question(next, ctx)], [save]);
}

/**
 * All questions done: the draft is built (by the LLM after commit when there is one; the answer to
 * `harvestDraft` says which), then reviewed. The review flags refer to item numbers, so they reset.
 */
function toDrafting(state: State, ctx: FlowContext, prefix: Reply[]): Transition<State> {
  const next: State = {
    ...state,
    step: 'drafting',
    proposed: null,
    drop: [],
    hide: [],
    draftingSince: ctx.now.getTime(),
  };
  return stay(next, prefix, [{ type: 'harvestDraft', sessionId: state.sessionId }]);
}

const hooks: MediaHooks = {
  advance,
  question,
  redraft: (state, ctx, prefix) => {
    const drafting = toDrafting(state, ctx, prefix);
    const save = { type: 'harvestSave' as const, sessionId: state.sessionId, notes: state.notes };
    return { ...drafting, effects: [save, ...drafting.effects] };
  },
};

/** What the facilitator reviews: the LLM's proposal when there is one, else the rule-based harvest. */
const draftOf = (state: State) => state.proposed ?? buildHarvest(state.notes);

/** The first question from `from` on that was neither answered nor skipped (null: all done). */
function firstOpen(notes: RawNotes, from = 0): number | null {
  for (let i = from; i < HARVEST_QUESTIONS.length; i++) {
    const q = HARVEST_QUESTIONS[i] as HarvestQuestion;
    if (notes.answers[q] === undefined && !notes.skipped.includes(q)) return i;
  }
  return null;
}

/**
 * The participant count must be a number the harvest can hold (dashboards and exports add them up):
 * say what was read, or ask again with the skip button rather than keep an answer that counts as nothing.
 */
function readCount(text: string, ctx: FlowContext): { prefix: Reply[] } | { refuse: Reply } {
  const l = ctx.locale;
  const r = parseHeadcount(text);
  if (r.ok) return { prefix: [{ text: t(l, 'harvest.participants_noted', { count: r.value }) }] };
  const key = r.error === 'too_many' ? 'harvest.participants_too_many' : 'harvest.participants_unclear';
  return { refuse: { text: t(l, key, { max: HEADCOUNT_MAX }), buttons: skipButton(ctx) } };
}

const skipButton = (ctx: FlowContext) => [[{ label: t(ctx.locale, 'harvest.skip'), action: 'harvest.skip' }]];

function question(state: State, ctx: FlowContext): Reply {
  const q = HARVEST_QUESTIONS[state.q] as HarvestQuestion;
  return {
    text: t(ctx.locale, `harvest.q.${q}` as MessageKey, { organisation: state.organisation }),
    buttons: skipButton(ctx),
  };
}

function review(state: State, ctx: FlowContext): Reply[] {
  const l = ctx.locale;
  const body = reviewBody(draftOf(state), state, l);
  return [
    {
      text: t(l, 'harvest.review', { organisation: state.organisation, body }),
      buttons: reviewButtons(ctx),
    },
  ];
}

const reviewButtons = (ctx: FlowContext) => [
  [{ label: t(ctx.locale, 'harvest.approve'), action: 'harvest.approve' }],
];

/** "weg 3" / "intern 3" / "delen 3" on the review; anything else is answered with the buttons again. */
function onReviewText(state: State, text: string, ctx: FlowContext): Transition<State> {
  const l = ctx.locale;
  const m = /^\s*(weg|drop|intern|internal|niet delen|delen|share)\s+(\d{1,3})\s*$/i.exec(text);
  if (!m) return stay(state, [{ text: t(l, 'harvest.review_help'), buttons: reviewButtons(ctx) }]);
  const n = Number(m[2]);
  const last = draftOf(state).items.length;
  if (n < 1 || n > last) {
    const key =
      last === 0 ? 'harvest.no_item.none' : last === 1 ? 'harvest.no_item.one' : 'harvest.no_item.many';
    return stay(state, [{ text: t(l, key, { n, last }), buttons: reviewButtons(ctx) }]);
  }
  const verb = (m[1] ?? '').toLowerCase();
  const next =
    verb === 'weg' || verb === 'drop'
      ? { ...state, drop: [...new Set([...state.drop, n])] }
      : verb === 'delen' || verb === 'share'
        ? { ...state, drop: state.drop.filter((x) => x !== n), hide: state.hide.filter((x) => x !== n) }
        : { ...state, hide: [...new Set([...state.hide, n])] };
  return stay(next, review(next, ctx));
}

function errorKey(error: string): MessageKey {
  if (error === 'not_yours') return 'harvest.not_yours';
  if (error === 'already') return 'harvest.already';
  if (error === 'none') return 'harvest.none';
  if (error === 'changed') return 'harvest.changed_by_other';
  return 'error.internal';
}
