import { describe, expect, it } from 'vitest';
import {
  parseContact,
  parseDateTime,
  parseDuration,
  parseEmail,
  parseParticipants,
  parsePhone,
  parseYesNo,
  validateFreeText,
} from './intake-parse.ts';

const NOW = new Date('2026-11-29T10:00:00Z'); // Sunday 29 November 2026, 11:00 in Amsterdam
const AMS = { now: NOW, zone: 'Europe/Amsterdam' };
const LONG = 'x'.repeat(5000);

/** Each input next to its result, so a failure names the input. */
function expectAll<T>(texts: readonly string[], parse: (text: string) => unknown, expected: T): void {
  for (const text of texts) expect([text, parse(text)]).toEqual([text, expected]);
}

describe('parseParticipants', () => {
  it.each([
    [15, ['15', 'ongeveer 15', 'ca. 15', '15 personen', 'about 15 people', '  15 ', 'vijftien', 'fifteen']],
    [15, ['een stuk of vijftien', 'circa 15 deelnemers']],
    [20, ['15-20', '15 à 20 deelnemers', 'tussen de 15 en 20', 'twintig', 'twenty']],
    [22, ['tweeëntwintig', 'twenty-two', 'twenty two']],
    [25, ["zo'n vijfentwintig mensen", 'twenty-five']],
    [100, ['honderd', 'a hundred', '100']],
    [2, ['2', 'twee']],
    [200, ['200', 'tweehonderd']],
  ] as const)('%d ← %j', (value, texts) => expectAll(texts, parseParticipants, { ok: true, value }));

  it.each([
    ['not_a_number', ['veel', 'many', '', 'een paar', 'a few', '🎉', LONG]],
    ['too_few', ['0', '1', 'één', 'een', 'one', 'nul']],
    ['too_many', ['10000', '10.000', '201', 'driehonderd', 'three hundred']],
  ] as const)('%s ← %j', (error, texts) => expectAll(texts, parseParticipants, { ok: false, error }));
});

describe('parseDuration', () => {
  it.each([
    [90, ['90', '90 minuten', '90 min', '1,5 uur', '1.5 hours', '1,5', 'anderhalf uur', 'anderhalve uur']],
    [90, ['an hour and a half', '1u30', '1:30', '1 uur en 30 minuten', '60-90 minuten']],
    [120, ['2 uur', '2', 'twee uur', 'two hours', '1,5 à 2 uur']],
    [60, ['een uur', 'an hour', '1 hour', '60']],
    [105, ['1 hour 45 minutes', '1h45', '1.45']],
    [180, ['3 uurtjes', '2 à 3 uur']],
    [30, ['een half uur', 'half an hour', '30 min']],
    [45, ['drie kwartier']],
    [480, ['8 uur', '480']],
  ] as const)('%d min ← %j', (value, texts) => expectAll(texts, parseDuration, { ok: true, value }));

  it.each([
    ['not_a_number', ['', 'lang', 'een middag', '🕐', LONG]],
    ['too_short', ['0', '15 minuten', 'een kwartier', '29']],
    ['too_long', ['9 uur', '600', '481 minuten']],
  ] as const)('%s ← %j', (error, texts) => expectAll(texts, parseDuration, { ok: false, error }));
});

