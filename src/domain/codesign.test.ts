import { describe, expect, it } from 'vitest';
import { suggestCodesign, targetKind } from './codesign.ts';
import { THEME_KEYS } from './themes.ts';

describe('co-design library', () => {
  it.each(THEME_KEYS)('%s: a format and 3–5 questions in both languages', (theme) => {
    for (const locale of ['nl', 'en'] as const) {
      for (const targetGroup of [null, 'alleenstaande ouderen', 'young people']) {
        const s = suggestCodesign({ theme, targetGroup, locale });
        expect(s.source).toBe('library');
        expect(s.format.length).toBeGreaterThan(40);
        expect(s.questions.length).toBeGreaterThanOrEqual(3);
        expect(s.questions.length).toBeLessThanOrEqual(5);
        for (const q of s.questions) expect(q).toMatch(/[?.]$/);
        expect(s.questions.join(' ')).not.toMatch(/codesign\./); // no missing catalogue keys
      }
    }
  });

  it('adds a question and a note for the target group, and notes for online and large groups', () => {
    const s = suggestCodesign({
      theme: 'eenzaamheid',
      targetGroup: 'ouderen',
      locale: 'nl',
      online: true,
      participants: 30,
    });
    expect(s.questions).toHaveLength(5);
    expect(s.questions[3]).toMatch(/doorgeeft aan jongere buren/);
    expect(s.format).toMatch(/koffie/);
    expect(s.format).toMatch(/breakout/);
    expect(s.format).toMatch(/meerdere tafels/);
  });

  it('answers in the locale asked for', () => {
    expect(suggestCodesign({ theme: 'klimaat', targetGroup: null, locale: 'en' }).questions[0]).toMatch(
      /nature/,
    );
    expect(suggestCodesign({ theme: 'klimaat', targetGroup: null, locale: 'nl' }).questions[0]).toMatch(
      /natuur/,
    );
  });

  it.each([
    ['mantelzorgers van mensen met dementie', 'mantelzorgers'],
    ['statushouders en buurtbewoners', 'nieuwkomers'],
    ['senioren (65+)', 'ouderen'],
    ['parents from Ondiep', 'ouders'],
    ['leerlingen van groep 8', 'jongeren'],
    ['tenants', 'bewoners'],
    ['iedereen', null],
  ])('targetKind(%s) = %s', (text, kind) => {
    expect(targetKind(text)).toBe(kind);
  });
});
