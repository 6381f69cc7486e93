/**
 * A message that fails for a passing reason (the platform or the network away, a 5xx) is tried
 * again with a growing pause — 0.5 s, 1 s, 2 s … up to `maxDelayMs` between tries — until it is
 * `giveUpAfterMs` old; only then is it recorded as failed. An outage of hours loses nothing.
 */
export interface RetryPolicy {
  maxDelayMs: number;
  giveUpAfterMs: number;
}
export const RETRY_POLICY: RetryPolicy = { maxDelayMs: 5 * 60_000, giveUpAfterMs: 24 * 3_600_000 };
/** BullMQ needs a bound; a job that reaches it leaves its messages pending, and the sweeper re-enqueues them. */
export const JOB_ATTEMPTS = 1000;
/** The pause before try `attempt` (1 = the first retry). */
export const retryDelay = (attempt: number, policy: RetryPolicy) =>
  Math.min(policy.maxDelayMs, 500 * 2 ** Math.min(attempt, 30));

/** "26 h" or "3 min", for the error a coordinator may read. */
export function formatAge(ms: number): string {
  return ms >= 3_600_000 ? `${Math.round(ms / 3_600_000)} h` : `${Math.max(1, Math.round(ms / 60_000))} min`;
}
