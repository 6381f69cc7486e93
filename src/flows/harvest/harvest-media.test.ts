import { describe, expect, it } from 'vitest';
import { volunteerContext } from '../../../test/support/flow-context.ts';
import type { FlowInput, Transition } from '../types.ts';
import { harvestFlow } from './harvest-flow.ts';
import type { HarvestFlowState as State } from './harvest-state.ts';

const ctx = volunteerContext();
const effect = (name: string, data: Record<string, unknown>): FlowInput => ({
  kind: 'effect',
  name,
  result: { ok: true, data },
});
const loaded = (notes: unknown = {}) =>
  effect('harvestLoad', { sessionId: 's1', label: 'Testhuis', organisation: 'Testhuis', notes });
const voice: FlowInput = { kind: 'media', mediaKind: 'voice', fileRef: 'tg:v1' };
const text = (tr: Transition<State>) => tr.replies.map((r) => r.text).join('\n');

function run(inputs: FlowInput[], at = ctx): Transition<State>[] {
  const out: Transition<State>[] = [harvestFlow.start(at, '')];
  for (const input of inputs) out.push(harvestFlow.step(out.at(-1)?.state as State, input, at));
  return out;
}

describe('harvest interview: voice notes and photos read after commit', () => {
  it('records the file as pending and shows progress while it is read', () => {
    const [, , sent, saved] = run([loaded(), voice, effect('harvestMedia', { reading: true })]);
    expect(sent?.effects[0]).toMatchObject({ type: 'harvestMedia', sessionId: 's1', index: 0 });
    expect(sent?.state?.notes.attachments[0]).toMatchObject({
      kind: 'voice',
      question: 'participants',
      ref: 'tg:v1',
      by: 'v1',
      status: 'pending',
    });
    expect(text(saved as Transition<State>)).toContain('Ik luister naar je spraakbericht');
    expect(saved?.state?.q).toBe(0);
  });

  it('without an LLM the file is kept and a coordinator is told (through harvestSave)', () => {
    const steps = run([loaded(), voice, effect('harvestMedia', { reading: false })]);
    const last = steps.at(-1) as Transition<State>;
    expect(text(last)).toContain('bij de oogst bewaard');
    expect(last.effects[0]).toMatchObject({ type: 'harvestSave', media: 'voice' });
    expect(last.state?.notes.attachments[0]?.status).toBe('kept');
  });

  it('the transcript answers the question it was sent at and the interview moves on; a repeat is ignored', () => {
    const read = effect('harvestMediaRead', { sessionId: 's1', index: 0, text: 'We waren met twaalf' });
    const steps = run([loaded(), voice, effect('harvestMedia', { reading: true }), read, read]);
    const answered = steps.at(-2) as Transition<State>;
    expect(text(answered)).toContain('Uit je spraakbericht heb ik dit bij je antwoord gezet');
    expect(text(answered)).toContain('2/9');
    expect(answered.state?.notes.answers.participants).toBe('[spraakbericht] We waren met twaalf');
    expect(answered.effects[0]).toMatchObject({ type: 'harvestSave' });
    expect(steps.at(-1)?.replies).toEqual([]);
    expect(steps.at(-1)?.effects).toEqual([]);
  });

  it('a failed read is polite, keeps the file, and asks the same question again', () => {
    const failed = effect('harvestMediaRead', { sessionId: 's1', index: 0, text: null });
    const last = run([loaded(), voice, effect('harvestMedia', { reading: true }), failed]).at(-1);
    expect(text(last as Transition<State>)).toContain('het lukte me niet om je spraakbericht uit te werken');
    expect(text(last as Transition<State>)).toContain('1/9');
    expect(last?.state?.notes.attachments[0]?.status).toBe('kept');
    expect(last?.state?.notes.answers.participants).toBeUndefined();
  });

  it('a transcript arriving at the review sends the harvest back to drafting', () => {
    const all = {
      answers: { participants: '5', topics: 'wonen' },
      skipped: ['touched', 'quotes', 'ideas', 'signals', 'partner', 'names', 'reflection'],
      attachments: [{ kind: 'photo', question: 'ideas', ref: 'tg:p1', by: 'v1', at: 1, status: 'pending' }],
    };
    const steps = run([
      loaded(all),
      effect('harvestDraft', { queued: false }),
      effect('harvestMediaRead', { sessionId: 's1', index: 0, text: 'Koffieochtend' }),
    ]);
    expect(steps[2]?.state?.step).toBe('review');
    const last = steps.at(-1) as Transition<State>;
    expect(last.state?.step).toBe('drafting');
    expect(last.state?.notes.answers.ideas).toBe('[foto] Koffieochtend');
    expect(last.state?.notes.skipped).not.toContain('ideas');
    expect(last.effects.map((e) => e.type)).toEqual(['harvestSave', 'harvestDraft']);
  });

  it('while drafting it says so, and asks again for a draft that seems lost', () => {
    const all = {
      answers: { participants: '5' },
      skipped: ['topics', 'touched', 'quotes', 'ideas', 'signals', 'partner', 'names', 'reflection'],
    };
    const steps = run([loaded(all), effect('harvestDraft', { queued: true })]);
    const drafting = steps.at(-1)?.state as State;
    const soon = harvestFlow.step(drafting, { kind: 'text', text: 'en?' }, ctx);
    expect(text(soon)).toContain('Ik zet de oogst');
    expect(soon.effects).toEqual([]);
    const later = { ...ctx, now: new Date(ctx.now.getTime() + 5 * 60_000) };
    expect(harvestFlow.step(drafting, { kind: 'text', text: 'en?' }, later).effects).toEqual([
      { type: 'harvestDraft', sessionId: 's1' },
    ]);
  });
});
