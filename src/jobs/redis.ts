import { Redis } from 'ioredis';

export class RedisConfigError extends Error {
  readonly code = 'REDIS_MISCONFIGURED';
}

/**
 * Connections for BullMQ. Workers need `maxRetriesPerRequest: null` (they block and must survive
 * reconnects); producers should fail fast so an HTTP request never hangs on a dead Redis.
 */
export function createRedis(url: string, role: 'worker' | 'producer'): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 2,
    enableOfflineQueue: role === 'worker',
    lazyConnect: false,
  });
}

/** Checks that Redis answers and will not evict BullMQ's keys under memory pressure. */
export async function checkRedis(redis: Redis, timeoutMs = 5000): Promise<void> {
  await waitReady(redis, timeoutMs);
  await redis.ping();
  let policy: string | undefined;
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    policy = reply[1];
  } catch {
    // Some managed services disable CONFIG; we cannot check, so we trust the operator.
    return;
  }
  if (policy && policy !== 'noeviction') {
    throw new RedisConfigError(
      `Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction" (run: redis-cli CONFIG SET maxmemory-policy noeviction, and set it in redis.conf)`,
    );
  }
}

function waitReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    let lastError = '';
    const onError = (err: Error) => {
      lastError = err.message;
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new RedisConfigError(
          `Redis is not reachable (${lastError || 'timeout'}). Start Redis or set REDIS_URL.`,
        ),
      );
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('error', onError);
    };
    redis.on('ready', onReady);
    redis.on('error', onError);
  });
}
