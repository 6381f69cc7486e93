import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { inboxRepo } from '../../src/db/inbox-repo.ts';
import { unitOfWork } from '../../src/db/unit-of-work.ts';
import { type InboundRecord, processInbound, type ShellDeps } from '../../src/flows/shell.ts';
import { startTestApp } from '../support/app.ts';

/**
 * A stored event may reach processing twice: recovered after a restart while still queued, or
 * picked up by two replicas. The claim in the processing transaction lets only one of them act.
 */
describe('each stored inbound event is processed once (PostgreSQL)', () => {
  let app: App;
  let deps: ShellDeps;
  beforeAll(async () => {
    app = await startTestApp();
    deps = {
      uow: unitOfWork(app.db.prisma),
      zone: app.config.APP_TIMEZONE,
      conversationTtlDays: app.config.CONVERSATION_TTL_DAYS,
      now: () => new Date(),
      log: { warn() {}, error() {} },
    };
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** Stores an event the way the webhook does, without handing it to the app's dispatcher. */
  async function stored(externalId: string, eventId: string, text: string): Promise<InboundRecord> {
    const content = { kind: 'text' as const, text };
    const r = await inboxRepo(app.db.prisma, 'nl').record({
      eventId,
      sender: { platform: 'LOCAL', externalId, displayName: 'Kim' },
      content,
      receivedAt: new Date(),
    });
    if (r.duplicate) throw new Error('stored before');
    return { id: r.id, personId: r.personId, platform: 'LOCAL', content };
  }

  const repliesTo = (inboundId: string) =>
    app.db.prisma.outboundMessage.findMany({ where: { idempotencyKey: { startsWith: `${inboundId}:` } } });

  it('processed twice at once: one of them acts, the other finds it done', async () => {
    const event = await stored('once-a', 'once-a-1', 'hallo');
    const results = await Promise.all([processInbound(deps, event), processInbound(deps, event)]);
    const counts = results.map((r) => r.outboundIds.length).sort();
    expect(counts[0]).toBe(0);
    expect(counts[1]).toBeGreaterThan(0);
    expect(await repliesTo(event.id)).toHaveLength(counts[1] ?? -1);
    const conversation = await app.db.prisma.conversation.findUniqueOrThrow({
      where: { personId: event.personId },
    });
    expect(conversation.rev).toBe(1);
    const row = await app.db.prisma.inboundEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row.status).toBe('PROCESSED');
  });

  it('processed again later (a restart recovering it): nothing happens twice', async () => {
    const event = await stored('once-b', 'once-b-1', 'hallo');
    const first = await processInbound(deps, event);
    expect(first.outboundIds.length).toBeGreaterThan(0);
    const again = await processInbound(deps, event);
    expect(again.outboundIds).toEqual([]);
    expect(await repliesTo(event.id)).toHaveLength(first.outboundIds.length);
    const conversation = await app.db.prisma.conversation.findUniqueOrThrow({
      where: { personId: event.personId },
    });
    expect(conversation.rev).toBe(1);
  });
});
