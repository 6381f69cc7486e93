import { describe, expect, it } from 'vitest';
import { volunteerContext } from '../../../test/support/flow-context.ts';
import { buildHarvest, StructuredHarvestSchema } from '../../domain/harvest.ts';
import type { FlowInput, Transition } from '../types.ts';
import { harvestFlow } from './harvest-flow.ts';

type State = NonNullable<ReturnType<typeof harvestFlow.start>['state']>;

const ctx = volunteerContext();
const text = (t: string): FlowInput => ({ kind: 'text', text: t });
const skip: FlowInput = { kind: 'button', action: 'harvest.skip' };
const loaded = (notes: unknown = {}): FlowInput => ({
  kind: 'effect',
  name: 'harvestLoad',
  result: { ok: true, data: { sessionId: 's1', label: 'Testhuis, 10 nov', organisation: 'Testhuis', notes } },
});

function run(inputs: FlowInput[]): Transition<State>[] {
  const out: Transition<State>[] = [harvestFlow.start(ctx, '')];
  for (const input of inputs) {
    const state = out.at(-1)?.state;
    if (!state) throw new Error('flow ended early');
    out.push(harvestFlow.step(state, input, ctx));
  }
  return out;
}
const lastText = (tr: Transition<State> | undefined) => tr?.replies.map((r) => r.text).join('\n') ?? '';

const ANSWERS: FlowInput[] = [
  text('12'),
  text('eenzaamheid, de bibliotheek'),
  text('Ik sprak met Anouk over haar buurman; iedereen luisterde.'),
  text('"Hier ben ik niet alleen"'),
  text('- koffieochtend op dinsdag'),
  skip,
  text('Bel mevrouw Jansen op 06-12345678 voor de sleutel'),
  text('Anouk'),
  text('Ik vond het spannend om te beginnen.'),
  // Without an LLM the draft is not queued: the review follows at once, built by rule.
  { kind: 'effect', name: 'harvestDraft', result: { ok: true, data: { queued: false } } },
];

