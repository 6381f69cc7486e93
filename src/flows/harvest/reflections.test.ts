import { describe, expect, it } from 'vitest';
import { anonymiseReflection, groupReflections } from './reflections.ts';

describe('reflections for the learning community', () => {
  it('scrubs names, contact details and the session’s own names', () => {
    const out = anonymiseReflection(
      'Samen met Sanne de Vries bij Buurthuis Zon; mail me op sanne@example.org of 06-12345678. Ik sprak met Anouk.',
      ['Sanne de Vries', 'Sanne', 'Buurthuis Zon'],
    );
    for (const secret of ['Sanne', 'Vries', 'Zon', 'example.org', '12345678', 'Anouk'])
      expect(out).not.toContain(secret);
    expect(anonymiseReflection('  ', [])).toBeNull();
  });

  it('groups by theme (largest first) or by month (newest first), texts sorted so order gives nothing away', () => {
    const rows = [
      { text: 'b spannend', themes: ['wonen'], approvedAt: new Date('2026-10-02T10:00:00Z') },
      {
        text: 'a stilte was lastig',
        themes: ['wonen', 'eenzaamheid'],
        approvedAt: new Date('2026-11-02T10:00:00Z'),
      },
      { text: 'c fijn', themes: [], approvedAt: new Date('2026-11-05T10:00:00Z') },
    ];
    const byTheme = groupReflections(rows, 'theme', { locale: 'nl', zone: 'Europe/Amsterdam' });
    expect(byTheme[0]).toEqual({ title: 'Wonen', texts: ['a stilte was lastig', 'b spannend'] });
    expect(byTheme.map((g) => g.title)).toContain('Zonder thema');
    const byMonth = groupReflections(rows, 'month', { locale: 'en', zone: 'Europe/Amsterdam' });
    expect(byMonth.map((g) => g.title)).toEqual(['November 2026', 'October 2026']);
    expect(byMonth[0]?.texts).toEqual(['a stilte was lastig', 'c fijn']);
  });
});
