import { DateTime } from 'luxon';
import { isQuiet, QUIET_HOURS } from './reminder-plan.ts';

/** After a session: ask the lead, at most two gentle nudges, then tell the coordinators. */
export const HARVEST_STAGES = ['harvest_ask', 'harvest_nudge_1', 'harvest_nudge_2', 'harvest_alert'] as const;
export type HarvestStage = (typeof HARVEST_STAGES)[number];

/** How long after the previous stage each next one comes (days; at 10:00 local). */
const DAYS_AFTER: Record<Exclude<HarvestStage, 'harvest_ask'>, number> = {
  harvest_nudge_1: 2,
  harvest_nudge_2: 3,
  harvest_alert: 3,
};
/** The ask comes this long after the session ends (out of quiet hours). */
export const ASK_AFTER_MINUTES = 60;

export interface SentStage {
  stage: HarvestStage;
  sentAt: Date;
}

/**
 * The next stage that is due for a session's harvest and when, or null when every stage was sent.
 * Each stage follows the previous one *as it was sent*, so an outage never fires them back to back.
 */
export function nextHarvestStage(
  endsAt: Date,
  sent: SentStage[],
  zone: string,
): { stage: HarvestStage; dueAt: Date } | null {
  const done = new Map(sent.map((s) => [s.stage, s.sentAt]));
  const index = HARVEST_STAGES.findIndex((s) => !done.has(s));
  const stage = HARVEST_STAGES[index];
  if (!stage) return null;
  if (stage === 'harvest_ask') {
    const at = DateTime.fromJSDate(endsAt, { zone }).plus({ minutes: ASK_AFTER_MINUTES });
    return { stage, dueAt: outOfQuiet(at).toJSDate() };
  }
  const previous = done.get(HARVEST_STAGES[index - 1] as HarvestStage) as Date;
  const at = DateTime.fromJSDate(previous, { zone })
    .plus({ days: DAYS_AFTER[stage] })
    .set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  return { stage, dueAt: at.toJSDate() };
}

/** The first moment at or after `t` outside quiet hours (the same morning, or the next one). */
export function outOfQuiet(t: DateTime): DateTime {
  if (!isQuiet(t)) return t;
  const morning = t.set({ hour: QUIET_HOURS.to, minute: 0, second: 0, millisecond: 0 });
  return t.hour < QUIET_HOURS.to ? morning : morning.plus({ days: 1 });
}
