import { HARVEST_QUESTIONS, type RawNotes } from '../../domain/harvest.ts';
import { type Locale, t } from '../../i18n/index.ts';
import { type FlowContext, type Reply, stay, type Transition } from '../types.ts';
import type { HarvestFlowState as State } from './harvest-state.ts';

type MediaKind = 'voice' | 'photo' | 'document';

/** Continues the interview after the transcript arrives (on the same question: as its answer). */
export interface MediaHooks {
  advance(state: State, ctx: FlowContext, prefix: Reply[]): Transition<State>;
  redraft(state: State, ctx: FlowContext, prefix: Reply[]): Transition<State>;
  question(state: State, ctx: FlowContext): Reply;
}

const MARK: Record<Locale, Record<MediaKind, string>> = {
  nl: { voice: '[spraakbericht]', photo: '[foto]', document: '[bestand]' },
  en: { voice: '[voice note]', photo: '[photo]', document: '[file]' },
};

/**
 * The notes with a file's text joined to the answer of the question it was sent at, marked as
 * coming from a voice note or photo (raw notes are private; scrubbing happens before any sharing).
 */
export function withMediaText(notes: RawNotes, index: number, text: string, locale: Locale): RawNotes {
  const a = notes.attachments[index];
  if (!a) return notes;
  const before = notes.answers[a.question]?.trim();
  const joined = `${before ? `${before}\n` : ''}${MARK[locale][a.kind]} ${text}`.slice(0, 4096);
  return {
    ...notes,
    answers: { ...notes.answers, [a.question]: joined },
    skipped: notes.skipped.filter((s) => s !== a.question),
    attachments: notes.attachments.map((x, i) => (i === index ? { ...x, status: 'read' as const } : x)),
  };
}

/** Marks a file as an attachment only (no LLM, or reading it failed). */
export function keptOnly(notes: RawNotes, index: number): RawNotes {
  return {
    ...notes,
    attachments: notes.attachments.map((x, i) => (i === index ? { ...x, status: 'kept' as const } : x)),
  };
}

/** A file sent during the interview: recorded in the notes, read after commit when an LLM is there. */
export function onMedia(
  state: State,
  input: { mediaKind: MediaKind; fileRef?: string },
  ctx: FlowContext,
  skip: Reply['buttons'],
): Transition<State> {
  const q = HARVEST_QUESTIONS[state.q] ?? 'topics';
  if (!input.fileRef) {
    // Without a stored file there is nothing to read: kept as before, and a coordinator is told.
    const attachments = [...state.notes.attachments, { kind: input.mediaKind, question: q }];
    const next = { ...state, notes: { ...state.notes, attachments } };
    const kind = t(ctx.locale, `harvest.kind.${input.mediaKind}`);
    return stay(
      next,
      [{ text: t(ctx.locale, 'harvest.media_kept', { kind }), buttons: skip }],
      [{ type: 'harvestSave', sessionId: state.sessionId, notes: next.notes, media: input.mediaKind }],
    );
  }
  const attachment = {
    kind: input.mediaKind,
    question: q,
    ref: input.fileRef,
    by: ctx.person.id,
    at: ctx.now.getTime(),
    status: 'pending' as const,
  };
  const notes = { ...state.notes, attachments: [...state.notes.attachments, attachment] };
  const index = notes.attachments.length - 1;
  return stay({ ...state, notes }, [], [{ type: 'harvestMedia', sessionId: state.sessionId, notes, index }]);
}

/** The outcome of `harvestMedia`: a progress message while it is read, else "kept". */
export function onMediaSaved(
  state: State,
  data: Record<string, unknown>,
  ctx: FlowContext,
  skip: Reply['buttons'],
): Transition<State> {
  const index = state.notes.attachments.length - 1;
  const a = state.notes.attachments[index];
  if (!a) return stay(state, []);
  if (data.reading === true) return stay(state, [{ text: t(ctx.locale, `harvest.reading.${a.kind}`) }]);
  const next = { ...state, notes: keptOnly(state.notes, index) };
  const kind = t(ctx.locale, `harvest.kind.${a.kind}`);
  return stay(
    next,
    [{ text: t(ctx.locale, 'harvest.media_kept', { kind }), buttons: skip }],
    [{ type: 'harvestSave', sessionId: state.sessionId, notes: next.notes, media: a.kind }],
  );
}

/** The text read from a file (or null when that failed), fed in after commit by the reading job. */
export function onMediaRead(
  state: State,
  data: Record<string, unknown>,
  ctx: FlowContext,
  hooks: MediaHooks,
): Transition<State> {
  const index = Number(data.index);
  const a = state.notes.attachments[index];
  if (data.sessionId !== state.sessionId || !a || a.status !== 'pending') return stay(state, []);
  const l = ctx.locale;
  const kind = t(l, `harvest.kind.${a.kind}`);
  const text = typeof data.text === 'string' ? data.text : null;
  if (!text) {
    const next = { ...state, notes: keptOnly(state.notes, index) };
    const replies: Reply[] = [{ text: t(l, 'harvest.read_failed', { kind }) }];
    if (next.step === 'ask') replies.push(hooks.question(next, ctx));
    return stay(next, replies, [{ type: 'harvestSave', sessionId: state.sessionId, notes: next.notes }]);
  }
  const next = { ...state, notes: withMediaText(state.notes, index, text, l) };
  const preview = text.length > 600 ? `${text.slice(0, 600)}…` : text;
  const heard: Reply = { text: t(l, 'harvest.heard', { kind, text: preview }) };
  const onQuestion = next.step === 'ask' && HARVEST_QUESTIONS[next.q] === a.question;
  if (onQuestion) return hooks.advance(next, ctx, [heard]);
  if (next.step === 'review' || next.step === 'drafting') return hooks.redraft(next, ctx, [heard]);
  const replies = next.step === 'ask' ? [heard, hooks.question(next, ctx)] : [heard];
  return stay(next, replies, [{ type: 'harvestSave', sessionId: state.sessionId, notes: next.notes }]);
}
