import { describe, expect, it } from 'vitest';
import type { StructuredHarvest } from './harvest.ts';
import { renderDigest } from './harvest-digest.ts';

const h = (over: Partial<StructuredHarvest>): StructuredHarvest => ({
  version: 1,
  participants: 10,
  themes: ['eenzaamheid'],
  tags: [],
  items: [],
  ...over,
});

describe('renderDigest', () => {
  it('counts, groups themes per wijk and per theme with references, and shows only shareable verbatim quotes', () => {
    const out = renderDigest(
      [
        {
          requestNumber: 3,
          organisation: 'A',
          wijk: 'overvecht',
          startsAt: new Date(),
          harvest: h({
            items: [
              { section: 'quote', text: 'Samen sterk', verbatim: true, share: true },
              { section: 'quote', text: 'Intern citaat', verbatim: true, share: false },
              { section: 'quote', text: 'Parafrase', verbatim: false, share: true },
            ],
          }),
        },
        {
          requestNumber: 7,
          organisation: 'B',
          wijk: 'overvecht',
          startsAt: new Date(),
          harvest: h({ participants: 5 }),
        },
      ],
      { from: '2026-11-01', to: '2026-11-30' },
    );
    expect(out).toContain('Dialogen: 2 · deelnemers: 15');
    expect(out).toMatch(/Overvecht: .*\(#3, #7\)/);
    expect(out).toContain('“Samen sterk” (#3)');
    expect(out).not.toContain('Intern citaat');
    expect(out).not.toContain('Parafrase');
  });
});
