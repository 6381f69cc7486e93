import { describe, expect, it } from 'vitest';
import type { FlowContext, FlowInput } from '../types.ts';
import { intakeFlow } from './intake-flow.ts';
import type { IntakeState } from './intake-state.ts';

const ctx = (locale: 'nl' | 'en'): FlowContext => ({
  now: new Date('2026-11-29T10:00:00Z'),
  zone: 'Europe/Amsterdam',
  locale,
  person: { id: 'p1', displayName: 'Fatima', locale, roles: ['PARTNER'], onboarded: true, organisations: [] },
});
const loaded = (contact: unknown): FlowInput => ({
  kind: 'effect',
  name: 'lastContact',
  result: { ok: true, data: { contact } },
});
const PREVIOUS = { name: 'Fatima', email: 'fatima@example.org', phone: '0612345678' };
const atContact = (over: Partial<IntakeState> = {}): IntakeState => ({
  step: 'contactName',
  draft: {},
  history: ['accessibility'],
  editing: null,
  ...over,
});
const labels = (s: IntakeState | null, c: FlowContext) =>
  (intakeFlow.reprompt(s as IntakeState, c).at(-1)?.buttons ?? []).flat().map((b) => b.label);

describe('intake: same contact as last time', () => {
  it('loads the previous contact once, at the start, through an effect; a bad result changes nothing', () => {
    const started = intakeFlow.start(ctx('nl'), '');
    expect(started.effects).toEqual([{ type: 'lastContact' }]);
    const s = started.state as IntakeState;
    expect(intakeFlow.step(s, loaded(PREVIOUS), ctx('nl'))).toMatchObject({
      state: { previousContact: PREVIOUS },
      replies: [],
    });
    expect(intakeFlow.step(s, loaded({ name: '' }), ctx('nl')).state?.previousContact).toBeUndefined();
    expect(intakeFlow.step(s, loaded(null), ctx('nl')).state?.previousContact).toBeUndefined();
  });

  it('offers the button in nl and en, fills name, e-mail and phone, and skips the reach question', () => {
    const state = atContact({ previousContact: PREVIOUS });
    expect(labels(state, ctx('nl'))).toContain(
      'Zelfde als vorige keer: Fatima, fatima@example.org, 0612345678',
    );
    expect(labels(state, ctx('en'))).toContain('Same as last time: Fatima, fatima@example.org, 0612345678');
    const next = intakeFlow.step(state, { kind: 'button', action: 'sameContact' }, ctx('en'));
    expect(next.state).toMatchObject({
      step: 'summary',
      draft: { contactName: 'Fatima', contactEmail: 'fatima@example.org', contactPhone: '0612345678' },
    });
  });

  it('typing stays possible, and without a previous request there is no such button', () => {
    const typed = intakeFlow.step(
      atContact({ previousContact: PREVIOUS }),
      { kind: 'text', text: 'Ahmed' },
      ctx('nl'),
    );
    expect(typed.state).toMatchObject({ step: 'contactReach', draft: { contactName: 'Ahmed' } });
    expect(labels(atContact(), ctx('nl')).some((l) => l.startsWith('Zelfde'))).toBe(false);
    // A stale "same" button without a loaded contact is not taken as an answer.
    const stale = intakeFlow.step(atContact(), { kind: 'button', action: 'sameContact' }, ctx('nl'));
    expect(stale.state?.step).toBe('contactName');
  });
});
