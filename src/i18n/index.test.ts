import { describe, expect, it } from 'vitest';
import { catalogueEntries, t } from './index.ts';

describe('t', () => {
  it('picks the word for one or for more by the number, in each language', () => {
    expect(t('nl', 'score.fairness.last', { days: 1 })).toBe('laatste sessie 1 dag geleden');
    expect(t('nl', 'score.fairness.last', { days: 3 })).toBe('laatste sessie 3 dagen geleden');
    expect(t('en', 'score.fairness.last', { days: 1 })).toBe('last session 1 day ago');
    expect(t('en', 'score.fairness.last', { days: 0 })).toBe('last session 0 days ago');
    expect(t('en', 'overview.offers', { total: 2, sessions: 1 })).toBe(
      'Offers awaiting an answer: 2 (for 1 session)',
    );
  });

  it('every {count|one|other} in the catalogue counts a number the text also names', () => {
    const wrong = catalogueEntries().flatMap(([key, texts]) =>
      Object.values(texts).flatMap((text) =>
        [...text.matchAll(/\{(\w+)\|/g)]
          .filter(([, name]) => !text.includes(`{${name}}`))
          .map(([, name]) => `${key}: ${name}`),
      ),
    );
    expect(wrong).toEqual([]);
  });
});
