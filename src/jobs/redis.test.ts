import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { checkRedis } from './redis.ts';

// The eviction policy of the shared Redis cannot be changed under a running suite, so the policy
// answer is stubbed here; the real connection is exercised by every integration test.
const stub = (policy: string | Error) =>
  ({
    status: 'ready',
    ping: async () => 'PONG',
    config: async () => {
      if (policy instanceof Error) throw policy;
      return ['maxmemory-policy', policy];
    },
  }) as unknown as Redis;

describe('checkRedis', () => {
  it('accepts noeviction', async () => {
    await expect(checkRedis(stub('noeviction'))).resolves.toBeUndefined();
  });
  it('refuses an evicting policy with a clear instruction', async () => {
    await expect(checkRedis(stub('allkeys-lru'))).rejects.toThrow(
      /needs "noeviction".*CONFIG SET maxmemory-policy noeviction/,
    );
  });
  it('trusts a managed Redis that disables CONFIG', async () => {
    await expect(checkRedis(stub(new Error('unknown command CONFIG')))).resolves.toBeUndefined();
  });
});
