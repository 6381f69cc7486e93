import { describe, expect, it } from 'vitest';
import { TokenBudget } from './token-budget.ts';

describe('TokenBudget', () => {
  it('allows calls until the daily limit and starts afresh after midnight in Amsterdam', () => {
    let now = new Date('2026-11-25T22:30:00Z'); // 23:30 in Amsterdam
    const b = new TokenBudget(1_000, 'Europe/Amsterdam', () => now);
    expect(b.allows(900)).toBe(true);
    b.record(900);
    expect(b.allows(200)).toBe(false);
    expect(b.remaining()).toBe(100);
    now = new Date('2026-11-25T23:05:00Z'); // 00:05 the next day in Amsterdam, still the 25th in UTC
    expect(b.allows(200)).toBe(true);
    expect(b.remaining()).toBe(1_000);
  });
});
