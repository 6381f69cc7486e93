import { describe, expect, it } from 'vitest';
import { ChannelPacer } from './slack-pacer.ts';

describe('per-channel pacing (about 1 message/s, short bursts)', () => {
  it('lets a burst through, then spaces messages one interval apart', () => {
    const p = new ChannelPacer({ intervalMs: 1000, burst: 3 });
    expect([0, 0, 0, 0, 0].map(() => p.reserve('D1', 0))).toEqual([0, 0, 0, 1000, 2000]);
    // Another channel is not held up.
    expect(p.reserve('D2', 0)).toBe(0);
  });

  it('refills over time', () => {
    const p = new ChannelPacer({ intervalMs: 1000, burst: 2 });
    p.reserve('D1', 0);
    p.reserve('D1', 0);
    expect(p.reserve('D1', 500)).toBe(500);
    expect(p.reserve('D1', 5000)).toBe(0);
  });

  it('does not book a slot the caller will not wait for', () => {
    const p = new ChannelPacer({ intervalMs: 1000, burst: 1 });
    expect(p.reserve('D1', 0, 1000)).toBe(0);
    expect(p.reserve('D1', 0, 1000)).toBe(1000);
    expect(p.reserve('D1', 0, 1000)).toBe(2000); // refused: not booked
    expect(p.reserve('D1', 0, 1000)).toBe(2000);
  });

  it('forgets the least recently used channels beyond its bound', () => {
    const p = new ChannelPacer({ intervalMs: 1000, burst: 1 }, 2);
    p.reserve('A', 0);
    p.reserve('B', 0);
    p.reserve('C', 0);
    expect(p.reserve('A', 0)).toBe(0);
  });
});