describe('harvest interview', () => {
  it('starts by loading the session, then asks one question at a time with a skip button', () => {
    const [start, first] = run([loaded()]);
    expect(start?.effects).toEqual([{ type: 'harvestLoad', args: '' }]);
    expect(lastText(first)).toContain('1/9 Hoeveel mensen');
    expect(first?.replies.at(-1)?.buttons?.[0]?.[0]?.label).toBe('Overslaan');
  });

  it('saves every answer at once and ends in a review that leaves out names, numbers and the reflection', () => {
    const steps = run([loaded(), ...ANSWERS]);
    for (const tr of steps.slice(2, -1)) expect(tr.effects[0]?.type).toBe('harvestSave');
    expect(steps.at(-2)?.effects.at(-1)).toEqual({ type: 'harvestDraft', sessionId: 's1' });
    const review = lastText(steps.at(-1));
    expect(steps.at(-1)?.state?.step).toBe('review');
    expect(review).toContain('Deelnemers: 12');
    expect(review).toContain('“Hier ben ik niet alleen”');
    expect(review).toContain('[telefoon]');
    for (const secret of ['Anouk', 'Jansen', '06-12345678', 'spannend']) expect(review).not.toContain(secret);
    expect(steps.at(-1)?.state?.notes.skipped).toEqual(['signals']);
    expect(steps.at(-1)?.state?.notes.answers.reflection).toBe('Ik vond het spannend om te beginnen.');
  });

  it('resumes at the first open question (after /stop the answers come back from the database)', () => {
    const [, resumed] = run([
      loaded({ answers: { participants: '8', topics: 'wonen' }, skipped: ['touched'] }),
    ]);
    expect(lastText(resumed)).toContain('We gaan verder');
    expect(lastText(resumed)).toContain('4/9');
  });

  it('keeps a voice note as an attachment and stays on the question', () => {
    const steps = run([loaded(), { kind: 'media', mediaKind: 'voice' }]);
    const tr = steps.at(-1);
    expect(lastText(tr)).toContain('spraakbericht');
    expect(tr?.state?.q).toBe(0);
    expect(tr?.effects[0]).toMatchObject({ type: 'harvestSave', media: 'voice' });
    expect(tr?.state?.notes.attachments).toEqual([{ kind: 'voice', question: 'participants' }]);
  });

  it('drops items and keeps others internal before approval; approval carries a valid structured harvest', () => {
    const steps = run([
      loaded(),
      ...ANSWERS,
      text('weg 4'),
      text('intern 3'),
      text('iets anders'),
      { kind: 'button', action: 'harvest.approve' },
    ]);
    expect(lastText(steps.at(-4))).toContain('(geschrapt)');
    expect(lastText(steps.at(-3))).toContain('(intern)');
    expect(lastText(steps.at(-2))).toContain('begreep ik niet');
    const approve = steps.at(-1)?.effects[0];
    expect(approve?.type).toBe('harvestApprove');
    const harvest = StructuredHarvestSchema.parse(
      approve?.type === 'harvestApprove' ? approve.harvest : null,
    );
    expect(harvest.items.map((i) => [i.section, i.share])).toEqual([
      ['insight', true],
      ['insight', true],
      ['quote', false],
      ['partner', true],
    ]);
    const done = harvestFlow.step(
      steps.at(-1)?.state as State,
      { kind: 'effect', name: 'harvestApprove', result: { ok: true, data: { shared: true } } },
      ctx,
    );
    expect(done.state).toBeNull();
    expect(lastText(done)).toContain('gedeeld met Testhuis');
  });

  it('reads the participant count from words and says what it noted', () => {
    const steps = run([loaded(), text('ongeveer twaalf'), ...ANSWERS.slice(1)]);
    expect(lastText(steps[2])).toContain('Deelnemers: 12');
    expect(lastText(steps[2])).toContain('2/9');
    expect(lastText(steps.at(-1))).toContain('Deelnemers: 12');
  });

  it.each([
    ['weet ik niet precies', 'geen aantal'],
    ['een heleboel', 'geen aantal'],
    ['2026', 'Meer dan 1000'],
  ])('asks again, with the skip button, when the count "%s" has no usable number', (answer, expected) => {
    const [, first, again] = run([loaded(), text(answer)]);
    expect(again?.state).toEqual(first?.state);
    expect(again?.effects).toEqual([]);
    expect(lastText(again)).toContain(expected);
    expect(again?.replies.at(-1)?.buttons?.[0]?.[0]?.label).toBe('Overslaan');
    const skipped = harvestFlow.step(again?.state as State, skip, ctx);
    expect(lastText(skipped)).toContain('2/9');
    expect(skipped.state?.notes.skipped).toEqual(['participants']);
  });

  it('asks again in English too', () => {
    const en = { ...ctx, locale: 'en' as const };
    const start = harvestFlow.start(en, '');
    const asked = harvestFlow.step(start.state as State, loaded(), en);
    const again = harvestFlow.step(asked.state as State, text('no idea'), en);
    expect(lastText(again)).toContain('could not find a number');
    const ok = harvestFlow.step(again.state as State, text('about a dozen'), en);
    expect(lastText(ok)).toContain('Participants: 12');
  });

  it('at review, an item number that does not exist is named with the range, and the buttons come back', () => {
    const steps = run([loaded(), ...ANSWERS]);
    const review = steps.at(-1)?.state as State;
    const items = buildHarvest(review.notes).items.length;
    const none = harvestFlow.step(review, text('weg 99'), ctx);
    expect(none.state).toEqual(review);
    expect(lastText(none)).toContain('geen onderdeel 99');
    expect(lastText(none)).toContain(`onderdelen 1 tot en met ${items}`);
    expect(
      none.replies
        .at(-1)
        ?.buttons?.flat()
        .map((b) => b.action),
    ).toContain('harvest.approve');
    expect(lastText(harvestFlow.step(review, text('drop 0'), ctx))).toContain('geen onderdeel 0');
    const unclear = harvestFlow.step(review, text('iets anders'), ctx);
    expect(lastText(unclear)).toContain('begreep ik niet');
    expect(
      unclear.replies
        .at(-1)
        ?.buttons?.flat()
        .map((b) => b.action),
    ).toContain('harvest.approve');
  });

  it('ends politely when the person is not a facilitator of the session or there is nothing to harvest', () => {
    const [start] = run([]);
    const no = harvestFlow.step(
      start?.state as State,
      { kind: 'effect', name: 'harvestLoad', result: { ok: false, error: 'none' } },
      ctx,
    );
    expect(no.state).toBeNull();
    expect(lastText(no)).toContain('geen afgelopen dialoog');
    const steps = run([loaded(), text('12')]);
    const foreign = harvestFlow.step(
      steps.at(-1)?.state as State,
      { kind: 'effect', name: 'harvestSave', result: { ok: false, error: 'not_yours' } },
      ctx,
    );
    expect(lastText(foreign)).toContain('Alleen de begeleiders');
  });
});
