import { z } from 'zod';
import {
  buildHarvest,
  emptyNotes,
  HARVEST_QUESTIONS,
  type HarvestQuestion,
  type RawNotes,
  RawNotesSchema,
} from '../../domain/harvest.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { done, type FlowContext, type FlowDefinition, type Reply, stay, type Transition } from '../types.ts';
import { applyFlags, reviewBody } from './harvest-view.ts';

const HarvestState = z.object({
  step: z.enum(['loading', 'ask', 'review', 'approving']),
  sessionId: z.string().default(''),
  /** "Organisation, date" — what the facilitator recognises the dialogue by. */
  label: z.string().default(''),
  organisation: z.string().default(''),
  q: z
    .number()
    .int()
    .min(0)
    .max(HARVEST_QUESTIONS.length - 1)
    .default(0),
  notes: RawNotesSchema.default(emptyNotes),
  drop: z.array(z.number().int()).default([]),
  hide: z.array(z.number().int()).default([]),
});
type State = z.infer<typeof HarvestState>;

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
        const notes = { ...state.notes, answers: { ...state.notes.answers, [q]: input.text.trim() } };
        return advance({ ...state, notes: { ...notes, skipped: notes.skipped.filter((s) => s !== q) } }, ctx);
      }
      if (input.kind === 'button' && input.action === 'harvest.skip') {
        const skipped = [...new Set([...state.notes.skipped, q])];
        return advance({ ...state, notes: { ...state.notes, skipped } }, ctx);
      }
      if (input.kind === 'media') {
        const attachments = [...state.notes.attachments, { kind: input.mediaKind, question: q }];
        const next = { ...state, notes: { ...state.notes, attachments } };
        const kind = t(l, `harvest.kind.${input.mediaKind}`);
        return stay(
          next,
          [{ text: t(l, 'harvest.media_kept', { kind }), buttons: skipButton(ctx) }],
          [{ type: 'harvestSave', sessionId: state.sessionId, notes: next.notes, media: input.mediaKind }],
        );
      }
      return stay(state, harvestFlow.reprompt(state, ctx));
    }
    if (state.step === 'review') {
      if (input.kind === 'button' && input.action === 'harvest.approve') {
        const harvest = applyFlags(buildHarvest(state.notes), state);
        return stay(
          { ...state, step: 'approving' },
          [],
          [{ type: 'harvestApprove', sessionId: state.sessionId, harvest }],
        );
      }
      if (input.kind === 'text') {
        const m = /^\s*(weg|drop|intern|internal|niet delen|delen|share)\s+(\d{1,2})\s*$/i.exec(input.text);
        if (!m) return stay(state, [{ text: t(l, 'harvest.review_help') }]);
        const n = Number(m[2]);
        const verb = (m[1] ?? '').toLowerCase();
        const next =
          verb === 'weg' || verb === 'drop'
            ? { ...state, drop: [...new Set([...state.drop, n])] }
            : verb === 'delen' || verb === 'share'
              ? { ...state, drop: state.drop.filter((x) => x !== n), hide: state.hide.filter((x) => x !== n) }
              : { ...state, hide: [...new Set([...state.hide, n])] };
        return stay(next, review(next, ctx));
      }
    }
    return stay(state, harvestFlow.reprompt(state, ctx));
  },
  reprompt(state, ctx) {
    if (state.step === 'ask') return [question(state, ctx)];
    if (state.step === 'review') return review(state, ctx);
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
  if (!result.ok) return done([{ text: t(l, errorKey(result.error)) }]);
  if (name === 'harvestLoad' && state.step === 'loading') {
    const data = result.data ?? {};
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
    if (open === null) {
      const next = { ...loaded, step: 'review' as const };
      return stay(next, [hello, ...review(next, ctx)]);
    }
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
  return stay(state, []);
}

function advance(state: State, ctx: FlowContext): Transition<State> {
  const save = { type: 'harvestSave' as const, sessionId: state.sessionId, notes: state.notes };
  const open = firstOpen(state.notes, state.q + 1);
  if (open === null) {
    const next = { ...state, step: 'review' as const };
    return stay(next, review(next, ctx), [save]);
  }
  const next = { ...state, q: open };
  return stay(next, [question(next, ctx)], [save]);
}

/** The first question from `from` on that was neither answered nor skipped (null: all done). */
function firstOpen(notes: RawNotes, from = 0): number | null {
  for (let i = from; i < HARVEST_QUESTIONS.length; i++) {
    const q = HARVEST_QUESTIONS[i] as HarvestQuestion;
    if (notes.answers[q] === undefined && !notes.skipped.includes(q)) return i;
  }
  return null;
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
  const body = reviewBody(buildHarvest(state.notes), state, l);
  return [
    {
      text: t(l, 'harvest.review', { organisation: state.organisation, body }),
      buttons: [[{ label: t(l, 'harvest.approve'), action: 'harvest.approve' }]],
    },
  ];
}

function errorKey(error: string): MessageKey {
  if (error === 'not_yours') return 'harvest.not_yours';
  if (error === 'already') return 'harvest.already';
  if (error === 'none') return 'harvest.none';
  return 'error.internal';
}
