import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { type LocalAdapter, type LocalPush, toLocalMessage } from './bots/local/local-adapter.ts';
import type { OutboundMessage } from './bots/ports.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import type { RolePlan } from './roles.ts';

/** What goes over Redis: ids only, never text (the receiving process reads the row). */
interface Note {
  origin: string;
  persona: string;
  id: string;
}

/**
 * The local web chat's live view across processes. A reply is "sent" by pushing it to the browsers
 * watching the persona, which are connected to an http process, while a worker delivered it. So a
 * process that delivers publishes the id of every local message it pushed (Redis pub/sub), and a
 * process that serves the chat reads that message from PostgreSQL and pushes it to its own
 * browsers. A process in role `all` alone needs none of this; it ignores its own notes.
 * Best effort: a note missed (Redis away) shows at the next reload, from the history.
 */
export async function bridgeLocalChat(deps: {
  plan: RolePlan;
  adapter: LocalAdapter;
  redis: Redis;
  prisma: PrismaClient;
  prefix: string;
  log: Pick<Logger, 'warn'>;
}): Promise<() => Promise<void>> {
  const { plan, adapter, redis, prisma, log } = deps;
  const channel = `${deps.prefix}:local-chat`;
  const origin = randomBytes(6).toString('hex');
  const bridged = new WeakSet<LocalPush>();
  const stops: (() => Promise<void> | void)[] = [];

  if (plan.works) {
    stops.push(
      adapter.subscribe((p) => {
        if (bridged.has(p) || p.message.direction !== 'out') return;
        const note: Note = { origin, persona: p.persona, id: p.message.id };
        redis.publish(channel, JSON.stringify(note)).catch((err) => {
          log.warn({ err: (err as Error).message }, 'local chat: publishing a delivery failed');
        });
      }),
    );
  }

  if (plan.receives) {
    const sub = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    sub.on('error', (err) => log.warn({ err: err.message }, 'local chat bridge: redis error'));
    sub.on('message', (_channel: string, raw: string) => {
      void relay(raw).catch((err) => log.warn({ err: (err as Error).message }, 'local chat: relay failed'));
    });
    await sub.subscribe(channel);
    stops.push(async () => {
      sub.disconnect();
    });
  }

  async function relay(raw: string): Promise<void> {
    const note = JSON.parse(raw) as Note;
    if (note.origin === origin) return;
    const row = await prisma.outboundMessage.findUnique({
      where: { id: note.id },
      select: { id: true, createdAt: true, payload: true },
    });
    if (!row) return;
    const push: LocalPush = {
      persona: note.persona,
      message: toLocalMessage(row.id, row.createdAt, row.payload as unknown as OutboundMessage),
    };
    bridged.add(push);
    adapter.push(push);
  }

  return async () => {
    for (const stop of stops) await stop();
  };
}
