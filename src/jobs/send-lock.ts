import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

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

const RELEASE_SHA = createHash('sha1').update(RELEASE_LOCK).digest('hex');

/** RELEASE_LOCK by its hash (the script's text is not sent every time); loaded once when Redis lacks it. */
async function releaseLock(connection: Redis, key: string, owner: string): Promise<void> {
  try {
    await connection.evalsha(RELEASE_SHA, 1, key, owner);
  } catch (err) {
    if (!String((err as Error).message).includes('NOSCRIPT')) throw err;
    await connection.eval(RELEASE_LOCK, 1, key, owner);
  }
}

/** A held send lock; `release` frees it only while this holder still has it. */
export interface HeldSendLock {
  release(): Promise<void>;
}

/** Takes the lock `key` for `owner` (renewed while held); null when someone else holds it. */
export async function takeSendLock(
  connection: Redis,
  key: string,
  owner: string,
): Promise<HeldSendLock | null> {
  if (!(await connection.set(key, owner, 'PX', SEND_LOCK_MS, 'NX'))) return null;
  const renew = setInterval(() => {
    void connection
      .get(key)
      .then((v) => (v === owner ? connection.pexpire(key, SEND_LOCK_MS) : 0))
      .catch(() => {});
  }, LOCK_RENEW_MS);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      clearInterval(renew);
      await releaseLock(connection, key, owner).catch(() => {});
    },
  };
}
