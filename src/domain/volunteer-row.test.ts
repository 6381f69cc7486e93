import { describe, expect, it } from 'vitest';
import { headerField, parseVolunteerRow } from './volunteer-row.ts';

describe('parseVolunteerRow', () => {
  it('reads a complete row, with Dutch words for level, languages, wijken and themes', () => {
    expect(
      parseVolunteerRow({
        name: '  Anouk  de Vries ',
        platform: 'Telegram',
        account: '12345',
        level: 'gecertificeerd',
        languages: 'Nederlands; Arabisch',
        wijken: 'Overvecht; Lombok',
        themes: 'eenzaamheid; armoede',
        maxPerMonth: '3',
      }),
    ).toEqual({
      ok: true,
      row: {
        name: 'Anouk de Vries',
        platform: 'TELEGRAM',
        account: '12345',
        level: 'CERTIFIED',
        languages: ['nl', 'ar'],
        wijken: ['overvecht', 'west'],
        themes: ['eenzaamheid', 'armoede'],
        maxPerMonth: 3,
      },
    });
  });

  it('defaults: trainee, Dutch, two a month', () => {
    const r = parseVolunteerRow({ name: 'Bo', platform: 'webchat', account: 'bo-1' });
    expect(r).toMatchObject({ ok: true, row: { level: 'TRAINEE', languages: ['nl'], maxPerMonth: 2 } });
  });

  it('reports every problem of a row at once', () => {
    const r = parseVolunteerRow({
      name: '',
      platform: 'fax',
      account: 'a b',
      level: 'expert',
      wijken: 'Atlantis',
      themes: 'ruimtevaart',
      maxPerMonth: '-1',
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        'naam ontbreekt',
        'platform "fax" onbekend (telegram, slack of webchat)',
        'account "a b" ongeldig',
        'niveau "expert" onbekend (in opleiding, gecertificeerd, senior)',
        'wijk "Atlantis" onbekend',
        'thema "ruimtevaart" onbekend',
        'max per maand "-1" moet een heel getal van 0 tot 20 zijn',
      ]);
  });

  it('maps Dutch and English headers', () => {
    expect(headerField('Naam')).toBe('name');
    expect(headerField('Max per maand')).toBe('maxPerMonth');
    expect(headerField('themes')).toBe('themes');
    expect(headerField('shoe size')).toBeNull();
  });
});
