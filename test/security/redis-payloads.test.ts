import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import { submitRequestViaChat } from '../support/intake-script.ts';
import { LocalChatClient, settle } from '../support/local-chat-client.ts';

/** A Tuesday at least ten days ahead, as the intake script types dates (demo volunteers: weekday evenings). */
function tuesdayEvening(): string {
  const d = new Date(Date.now() + 10 * 86_400_000);
  while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}-${mm}-${d.getUTCFullYear()} 19:00`;
}

/** Everything stored under the run's BullMQ prefix, as strings: hash fields, list/set members, stream entries. */
async function everythingUnder(redis: Redis, prefix: string): Promise<{ key: string; value: string }[]> {
  const keys = await redis.keys(`${prefix}:*`);
  const out: { key: string; value: string }[] = [];
  for (const key of keys) {
    const type = await redis.type(key);
    const values =
      type === 'hash'
        ? Object.entries(await redis.hgetall(key)).flat()
        : type === 'list'
          ? await redis.lrange(key, 0, -1)
          : type === 'zset'
            ? await redis.zrange(key, '0', '-1')
            : type === 'set'
              ? await redis.smembers(key)
              : type === 'stream'
                ? (await redis.xrange(key, '-', '+')).flatMap(([, fields]) => fields)
                : type === 'string'
                  ? [(await redis.get(key)) ?? '']
                  : [];
    for (const value of values) out.push({ key, value });
  }
  return out;
}

describe('BullMQ job payloads in Redis hold ids only (intake → offers → acceptance → reminders)', () => {
  let app: App;
  let redis: Redis;
  beforeAll(async () => {
    app = await startTestApp();
    redis = new Redis(app.config.REDIS_URL);
  });
  afterAll(async () => {
    redis?.disconnect();
    await app?.stop();
  });

  it('after a full request, offers, an acceptance and planned reminders, no text or personal data is in Redis', async () => {
    const fatima = new LocalChatClient(app, 'partner-fatima');
    expect(await submitRequestViaChat(fatima, { date: tuesdayEvening() })).toMatch(/#\d+/);
    await settle(app);
    const offer = await app.db.prisma.offer.findFirstOrThrow({
      where: { status: 'OPEN' },
      include: { person: { include: { identities: true } } },
    });
    const volunteer = new LocalChatClient(app, offer.person.identities[0]?.externalId ?? '');
    await volunteer.press('✅ Ja, ik doe het');
    await settle(app);
    expect(await app.db.prisma.scheduledReminder.count({ where: { status: 'PENDING' } })).toBeGreaterThan(0);

    const prefix = app.config.QUEUE_PREFIX;
    const stored = await everythingUnder(redis, prefix);
    const jobData = stored.filter((s, i) => stored[i - 1]?.value === 'data' && /:[^:]+:[^:]+$/.test(s.key));
    // Deliveries (completed jobs are kept an hour) and timers (offer expiry, reminders) are both there.
    expect(jobData.some((d) => d.value.includes('"ids"'))).toBe(true);
    expect(jobData.some((d) => d.value.includes('"kind"'))).toBe(true);
    for (const d of jobData) {
      const leaves: unknown[] = [];
      JSON.parse(d.value, (_k, v) => {
        if (typeof v !== 'object' || v === null) leaves.push(v);
        return v;
      });
      for (const leaf of leaves) expect(String(leaf), d.key).toMatch(/^[A-Za-z0-9_.:-]{1,64}$/);
    }

    // Nothing typed in the conversation, nor any name or address, anywhere under the prefix.
    const request = await app.db.prisma.dialogueRequest.findFirstOrThrow({ include: { organisation: true } });
    const personal = [
      'partner@example.org',
      'Gloriosa',
      'Ouderen',
      'Fatima',
      request.organisation.name,
      offer.person.displayName,
      request.goal,
    ];
    const everything = stored.map((s) => s.value).join('\n');
    for (const p of personal) expect(everything, p).not.toContain(p);
    expect(everything).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/);
  });
});
