import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { InboundRecord } from '../flows/shell.ts';
import { inboxRecovery, onRedisBack } from './recovery.ts';

const record = (id: string): InboundRecord => ({
  id,
  personId: 'p1',
  platform: 'LOCAL',
  content: { kind: 'text', text: 'hallo' } as InboundRecord['content'],
});
const log = { warn: () => {} };

describe('inbox recovery', () => {
  it('re-dispatches events left unprocessed for a whole round, never one this process is still running', async () => {
    const runs: string[] = [];
    let release = () => {};
    const recovery = inboxRecovery({
      unprocessed: async () => [record('a'), record('b')],
      dispatch: async (r) => {
        runs.push(r.id);
        if (r.id === 'a') await new Promise<void>((resolve) => (release = resolve));
      },
      log,
    });
    recovery.dispatch(record('a'));
    await recovery.recover(); // first sight of 'b': it may be another replica's fresh event
    expect(runs).toEqual(['a']);
    await recovery.recover(); // 'a' is in flight: only 'b' runs
    expect(runs).toEqual(['a', 'b']);
    release();
    await new Promise((r) => setImmediate(r));
    await recovery.recover(); // 'a' finished but is still unprocessed (it failed): it runs again
    expect(runs).toEqual(['a', 'b', 'a', 'b']);
  });

  it('at start, everything left unprocessed runs at once', async () => {
    const runs: string[] = [];
    const recovery = inboxRecovery({
      unprocessed: async () => [record('x')],
      dispatch: async (r) => void runs.push(r.id),
      log,
    });
    await recovery.recover(true);
    expect(runs).toEqual(['x']);
  });

  it('a failing database read is logged and retried at the next round, not thrown', async () => {
    const warnings: string[] = [];
    const recovery = inboxRecovery({
      unprocessed: async () => {
        throw new Error('Connection terminated unexpectedly');
      },
      dispatch: async () => {},
      log: { warn: (_o: object, msg: string) => void warnings.push(msg) } as never,
    });
    await expect(recovery.recover()).resolves.toBeUndefined();
    expect(warnings).toHaveLength(1);
  });
});

describe('onRedisBack', () => {
  it('restores once when the connection is ready again after it was lost, not on the first connect', async () => {
    const redis = new EventEmitter() as unknown as Redis;
    let restored = 0;
    const stop = onRedisBack(redis, async () => void restored++, log);
    redis.emit('ready');
    expect(restored).toBe(0);
    redis.emit('close');
    redis.emit('close');
    redis.emit('ready');
    redis.emit('ready');
    expect(restored).toBe(1);
    stop();
    redis.emit('close');
    redis.emit('ready');
    expect(restored).toBe(1);
  });
});
