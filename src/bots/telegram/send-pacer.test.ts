import { describe, expect, it } from 'vitest';
import { SendPacer, TELEGRAM_LIMITS } from './send-pacer.ts';

function pacerAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, pacer: new SendPacer(TELEGRAM_LIMITS, () => clock.now) };
}

describe('SendPacer', () => {
  it('lets a short burst to one chat through, then one per second, without holding other chats back', () => {
    const { clock, pacer } = pacerAt();
    const slots = [1, 2, 3, 4, 5].map((i) => pacer.reserve('42', `m${i}`) - clock.now);
    expect(slots).toEqual([0, 0, 0, 1000, 2000]);
    expect(pacer.reserve('43', 'other')).toBe(clock.now);
  });

  it('keeps a reserved slot when the same message comes back', () => {
    const { clock, pacer } = pacerAt();
    for (const i of [1, 2, 3, 4]) pacer.reserve('42', `m${i}`);
    const at = pacer.reserve('42', 'm5');
    clock.now = at;
    expect(pacer.reserve('42', 'm5')).toBe(at);
  });

  it('allows 20 messages per minute to a group', () => {
    const { clock, pacer } = pacerAt();
    const slots = Array.from({ length: 21 }, (_, i) => pacer.reserve('-1001', `g${i}`) - clock.now);
    expect(slots.filter((s) => s < 60_000)).toHaveLength(20);
  });

  it('moves a chat behind retry_after, keeping the order of its waiting messages', () => {
    const { clock, pacer } = pacerAt();
    for (const i of [1, 2, 3, 4, 5]) pacer.reserve('42', `m${i}`);
    pacer.release('42', 'm1');
    pacer.release('42', 'm2');
    pacer.block('42', 5000, 'm3');
    const order = ['m3', 'm4', 'm5'].map((k) => pacer.reserve('42', k) - clock.now);
    expect(order).toEqual([5000, 6000, 7000]);
    expect(pacer.reserve('42', 'm6') - clock.now).toBeGreaterThanOrEqual(8000);
  });

  it('spaces all sends a little under 30 per second overall', () => {
    const { clock, pacer } = pacerAt();
    let waited = 0;
    for (let i = 0; i < 30; i++) waited = pacer.takeGlobal();
    expect(waited).toBeGreaterThanOrEqual(999);
    expect(waited).toBeLessThan(1050);
    clock.now += 5000;
    expect(pacer.takeGlobal()).toBe(0);
  });
});
