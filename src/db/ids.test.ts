import { describe, expect, it } from 'vitest';
import { newId, randomBytesPooled } from './ids.ts';

describe('pooled random ids', () => {
  it('never hands out the same bytes twice, across many refills of the pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(randomBytesPooled(9).toString('hex'));
    expect(seen.size).toBe(20_000);
  });

  it('gives copies: a later refill does not change bytes already handed out', () => {
    const first = randomBytesPooled(16);
    const before = first.toString('hex');
    for (let i = 0; i < 1_000; i++) randomBytesPooled(16);
    expect(first.toString('hex')).toBe(before);
  });

  it('row ids keep the cuid shape and are unique', () => {
    const ids = Array.from({ length: 5_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });
});