describe('parseDateTime', () => {
  const ok = (iso: string) => ({ ok: true, start: new Date(iso) });
  const inAmsterdam = (text: string) => parseDateTime(text, AMS);

  it.each([
    ['2026-12-08T18:30:00Z', ['8-12-2026 19:30', '8/12/2026 19.30', '08.12.2026 19:30', '8-12-26 19:30']],
    [
      '2026-12-08T18:30:00Z',
      ['2026-12-08 19:30', '2026-12-08T19:30', '8 december 2026 19:30', '8 dec 19:30'],
    ],
    [
      '2026-12-08T18:30:00Z',
      ['8 dec. 2026, 19:30 uur', 'dinsdag 8 december om 19.30', 'December 8 2026 7:30 pm'],
    ],
    ['2026-12-08T18:30:00Z', ['December 8th, 2026 at 7.30pm', '8/12 om 19.30', '19:30 op 8-12']],
    [
      '2026-12-08T18:30:00Z',
      ["8 december half acht 's avonds", '8 december om 19u30', 'Tue 8 Dec 2026 19:30'],
    ],
    ['2026-11-30T13:00:00Z', ['morgen 14:00', 'Morgen om 14.00 uur', 'tomorrow 2pm', 'tomorrow at 2 p.m.']],
    ['2026-11-30T13:00:00Z', ['morgenmiddag 2 uur', "morgen 's middags om twee uur"]],
    ['2026-12-01T09:00:00Z', ['overmorgen 10 uur', 'day after tomorrow 10:00']],
    ['2026-11-30T19:00:00Z', ['morgenavond om acht uur', 'tomorrow 8 pm']],
    ['2026-11-30T19:15:00Z', ["morgen kwart over acht 's avonds"]],
    ['2026-11-29T19:00:00Z', ['vanavond 20:00', 'tonight 8pm']],
    ['2026-11-29T18:00:00Z', ['vandaag 19:00']],
    ['2026-12-02T13:30:00Z', ['woensdag om half 3', '2 dec 2:30', '2-12 14:30']], // 1-6 o'clock: afternoon
    ['2026-12-08T02:00:00Z', ['8-12-2026 03:00']], // …unless written as 03:00
    ['2026-12-08T07:00:00Z', ['8 dec om 8', '8 dec 8am']], // 7 and later: as written
    ['2026-12-08T18:30:00Z', ['over twee weken dinsdag 19:30', 'in 2 weeks tuesday 7.30 pm']],
    ['2026-12-02T18:00:00Z', ['over 3 dagen om 19:00', 'in three days at 7pm']],
    ['2026-12-11T14:00:00Z', ['11th of December 3 pm', 'Friday 11 December at 3pm']],
    ['2026-12-01T18:30:00Z', ['volgende week dinsdag 19:30', 'next tuesday 19:30', 'dinsdagavond 19:30']],
    ['2026-12-05T13:00:00Z', ["zaterdag 5 december 's middags 2 uur", '5 dec 14.00-16.00', '5/12 2-4pm']],
    ['2026-11-30T18:00:00Z', ['morgen 19-21 uur', 'morgen van 19 tot 21 uur', 'morgen 19:00 - 21:00']],
    ['2027-01-08T09:00:00Z', ['8 jan 10:00', '8-1 10:00']], // no year and already past this year: next year
    ['2027-07-01T17:30:00Z', ['1 juli 2027 19:30', 'July 1, 2027 19:30']], // summer time: UTC+2
    ['2026-11-29T10:30:00Z', ['29-11-2026 11:30']], // later today
    ['2028-11-28T09:00:00Z', ['28-11-2028 10:00']], // just inside two years
  ] as const)('%s ← %j', (iso, texts) => expectAll(texts, inAmsterdam, ok(iso)));

  it.each([
    ['unparsed', ['', 'blabla', 'veel', '🎉', LONG, '19:30', 'volgende week', '31-2-2027 10:00']],
    ['unparsed', ['8-13-2026 19:30', '8-12-2026 25:00', '8-12-2026 19:75']], // day-first: no 13th month
    ['missing_time', ['8-12-2026', '8 december', 'morgen', 'morgenochtend', 'dinsdag', 'tomorrow evening']],
    ['in_past', ['1-1-2026 10:00', '29 nov 09:00', '29-11-2026 10:30', '29-3-2026 02:30']],
    // A day that is over needs no time to be in the past.
    ['in_past', ['gisteren', 'gisteravond', 'gisteren 19:30', 'eergisteren', 'yesterday 7pm', '1-1-2026']],
    ['too_far', ['8-12-2030 19:30', '30-11-2028 12:00']],
  ] as const)('%s ← %j', (error, texts) => expectAll(texts, inAmsterdam, { ok: false, error }));

  it('handles the daylight-saving switches in Amsterdam', () => {
    const january = (text: string) =>
      parseDateTime(text, { now: new Date('2026-01-15T10:00:00Z'), zone: AMS.zone });
    // 29 March 2026, clocks go 02:00 → 03:00: 02:30 does not exist and moves on to 03:30 CEST.
    expectAll(['29-3-2026 02:30', '29-3-2026 03:30'], january, ok('2026-03-29T01:30:00Z'));
    expectAll(['28-3-2026 19:30'], january, ok('2026-03-28T18:30:00Z')); // still UTC+1
    expectAll(['29-3-2026 19:30'], january, ok('2026-03-29T17:30:00Z')); // now UTC+2
    // 25 October 2026: 02:30 happens twice; it is read as the second one (CET, UTC+1).
    expectAll(['25-10-2026 02:30'], january, ok('2026-10-25T01:30:00Z'));
    expectAll(['25-10-2026 19:30'], january, ok('2026-10-25T18:30:00Z'));
  });

  it('reads weekdays relative to today (now: Monday 30 November)', () => {
    const monday = (text: string) =>
      parseDateTime(text, { now: new Date('2026-11-30T10:00:00Z'), zone: AMS.zone });
    expectAll(
      ['dinsdag 19:30', 'next tuesday 19:30', 'aanstaande dinsdag 19:30'],
      monday,
      ok('2026-12-01T18:30:00Z'),
    );
    expectAll(
      ['volgende week dinsdag 19:30', 'dinsdag volgende week 19:30'],
      monday,
      ok('2026-12-08T18:30:00Z'),
    );
    expectAll(['maandag 19:30'], monday, ok('2026-12-07T18:30:00Z')); // today's weekday means next week
  });

  it('uses the zone it is given, whatever the process time zone is', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Auckland';
      expect(parseDateTime('8-12-2026 19:30', AMS)).toEqual(ok('2026-12-08T18:30:00Z'));
      expect(parseDateTime('morgen 14:00', AMS)).toEqual(ok('2026-11-30T13:00:00Z'));
    } finally {
      process.env.TZ = before;
    }
    const newYork = { now: NOW, zone: 'America/New_York' };
    expect(parseDateTime('8-12-2026 19:30', newYork)).toEqual(ok('2026-12-09T00:30:00Z'));
  });

  it('throws on an invalid zone (a programming error, not user input)', () => {
    expect(() => parseDateTime('8-12-2026 19:30', { now: NOW, zone: 'Mars/Olympus' })).toThrow();
  });
});

