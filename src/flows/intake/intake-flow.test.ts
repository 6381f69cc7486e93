import { describe, expect, it } from 'vitest';
import type { FlowContext, FlowInput, Transition } from '../types.ts';
import { intakeFlow } from './intake-flow.ts';
import type { IntakeState } from './intake-state.ts';

const now = new Date('2026-11-29T10:00:00Z');
const ctx = (over: Partial<FlowContext['person']> = {}, locale: 'nl' | 'en' = 'nl'): FlowContext => ({
  now,
  zone: 'Europe/Amsterdam',
  locale,
  person: {
    id: 'p1',
    displayName: 'Fatima',
    locale,
    roles: ['PARTNER'],
    onboarded: true,
    organisations: [{ id: 'o1', name: 'Buurtcentrum De Leeuw' }],
    ...over,
  },
});
const text = (t: string): FlowInput => ({ kind: 'text', text: t });
const answer = (value: string): FlowInput => ({ kind: 'button', action: 'answer', value });

/** Feeds inputs one after another, returning every transition. */
function run(inputs: FlowInput[], c = ctx()): Transition<IntakeState>[] {
  const out: Transition<IntakeState>[] = [intakeFlow.start(c, '')];
  for (const input of inputs) {
    const state = out.at(-1)?.state;
    if (!state) throw new Error('flow ended early');
    out.push(intakeFlow.step(state, input, c));
  }
  return out;
}

const HAPPY: FlowInput[] = [
  answer('eenzaamheid'),
  text('Ouderen in de buurt zien elkaar weinig sinds het buurthuis dicht is.'),
  text('Ouderen uit Overvecht'),
  text('ongeveer 15'),
  answer('nl'),
  answer('onsite'),
  answer('overvecht'),
  text('Buurtcentrum De Leeuw, Gloriosa 1'),
  text('8-12-2026 19:30'),
  answer('enough'),
  answer('90'),
  answer('yes'),
  answer('none'),
  answer('Fatima'),
  text('fatima@example.org'),
];

