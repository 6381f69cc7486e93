import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nextHarvestStage, outOfQuiet } from './harvest-plan.ts';

const zone = 'Europe/Amsterdam';
const local = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const show = (d: Date | undefined) =>
  d ? DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm') : '';

describe('nextHarvestStage', () => {
  it('asks an hour after the end of an afternoon session', () => {
    const next = nextHarvestStage(local('2026-11-10T16:00'), [], zone);
    expect(next?.stage).toBe('harvest_ask');
    expect(show(next?.dueAt)).toBe('2026-11-10 17:00');
  });

  it('never asks at night: an evening session ending 20:30 is asked about at 08:00 next morning', () => {
    expect(show(nextHarvestStage(local('2026-11-10T20:30'), [], zone)?.dueAt)).toBe('2026-11-11 08:00');
    expect(show(nextHarvestStage(local('2026-11-11T06:00'), [], zone)?.dueAt)).toBe('2026-11-11 08:00');
  });

  it('two nudges at 10:00, each after the previous one was sent, then the coordinator alert, then nothing', () => {
    const end = local('2026-11-10T16:00');
    const ask = { stage: 'harvest_ask' as const, sentAt: local('2026-11-10T17:00') };
    const n1 = nextHarvestStage(end, [ask], zone);
    expect([n1?.stage, show(n1?.dueAt)]).toEqual(['harvest_nudge_1', '2026-11-12 10:00']);
    const nudge1 = { stage: 'harvest_nudge_1' as const, sentAt: local('2026-11-12T10:00') };
    const n2 = nextHarvestStage(end, [ask, nudge1], zone);
    expect([n2?.stage, show(n2?.dueAt)]).toEqual(['harvest_nudge_2', '2026-11-15 10:00']);
    const nudge2 = { stage: 'harvest_nudge_2' as const, sentAt: local('2026-11-15T10:00') };
    const alert = nextHarvestStage(end, [ask, nudge1, nudge2], zone);
    expect([alert?.stage, show(alert?.dueAt)]).toEqual(['harvest_alert', '2026-11-18 10:00']);
    expect(
      nextHarvestStage(end, [ask, nudge1, nudge2, { stage: 'harvest_alert', sentAt: new Date() }], zone),
    ).toBeNull();
  });

  it('keeps local 10:00 across the daylight-saving switch', () => {
    const ask = { stage: 'harvest_ask' as const, sentAt: local('2026-10-23T17:00') };
    expect(show(nextHarvestStage(local('2026-10-23T16:00'), [ask], zone)?.dueAt)).toBe('2026-10-25 10:00');
  });

  it('outOfQuiet leaves daytime alone', () => {
    const t = DateTime.fromISO('2026-11-10T12:34', { zone });
    expect(outOfQuiet(t).toISO()).toBe(t.toISO());
  });
});
