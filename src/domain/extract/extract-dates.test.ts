import { describe, expect, it } from 'vitest';
import { extractDates } from './extract-dates.ts';

const zone = 'Europe/Amsterdam';
const wed = new Date('2026-11-25T10:00:00+01:00'); // a Wednesday in winter time

describe('extractDates (chrono-node + our Dutch rewrites, placed in Europe/Amsterdam)', () => {
  it.each([
    ["dinsdag 8 december 's avonds", ['2026-12-08T19:30:00+01:00']],
    ['volgende week dinsdag om 19.30', ['2026-12-01T19:30:00+01:00']],
    ['morgenavond', ['2026-11-26T19:30:00+01:00']],
    ['Kan het op 8/12 om 19.30?', ['2026-12-08T19:30:00+01:00']],
    ['op 8-12 om 19u30', ['2026-12-08T19:30:00+01:00']],
    ["op 8 december om 7 uur 's avonds", ['2026-12-08T19:00:00+01:00']],
    ["donderdag 10 december om half acht 's avonds", ['2026-12-10T19:30:00+01:00']],
    ['over twee weken op woensdag om 10 uur', ['2026-12-09T10:00:00+01:00']],
    [
      'op 16 of 17 december, tussen 19.30 en 21.30 uur',
      ['2026-12-16T19:30:00+01:00', '2026-12-17T19:30:00+01:00'],
    ],
    ['next Tuesday at 7pm', ['2026-12-01T19:00:00+01:00']],
    ['Wednesday the 16th of December, 2-4pm', ['2026-12-16T14:00:00+01:00']],
    ['on 12/1 at 10am or 14/1 at 10am', ['2027-01-12T10:00:00+01:00', '2027-01-14T10:00:00+01:00']],
  ])('%s', (text, starts) => {
    const lang = /[a-z]+day|\bat\b/.test(text) && !/dag/.test(text) ? 'en' : 'nl';
    expect(extractDates(text, { now: wed, zone, lang }).options.map((o) => o.start)).toEqual(starts);
  });

  it('keeps the end of a time range and reports its length', () => {
    const r = extractDates('zaterdag 12 december van 14 tot 16 uur', { now: wed, zone, lang: 'nl' });
    expect(r.options).toEqual([{ start: '2026-12-12T14:00:00+01:00', end: '2026-12-12T16:00:00+01:00' }]);
    expect(r.rangeMinutes).toBe(120);
  });

  it('uses summer time after the spring switch and winter time after the autumn switch', () => {
    const march = new Date('2026-03-27T12:00:00+01:00');
    expect(
      extractDates('zaterdag 28 maart om 20.00', { now: march, zone, lang: 'nl' }).options[0]?.start,
    ).toBe('2026-03-28T20:00:00+01:00');
    expect(
      extractDates('maandag 30 maart om 20.00', { now: march, zone, lang: 'nl' }).options[0]?.start,
    ).toBe('2026-03-30T20:00:00+02:00');
    const october = new Date('2026-10-24T12:00:00+02:00');
    expect(extractDates('tomorrow at 3 pm', { now: october, zone, lang: 'en' }).options[0]?.start).toBe(
      '2026-10-25T15:00:00+01:00',
    );
  });

  it('resolves "morgen" in Amsterdam even when it is already tomorrow in UTC terms', () => {
    const lateEvening = new Date('2026-11-25T23:30:00+01:00'); // 22:30 UTC
    expect(extractDates('morgen om 14:00', { now: lateEvening, zone, lang: 'nl' }).options[0]?.start).toBe(
      '2026-11-26T14:00:00+01:00',
    );
  });

  it('does not read phone numbers, durations or head counts as times', () => {
    const r = extractDates('Op 8 december. Het duurt anderhalf uur, met 15-20 mensen. Bel 06-12345678.', {
      now: wed,
      zone,
      lang: 'nl',
    });
    expect(r.options).toEqual([]);
    expect(r.datesWithoutTime).toEqual(['2026-12-08']);
  });

  it('drops dates in the past', () => {
    expect(extractDates('op 1 november om 10:00', { now: wed, zone, lang: 'nl' }).options[0]?.start).toBe(
      '2027-11-01T10:00:00+01:00',
    );
    expect(extractDates('vandaag om 9:00', { now: wed, zone, lang: 'nl' }).options).toEqual([]);
  });
});
