import { describe, expect, it } from 'vitest';
import { AvailabilitySchema } from '../../domain/matching/availability.ts';
import { parseLocalDate, parseMaxPerMonth, parseThemeList, parseWijkList } from './profile-parse.ts';
import { applyPatch, EMPTY_PROFILE, toSnapshot } from './profile-patch.ts';
import { parseWeekly, toggleSlot } from './weekly-parse.ts';

const at = { now: new Date('2026-11-29T10:00:00Z'), zone: 'Europe/Amsterdam' };

describe('profile answers (parsers)', () => {
  it.each([
    ['ma en wo avond, za ochtend', { mon: ['evening'], wed: ['evening'], sat: ['morning'] }],
    [
      "doordeweeks 's avonds",
      { mon: ['evening'], tue: ['evening'], wed: ['evening'], thu: ['evening'], fri: ['evening'] },
    ],
    [
      'Mon-Wed morning and afternoon',
      { mon: ['morning', 'afternoon'], tue: ['morning', 'afternoon'], wed: ['morning', 'afternoon'] },
    ],
    ['ma t/m wo avond', { mon: ['evening'], tue: ['evening'], wed: ['evening'] }],
    ['weekend', { sat: ['morning', 'afternoon', 'evening'], sun: ['morning', 'afternoon', 'evening'] }],
    ['zaterdag hele dag, zondagmiddag', { sat: ['morning', 'afternoon', 'evening'], sun: ['afternoon'] }],
    ['elke dag behalve maandag', null],
    ['zaterdag hele dag, zondag middag', { sat: ['morning', 'afternoon', 'evening'], sun: ['afternoon'] }],
    ['geen', {}],
  ])('weekly pattern from "%s"', (text, expected) => {
    const r = parseWeekly(text);
    if (expected === null) return expect(r.ok).toBe(false);
    expect(r).toEqual({ ok: true, value: expected });
    // Whatever it reads is something the matching engine accepts.
    expect(AvailabilitySchema.safeParse({ weekly: expected }).success).toBe(true);
  });

  it('names the words it did not understand in a weekly pattern', () => {
    expect(parseWeekly('soms, als het uitkomt')).toMatchObject({ ok: false, detail: 'soms als uitkomt' });
  });

  it('toggles one part of one day on and off, keeping the order of the day', () => {
    const on = toggleSlot({ mon: ['evening'] }, 'mon', 'morning');
    expect(on).toEqual({ mon: ['morning', 'evening'] });
    expect(toggleSlot(toggleSlot(on, 'mon', 'morning'), 'mon', 'evening')).toEqual({});
  });

  it.each([
    ['24-12-2026', '2026-12-24'],
    ['niet op 24-12-2026', '2026-12-24'],
    ['tot 1 februari', '2027-02-01'],
    ['vandaag', '2026-11-29'],
    ['2 weken', '2026-12-13'],
    ['over een maand', '2026-12-29'],
    ['3 months', '2027-02-28'],
    ['1-1-2020', 'in_past'],
    ['tot gisteren', 'in_past'],
    ['until yesterday', 'in_past'],
    ['5 januari 2029', 'too_far'],
    ['als het kan', 'unparsed'],
  ])('date from "%s" → %s', (text, expected) => {
    const r = parseLocalDate(text, at);
    expect(r.ok ? r.value : r.error).toBe(expected);
  });

  it.each([
    ['3', 3],
    ['hooguit 2 per maand', 2],
    ['twee', 2],
    ['0', 0],
    ['geen', 0],
    ['2 à 3', 3],
    ['veel', 'not_a_number'],
    ['2,5', 'not_a_number'],
    ['25', 'too_many'],
  ])('maximum per month from "%s" → %s', (text, expected) => {
    const r = parseMaxPerMonth(text);
    expect(r.ok ? r.value : r.error).toBe(expected);
  });

  it('reads wijken and themes as lists, and refuses an unknown one by name', () => {
    expect(parseWijkList('Overvecht, Lombok en Leidsche Rijn')).toEqual({
      ok: true,
      value: { wijken: ['overvecht', 'west', 'leidsche-rijn'], anywhere: false },
    });
    expect(parseWijkList('maakt niet uit')).toEqual({ ok: true, value: { wijken: [], anywhere: true } });
    expect(parseWijkList('Overvecht en Amsterdam-Noord')).toMatchObject({
      ok: false,
      detail: 'Amsterdam-Noord',
    });
    expect(parseThemeList('eenzaamheid en wonen')).toEqual({ ok: true, value: ['eenzaamheid', 'wonen'] });
    expect(parseThemeList('voetbal')).toMatchObject({ ok: false, detail: 'voetbal' });
  });
});

describe('profile changes (applyPatch)', () => {
  const scope = { today: '2026-11-29', zone: 'Europe/Amsterdam' };

  it('a pause is stored as the local date and as the instant it ends; "off" clears both', () => {
    const paused = applyPatch(EMPTY_PROFILE, { pausedUntil: '2027-02-01' }, scope);
    expect(paused.availability.pausedUntil).toBe('2027-02-01');
    expect(paused.pausedUntil?.toISOString()).toBe('2027-02-01T23:00:00.000Z'); // midnight in Amsterdam
    expect(toSnapshot({ ...EMPTY_PROFILE, ...paused }, scope).pausedUntil).toBe('2027-02-01');
    const back = applyPatch({ ...EMPTY_PROFILE, ...paused }, { pausedUntil: null }, scope);
    expect([back.availability.pausedUntil, back.pausedUntil]).toEqual([null, null]);
  });

  it('adds a date off once, drops past ones while at it, and removes one by date', () => {
    const record = {
      ...EMPTY_PROFILE,
      availability: {
        weekly: { mon: ['evening'] },
        exceptions: [{ kind: 'unavailable', date: '2026-01-05' }],
      },
    };
    const added = applyPatch(record, { addUnavailable: '2026-12-24' }, scope);
    expect(added.availability.exceptions).toEqual([{ kind: 'unavailable', date: '2026-12-24' }]);
    expect(added.availability.weekly).toEqual({ mon: ['evening'] });
    const twice = applyPatch(
      { ...record, availability: added.availability },
      { addUnavailable: '2026-12-24' },
      scope,
    );
    expect(twice.availability.exceptions).toHaveLength(1);
    const removed = applyPatch(
      { ...record, availability: added.availability },
      { removeException: '2026-12-24' },
      scope,
    );
    expect(removed.availability.exceptions).toEqual([]);
  });

  it('"anywhere" clears the wijken; level and certification are never part of a change', () => {
    const v = applyPatch({ ...EMPTY_PROFILE, wijken: ['zuid'] }, { wijken: [], anywhere: true }, scope);
    expect(v).toMatchObject({ wijken: [], anywhere: true });
    expect(Object.keys(v)).not.toContain('level');
    expect(Object.keys(v)).not.toContain('certifiedAt');
  });

  it('a broken stored availability reads as empty instead of failing', () => {
    const snap = toSnapshot({ ...EMPTY_PROFILE, availability: { weekly: { mon: ['nacht'] } } }, scope);
    expect(snap.availability.weekly).toEqual({});
  });
});
