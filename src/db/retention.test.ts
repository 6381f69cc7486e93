import { describe, expect, it } from 'vitest';
import { wordPattern } from './privacy-repo.ts';
import { nextSweepAt } from './retention.ts';

describe('nextSweepAt', () => {
  it('is the next 03:30 in Amsterdam, stable during the day', () => {
    const zone = 'Europe/Amsterdam';
    // 10:00 UTC = 11:00 in Amsterdam (winter): next is 03:30 local tomorrow = 02:30 UTC.
    expect(nextSweepAt(new Date('2026-11-29T10:00:00Z'), zone).toISOString()).toBe(
      '2026-11-30T02:30:00.000Z',
    );
    expect(nextSweepAt(new Date('2026-11-29T20:00:00Z'), zone).toISOString()).toBe(
      '2026-11-30T02:30:00.000Z',
    );
    // Before 03:30 local: the same night.
    expect(nextSweepAt(new Date('2026-11-29T01:00:00Z'), zone).toISOString()).toBe(
      '2026-11-29T02:30:00.000Z',
    );
    // Summer time: 03:30 local = 01:30 UTC.
    expect(nextSweepAt(new Date('2026-07-01T12:00:00Z'), zone).toISOString()).toBe(
      '2026-07-02T01:30:00.000Z',
    );
  });
});

describe('wordPattern', () => {
  it('escapes regular-expression characters and bounds words', () => {
    expect(wordPattern('Anna')).toBe('\\mAnna\\M');
    expect(wordPattern('a.b+c@example.org')).toBe('\\ma\\.b\\+c@example\\.org\\M');
    expect(wordPattern('+31 6 1234')).toBe('\\+31 6 1234\\M');
  });
});
