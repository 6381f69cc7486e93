import { describe, expect, it } from 'vitest';
import type { StructuredHarvest } from '../../domain/harvest.ts';
import { applyFlags, reportHtml, reportText, reviewBody } from './harvest-view.ts';

const harvest: StructuredHarvest = {
  version: 1,
  participants: 9,
  themes: ['eenzaamheid'],
  tags: ['bibliotheek'],
  items: [
    { section: 'quote', text: 'Hier hoor ik erbij', verbatim: true, share: true },
    { section: 'quote', text: 'De gemeente luistert nooit', verbatim: false, share: true },
    { section: 'idea', text: '<script>alert(1)</script> koffie', verbatim: false, share: true },
    { section: 'signal', text: 'Alleen voor intern gebruik', verbatim: false, share: true },
  ],
};

describe('harvest views', () => {
  it('a paraphrase is never shown in quotation marks, in chat or in the document', () => {
    const flagged = applyFlags(harvest, { drop: [], hide: [4] });
    const text = reportText(flagged, 'nl');
    const html = reportHtml(flagged, { title: 'Oogst', locale: 'nl' });
    for (const out of [text, html]) {
      expect(out).toContain('“Hier hoor ik erbij”');
      expect(out).toContain('De gemeente luistert nooit (in eigen woorden)');
      expect(out).not.toContain('“De gemeente');
      expect(out).not.toContain('Alleen voor intern gebruik');
    }
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });

  it('the review numbers every item and marks dropped and internal ones', () => {
    const body = reviewBody(harvest, { drop: [3], hide: [4] }, 'en');
    expect(body).toContain('Participants: 9');
    expect(body).toContain('Themes: Loneliness, bibliotheek');
    expect(body).toMatch(/3\. .*\(dropped\)/);
    expect(body).toMatch(/4\. Alleen voor intern gebruik \(internal\)/);
    expect(applyFlags(harvest, { drop: [3], hide: [] }).items).toHaveLength(3);
  });
});
