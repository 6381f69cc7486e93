import { describe, expect, it } from 'vitest';
import { explain, explainExclusion, explainParts, explainRelaxation } from './explain.ts';
import { matchingMessages } from './messages.ts';
import type { Relaxation } from './rank.ts';
import { EXCLUSION_REASONS } from './rules.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('matching messages', () => {
  it('have Dutch and English with the same placeholders', () => {
    for (const [key, entry] of Object.entries(matchingMessages)) {
      expect(entry.nl, key).not.toBe('');
      expect(entry.en, key).not.toBe('');
      expect(placeholders(entry.nl), key).toEqual(placeholders(entry.en));
    }
  });

  it('explain every exclusion reason and relaxation', () => {
    for (const reason of EXCLUSION_REASONS) {
      expect(explainExclusion(reason, 'nl')).not.toMatch(/^rule\./);
      expect(explainExclusion(reason, 'en')).not.toMatch(/^rule\./);
    }
    const kinds: Relaxation['kind'][] = ['ignoreLanguage', 'travelBuffer', 'monthlyMax', 'availability'];
    for (const kind of kinds)
      expect(explainRelaxation({ kind, count: 2, minutes: 30 }, 'nl')).toMatch(/^2 meer/);
  });
});

describe('explain', () => {
  it('names wijken, themes and languages in the reader’s language', () => {
    expect(explain({ code: 'score.wijk.neighbouring', params: { wijk: 'leidsche-rijn' } }, 'nl')).toBe(
      'actief naast Leidsche Rijn',
    );
    expect(explain({ code: 'score.theme.profile', params: { theme: 'informele-zorg' } }, 'en')).toBe(
      'informal care is on their profile',
    );
    expect(explain({ code: 'score.diversity.table-language', params: { language: 'ar' } }, 'nl')).toBe(
      'brengt Arabisch mee, een taal van de tafel die het team nog mist',
    );
  });

  it('shows an unknown code as itself rather than failing', () => {
    expect(explain({ code: 'score.unknown' }, 'nl')).toBe('score.unknown');
  });

  it('formats a breakdown with signed points', () => {
    const lines = explainParts(
      [
        {
          key: 'declines',
          points: -1.5,
          why: [{ code: 'score.declines.similar', params: { count: 1, days: 90 } }],
        },
        { key: 'fairness', points: 4.667, why: [{ code: 'score.fairness.never' }] },
      ],
      'en',
    );
    expect(lines).toEqual([
      '-1.5 · declined something similar 1 time (last 90 days)',
      '+4.7 · never served yet',
    ]);
  });
});
