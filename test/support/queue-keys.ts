// Used by tests and by bench/ (both share the Redis server with other runs).
import type { App } from '../../src/app.ts';

/** Deletes every Redis key of this app's queue prefix (other test files and runs share the Redis server). */
export async function deleteQueueKeys(app: Pick<App, 'config'>): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(app.config.REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${app.config.QUEUE_PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}
