/* The person's send lock in Redis: one sender at a time per person (queue jobs, direct sends, replicas). */

/**
 * While one job sends a person's messages, no other job (a later batch, a sweeper re-enqueue,
 * another replica) sends to that person: messages go out once, and in the order they were written.
 */
export const SEND_LOCK_MS = 15_000;
/** The lock is renewed while sending, so a crashed sender blocks a person for at most SEND_LOCK_MS. */
export const LOCK_RENEW_MS = 5_000;
/** How long a job waits before trying again while another job is sending to the same person. */
export const LOCK_WAIT_MS = 250;
/** Releases the send lock only if this job still holds it (one round trip). */
export const RELEASE_LOCK =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
