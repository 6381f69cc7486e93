import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';

export interface QueueBoardDeps {
  connection: Redis;
  prefix: string;
  /** BullMQ queue names as src/jobs creates them ('timers', 'outbound-<platform>'). */
  names: string[];
  /** Redis outages are the readiness check's business here: one warning line, no stack trace. */
  log: { warn: (obj: object, msg: string) => void };
}

/** The board loads only its own files: no web fonts from elsewhere (offline use, and no visitor IPs leave). */
const BOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/**
 * bull-board under `basePath`, read-only (no retry, clean or pause from the web): the caller puts it
 * behind the coordinator session. It reads the same queues the workers use (same names and prefix).
 */
export async function queueBoard(scope: FastifyInstance, deps: QueueBoardDeps, basePath: string) {
  const queues = deps.names.map((name) => {
    const queue = new Queue(name, { connection: deps.connection, prefix: deps.prefix });
    queue.on('error', (err) => deps.log.warn({ err: err.message, queue: name }, 'queue board error'));
    return queue;
  });
  const serverAdapter = new FastifyAdapter();
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q, { readOnlyMode: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Dialoogbot' } },
  });
  serverAdapter.setBasePath(basePath);
  scope.addHook('onSend', async (_req, reply, payload) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-frame-options', 'DENY');
    if (typeof payload === 'string' && payload.includes('fonts.googleapis.com')) {
      reply.header('content-security-policy', BOARD_CSP);
      return payload.replace(/<link[^>]+fonts\.googleapis\.com[^>]*>/g, '');
    }
    return payload;
  });
  // The connection is the app's and closes with it; the queue objects only hold listeners.
  scope.addHook('onClose', async () => {
    await Promise.allSettled(queues.map((q) => q.close()));
  });
  await scope.register(serverAdapter.registerPlugin());
}