describe('intake flow (pure transitions)', () => {
  it('walks every field to a summary and submits a complete draft on confirm', () => {
    const steps = run(HAPPY);
    const last = steps.at(-1);
    expect(last?.state?.step).toBe('summary');
    expect(last?.replies[0]?.text).toContain('Overvecht');
    expect(last?.replies[0]?.text).toContain('di 8 dec 2026 19:30');
    const confirm = intakeFlow.step(last?.state as IntakeState, { kind: 'button', action: 'confirm' }, ctx());
    expect(confirm.effects).toHaveLength(1);
    const effect = confirm.effects[0] as { type: string; draft: Record<string, unknown> };
    expect(effect.type).toBe('submitRequest');
    expect(effect.draft).toMatchObject({
      organisation: 'Buurtcentrum De Leeuw',
      theme: 'eenzaamheid',
      participants: 15,
      languages: ['nl'],
      online: false,
      wijk: 'overvecht',
      dates: ['2026-12-08T18:30:00.000Z'],
      durationMinutes: 90,
      coDesign: true,
      accessibility: null,
      contactName: 'Fatima',
      contactEmail: 'fatima@example.org',
    });
  });

  it('skips the organisation question for a partner with one organisation, asks otherwise', () => {
    expect(intakeFlow.start(ctx(), '').state?.step).toBe('theme');
    const two = ctx({
      organisations: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
    });
    expect(intakeFlow.start(two, '').state?.step).toBe('organisation');
  });

  it.each([
    ['participants', 'veel', 'getal'],
    ['participants', '0', 'minstens 2'],
    ['participants', '10000', 'te veel'],
    ['goal', '', 'geen antwoord'],
    ['goal', 'x'.repeat(5000), 'te lang'],
    ['wijk', 'Amsterdam-Noord', 'ken ik niet'],
    ['date', '1-1-2020 19:30', 'verleden'],
    ['date', 'ergens volgend jaar', 'begrijp ik niet'],
  ])('at %s, "%s" is refused with a clear message and nothing changes', (step, input, expected) => {
    const upTo: Record<string, number> = { goal: 1, participants: 3, wijk: 6, date: 8 };
    const steps = run(HAPPY.slice(0, upTo[step]));
    const state = steps.at(-1)?.state as IntakeState;
    expect(state.step).toBe(step);
    const r = intakeFlow.step(state, text(input), ctx());
    expect(r.state).toEqual(state);
    expect(r.replies[0]?.text.toLowerCase()).toContain(expected.toLowerCase());
  });

  it('goes back one step with the back button, and forgets the date being replaced', () => {
    const steps = run(HAPPY.slice(0, 9)); // at moreDates, one date given
    const atMore = steps.at(-1)?.state as IntakeState;
    expect(atMore.step).toBe('moreDates');
    const back = intakeFlow.step(atMore, { kind: 'button', action: 'back' }, ctx());
    expect(back.state?.step).toBe('date');
    expect(back.state?.draft.dates).toEqual([]);
  });

  it('changes one field from the summary and returns to the summary', () => {
    const summary = run(HAPPY).at(-1)?.state as IntakeState;
    const change = intakeFlow.step(
      summary,
      { kind: 'button', action: 'change', value: 'participants' },
      ctx(),
    );
    expect(change.state?.step).toBe('participants');
    const again = intakeFlow.step(change.state as IntakeState, text('25'), ctx());
    expect(again.state?.step).toBe('summary');
    expect(again.state?.draft.participants).toBe(25);
  });

  it('changing the place to online drops wijk and address', () => {
    const summary = run(HAPPY).at(-1)?.state as IntakeState;
    const change = intakeFlow.step(summary, { kind: 'button', action: 'change', value: 'location' }, ctx());
    const online = intakeFlow.step(change.state as IntakeState, answer('online'), ctx());
    expect(online.state?.step).toBe('summary');
    expect(online.state?.draft).toMatchObject({ online: true, wijk: undefined, address: undefined });
  });

  it('collects several date options and asks whether they are alternatives or a series', () => {
    const steps = run([...HAPPY.slice(0, 9), answer('add'), text('15-12-2026 14:00'), answer('enough')]);
    const state = steps.at(-1)?.state as IntakeState;
    expect(state.step).toBe('scheduleMode');
    const series = intakeFlow.step(state, answer('SERIES'), ctx());
    expect(series.state?.draft.scheduleMode).toBe('SERIES');
    expect(series.state?.draft.dates).toHaveLength(2);
  });

  it('offers resume or restart when /aanvragen is used again mid-way', () => {
    const mid = run(HAPPY.slice(0, 3)).at(-1)?.state as IntakeState;
    const ask = intakeFlow.step(mid, { kind: 'command', command: 'aanvragen', args: '' }, ctx());
    expect(ask.state?.step).toBe('resumeChoice');
    const resumed = intakeFlow.step(ask.state as IntakeState, answer('resume'), ctx());
    expect(resumed.state?.step).toBe(mid.step);
    expect(resumed.state?.draft).toEqual(mid.draft);
    const restarted = intakeFlow.step(ask.state as IntakeState, answer('restart'), ctx());
    expect(restarted.state?.draft).toEqual({ organisation: 'Buurtcentrum De Leeuw' });
  });

  it('cancelling at the summary ends the flow without effects', () => {
    const summary = run(HAPPY).at(-1)?.state as IntakeState;
    const ask = intakeFlow.step(summary, { kind: 'button', action: 'cancel' }, ctx());
    expect(ask.state).toEqual(summary);
    expect(ask.replies[0]?.text).toContain('Weet je zeker');
    const r = intakeFlow.step(summary, { kind: 'button', action: 'cancelConfirm' }, ctx());
    expect(r.state).toBeNull();
    expect(r.effects).toEqual([]);
  });

  it('speaks English to an English-speaking partner', () => {
    const r = intakeFlow.start(ctx({}, 'en'), '');
    expect(r.replies.map((x) => x.text).join(' ')).toContain('What is the theme');
  });
});
