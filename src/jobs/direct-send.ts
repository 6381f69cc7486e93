import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ChannelAdapter, Platform } from '../bots/ports.ts';
import type { OutboxRepo } from '../db/outbox-repo.ts';
import { DIRECT_PLATFORMS, type DirectDelivery, type SendReservation } from '../flows/shell.ts';
import type { Metrics } from '../http/metrics.ts';
import type { DeliveryRoute } from './delivery.ts';
import { takeSendLock } from './send-lock.ts';

/** Ids of messages this process sent directly, remembered so a later step knows they are not waiting. */
const SENT_MEMORY = 10_000;

export interface DirectSendDeps {
  connection: Redis;
  outbox: OutboxRepo;
  adapters: Partial<Record<Platform, ChannelAdapter>>;
  log: Logger;
  metrics: Metrics;
  lockKey: (personId: string) => string;
  /** The outbound queue, for whatever is not sent here. */
  enqueue: (ids: string[], routes: DeliveryRoute[]) => Promise<void>;
}

/** A step's replies sent from this process right after its commit (src/jobs/delivery.ts `sendNow`). */
export function createDirectSend(deps: DirectSendDeps) {
  /** Per person, this process's direct sends one after another, in the order their steps committed. */
  const directChains = new Map<string, Promise<void>>();
  /** Direct sends per person started and not finished yet (the one running included). */
  const inChain = new Map<string, number>();
  const sentHere = new Set<string>();
  const rememberSent = (id: string) => {
    sentHere.add(id);
    if (sentHere.size > SENT_MEMORY) {
      const oldest = sentHere.values().next().value;
      if (oldest !== undefined) sentHere.delete(oldest);
    }
  };

  /** Takes the person's send lock (renewed until released); null when someone else holds it. */
  async function reserve(personId: string, platform: Platform): Promise<SendReservation | null> {
    if (!DIRECT_PLATFORMS.has(platform)) return null;
    const owner = `direct:${personId}:${Date.now()}:${Math.random().toString(36).slice(2, 8)}`;
    return takeSendLock(deps.connection, deps.lockKey(personId), owner);
  }

  /**
   * Sends a step's replies from this process right after its commit: no job, no reading them back.
   * The step took the person's send lock before it committed (`d.reservation`, the same lock the
   * queue's senders take), so no queue job, sweep or replica can have sent them meanwhile. Without
   * it (the lock was busy then) it is taken now, and the replies still pending are read again
   * first. Only when nothing older to the person is waiting (else the queue keeps the order).
   * Anything not sent here — a busy lock, a 429, an error, a message written meanwhile — goes to the
   * queue, which retries, honours retry_after and marks blocked users. The adapter paces per chat
   * and overall (Telegram: 30 msg/s per process).
   */
  async function sendDirect(d: DirectDelivery): Promise<void> {
    const ids = d.messages.map((m) => m.id);
    const toQueue = () => deps.enqueue(ids, [{ platform: d.platform, personId: d.personId, ids }]);
    const adapter = deps.adapters[d.platform];
    let held = d.reservation ?? null;
    if (!adapter || !DIRECT_PLATFORMS.has(d.platform) || d.waiting.some((id) => !sentHere.has(id))) {
      await held?.release();
      return toQueue();
    }
    let messages = d.messages;
    if (!held) {
      held = await reserve(d.personId, d.platform);
      if (!held) return toQueue();
      // Committed before the lock was ours: a queue job may have sent some of them already.
      const pending = new Set(await deps.outbox.stillPending(ids));
      messages = messages.filter((m) => pending.has(m.id));
    }
    let queueAfter = true;
    try {
      for (const [i, m] of messages.entries()) {
        const result = await adapter.send(d.target, m.message, { deliveryId: m.id, createdAt: m.createdAt });
        if (!result.ok && result.reason === 'unreachable') {
          // Blocked or gone: recorded as the queue would, without asking Telegram again for each message.
          await deps.outbox.markUnreachable(d.identityId);
          for (const rest of messages.slice(i))
            await deps.outbox.markFailed(rest.id, `unreachable: ${result.detail}`);
          deps.metrics.outbound.inc({ platform: d.platform, outcome: 'unreachable' });
          queueAfter = false;
          break;
        }
        if (!result.ok) {
          // Counted like the queue's attempts; the queue tries again at once (a 429 is no attempt).
          if (result.reason === 'transient') await deps.outbox.markAttempt(m.id, result.reason);
          break;
        }
        if (i === messages.length - 1) {
          // Marking the last one also tells whether anything to the person was written meanwhile.
          queueAfter = await deps.outbox.markSentAndCheck(m.id, result.externalMessageId, d);
        } else await deps.outbox.markSent(m.id, result.externalMessageId);
        rememberSent(m.id);
        deps.metrics.outbound.inc({ platform: d.platform, outcome: 'sent' });
      }
    } finally {
      await held.release();
    }
    // Written meanwhile: when it is the next reply in this process's chain, that send takes it;
    // anything else has its own job (which waited for the lock), so a job here would only wait too.
    if (queueAfter && (inChain.get(d.personId) ?? 0) <= 1) await toQueue();
  }

  return {
    reserve,

    /** Starts sending; returns at once. Replies to the same person go out in the order given. */
    sendNow(d: DirectDelivery): void {
      inChain.set(d.personId, (inChain.get(d.personId) ?? 0) + 1);
      const previous = directChains.get(d.personId) ?? Promise.resolve();
      const next = previous
        .then(() => sendDirect(d))
        .catch(async (err) => {
          deps.log.warn({ err: (err as Error).message }, 'direct send failed; queueing it');
          await d.reservation?.release();
          const ids = d.messages.map((m) => m.id);
          await deps
            .enqueue(ids, [{ platform: d.platform, personId: d.personId, ids }])
            .catch(() => deps.log.warn({}, 'enqueue failed; sweeper will retry'));
        });
      directChains.set(d.personId, next);
      void next.then(() => {
        const left = (inChain.get(d.personId) ?? 1) - 1;
        if (left > 0) inChain.set(d.personId, left);
        else inChain.delete(d.personId);
        if (directChains.get(d.personId) === next) directChains.delete(d.personId);
      });
    },

    /** Resolves when every direct send started so far has finished (shutdown, tests). */
    async settled(): Promise<void> {
      while (directChains.size > 0) await Promise.all([...directChains.values()]);
    },
  };
}
