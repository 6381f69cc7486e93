import { describe, expect, it } from 'vitest';
import { decide } from '../engine.ts';
import type { FlowContext } from '../types.ts';
import { intakeFlow } from './intake-flow.ts';
import { type IntakeFormValues, validateIntakeForm } from './intake-form.ts';
import type { IntakeState } from './intake-state.ts';

const now = new Date('2026-11-29T10:00:00Z');
const ctx = (
  roles: FlowContext['person']['roles'] = ['PARTNER'],
  locale: 'nl' | 'en' = 'nl',
): FlowContext => ({
  now,
  zone: 'Europe/Amsterdam',
  locale,
  person: {
    id: 'p1',
    displayName: 'Fatima',
    locale,
    roles,
    onboarded: true,
    organisations: [{ id: 'o1', name: 'Buurtcentrum De Leeuw' }],
  },
});

const VALID: IntakeFormValues = {
  organisation: 'Buurtcentrum De Leeuw',
  theme: 'eenzaamheid',
  goal: 'Ouderen in de buurt zien elkaar weinig sinds het buurthuis dicht is.',
  targetGroup: 'Ouderen uit Overvecht',
  participants: 'ongeveer 15',
  languages: 'Nederlands',
  locationType: 'onsite',
  wijk: 'overvecht',
  address: 'Gloriosa 1',
  dates: '8-12-2026 19:30',
  duration: '90',
  coDesign: 'yes',
  contactName: 'Fatima',
  contactReach: 'fatima@example.org',
};

describe("the request form (pure validation with the chat's own answer parsers)", () => {
  it('turns a complete form into the same draft the chat would build', () => {
    const r = validateIntakeForm(VALID, ctx());
    expect(r).toEqual({
      ok: true,
      draft: {
        organisation: 'Buurtcentrum De Leeuw',
        theme: 'eenzaamheid',
        goal: 'Ouderen in de buurt zien elkaar weinig sinds het buurthuis dicht is.',
        targetGroup: 'Ouderen uit Overvecht',
        participants: 15,
        languages: ['nl'],
        online: false,
        wijk: 'overvecht',
        address: 'Gloriosa 1',
        dates: ['2026-12-08T18:30:00.000Z'],
        scheduleMode: 'ALTERNATIVES',
        durationMinutes: 90,
        coDesign: true,
        accessibility: null,
        contactName: 'Fatima',
        contactEmail: 'fatima@example.org',
        contactPhone: null,
      },
    });
  });

  it.each<[string, IntakeFormValues, string, string]>([
    ['participants', { participants: 'veel' }, 'participants', 'getal'],
    ['a past date', { dates: '1-1-2020 19:30' }, 'dates', 'verleden'],
    ['an unknown wijk', { wijk: 'Amsterdam-Noord' }, 'wijk', 'ken ik niet'],
    ['a missing goal', { goal: '' }, 'goal', 'nodig'],
    ['no contact', { contactReach: 'bel me' }, 'contactReach', ''],
    [
      'too many dates',
      { dates: Array.from({ length: 6 }, (_, i) => `${i + 1}-12-2026 19:30`).join('\n') },
      'dates',
      'maximum',
    ],
  ])('refuses %s with a message on that field only', (_name, over, field, expected) => {
    const r = validateIntakeForm({ ...VALID, ...over }, ctx());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors)).toEqual([field]);
    expect(r.errors[field as keyof typeof r.errors]?.toLowerCase()).toContain(expected);
  });

  it('online: no wijk or address needed, and they are dropped', () => {
    const r = validateIntakeForm({ ...VALID, locationType: 'online', wijk: '', address: '' }, ctx());
    expect(r.ok && r.draft).toMatchObject({ online: true, wijk: undefined, address: undefined });
  });

  it('several dates as a series, in any order of lines', () => {
    const r = validateIntakeForm(
      { ...VALID, dates: '8-12-2026 19:30\n15-12-2026 19:30', scheduleMode: 'SERIES' },
      ctx(),
    );
    expect(r.ok && r.draft).toMatchObject({
      scheduleMode: 'SERIES',
      dates: ['2026-12-08T18:30:00.000Z', '2026-12-15T18:30:00.000Z'],
    });
  });

  it('speaks English to an English form', () => {
    const r = validateIntakeForm({ ...VALID, participants: 'lots' }, ctx(['PARTNER'], 'en'));
    expect(!r.ok && r.errors.participants).toMatch(/number/i);
  });
});

describe('a filled-in form entering the conversation', () => {
  const input = (values: IntakeFormValues) => ({
    kind: 'form' as const,
    form: 'intake' as const,
    values: values as Record<string, string>,
  });

  it('starts the intake at the summary, to be confirmed in chat', () => {
    const d = decide(null, input(VALID), ctx());
    expect(d.active?.flow).toBe('intake');
    expect((d.active?.state as IntakeState | undefined)?.step).toBe('summary');
    expect(d.replies.at(-1)?.text).toContain('Overvecht');
    expect(d.effects).toEqual([]);
  });

  it('replaces an intake in progress', () => {
    const mid = intakeFlow.start(ctx(), '').state as IntakeState;
    const d = decide({ flow: 'intake', state: mid }, input(VALID), ctx());
    expect((d.active?.state as IntakeState | undefined)?.step).toBe('summary');
  });

  it('errors found again by the core are listed, and the current question is asked again', () => {
    const d = decide(null, input({ ...VALID, participants: 'veel' }), ctx());
    expect(d.replies[0]?.text).toContain('Aantal deelnemers');
    expect((d.active?.state as IntakeState | undefined)?.step).toBe('theme');
  });

  it('is refused to a volunteer', () => {
    const d = decide(null, input(VALID), ctx(['VOLUNTEER']));
    expect(d.active).toBeNull();
    expect(d.replies[0]?.text).toContain('Dat kan alleen als partner');
  });
});