describe('validateFreeText', () => {
  it.each([
    ['  hallo  ', { max: 100 }, 'hallo'],
    ['a\n\n\n\n\nb', { max: 100 }, 'a\n\nb'],
    ['a\r\n \r\n\t\r\n \r\nb', { max: 100 }, 'a\n\nb'],
    ['a\n\nb', { max: 100 }, 'a\n\nb'],
    ['a  b\tc', { max: 100 }, 'a  b\tc'],
    ['🙂🙂🙂', { min: 3, max: 3 }, '🙂🙂🙂'], // an emoji counts as one character
    ['a\u0000b\u0007', { max: 10 }, 'ab'],
  ] as const)('%j → %j', (text, limits, value) => {
    expect(validateFreeText(text, limits)).toEqual({ ok: true, value });
  });

  it.each([
    ['', { max: 100 }, { ok: false, error: 'empty' }],
    [' \n\t ', { max: 100 }, { ok: false, error: 'empty' }],
    ['kort', { min: 10, max: 100 }, { ok: false, error: 'too_short', limit: 10 }],
    [LONG, { max: 2000 }, { ok: false, error: 'too_long', limit: 2000 }],
    ['🙂🙂🙂🙂', { max: 3 }, { ok: false, error: 'too_long', limit: 3 }],
  ] as const)('%j → %j', (text, limits, result) => {
    expect(validateFreeText(text, limits)).toEqual(result);
  });
});

describe('parseEmail', () => {
  it.each([
    ['jan@example.nl', 'jan@example.nl'],
    ['  Jan.Jansen@Gemeente.Utrecht.NL ', 'jan.jansen@gemeente.utrecht.nl'],
    ['mailto:info@buurthuis.nl', 'info@buurthuis.nl'],
    ['<a+b@x.org>', 'a+b@x.org'],
    ['info@buurthuis.nl.', 'info@buurthuis.nl'],
  ])('%j → %j', (text, value) => expect(parseEmail(text)).toBe(value));

  it('rejects what is not one address', () => {
    const bad = [
      '',
      'jan',
      'jan@',
      '@x.nl',
      'jan@x',
      'jan @x.nl',
      'jan..j@x.nl',
      'mail: jan@x.nl',
      `${LONG}@x.nl`,
      '📧',
    ];
    expectAll(bad, parseEmail, null);
  });
});

describe('parsePhone', () => {
  it.each([
    ['+31612345678', ['0612345678', '06-12345678', '06 1234 5678', '+31 6 12345678', '+31 (0)6 12345678']],
    ['+31612345678', ['0031 6 12345678', '06.12.34.56.78']],
    ['+31301234567', ['030-1234567', '(030) 123 45 67', 'tel: 030 123 4567', '+31 30 123 4567']],
    ['+32470123456', ['+32 470 12 34 56', '0032 470 12 34 56']],
  ] as const)('%s ← %j', (value, texts) => expectAll(texts, parsePhone, value));

  it('rejects what is not a phone number', () => {
    const bad = [
      '',
      '06',
      '061234567',
      '06123456789',
      '+31 06 12345678',
      'abc',
      '06-1234abcd',
      '12345',
      '📞',
      LONG,
    ];
    expectAll(bad, parsePhone, null);
  });
});

describe('parseContact', () => {
  it.each([
    ['Jan Jansen, 06-12345678, jan@example.nl', 'Jan Jansen', 'jan@example.nl', '+31612345678'],
    ['jan@example.nl Jan Jansen', 'Jan Jansen', 'jan@example.nl', null],
    ['Fatima el Amrani 030-1234567', 'Fatima el Amrani', null, '+31301234567'],
    [
      'Naam: Piet de Vries; tel: 06 1234 5678; e-mail: piet@x.nl',
      'Piet de Vries',
      'piet@x.nl',
      '+31612345678',
    ],
    ['Mijn naam is Anna, 0612345678', 'Anna', null, '+31612345678'],
    ['06-12345678 / 030-1234567 Kees', 'Kees', null, '+31612345678'], // the first number wins
    ['Sanne', 'Sanne', null, null],
    ['sanne@x.nl', null, 'sanne@x.nl', null],
    ['', null, null, null],
    ['Kees, 8-12-2026', 'Kees, 8-12-2026', null, null], // a date is not a phone number
  ])('%j', (text, name, email, phone) => expect(parseContact(text)).toEqual({ name, email, phone }));
});

describe('parseYesNo', () => {
  it('reads yes', () => {
    const yes = ['ja', 'Ja!', 'JA', 'j', 'jazeker', 'ja graag', 'Ja, graag.', 'yes', 'Y', 'yep', 'ok', 'oké'];
    expectAll(
      [...yes, 'prima', 'akkoord', 'sure', '👍', '👍🏽', '✅', '✔️', 'geen bezwaar', 'no problem'],
      parseYesNo,
      true,
    );
  });

  it('reads no', () => {
    const no = ['nee', 'Nee.', 'n', 'no', 'No thanks', 'nope', 'liever niet', 'nee dank je', '👎', '❌'];
    expectAll(no, parseYesNo, false);
  });

  it('gives null when unclear', () => {
    const unclear = [
      '',
      'misschien',
      'maybe',
      'ja nee',
      'weet ik niet',
      'maakt niet uit',
      '🤔',
      'banaan',
      LONG,
    ];
    expectAll(unclear, parseYesNo, null);
  });
});
