import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import type { IntakeOutcome } from './update-intake.ts';

export const WEBHOOK_PATH = '/telegram/webhook';
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** The least an update must have; the translator looks at the rest. */
const UpdateShape = z.looseObject({ update_id: z.number().int().nonnegative() });

export interface WebhookDeps {
  secret: string;
  handle(update: Update): Promise<IntakeOutcome>;
}

/**
 * `POST /telegram/webhook`: checks the secret header (constant time) before the body is even read,
 * stores the update once and answers 200 at once. Only a failure to store answers 5xx, so that
 * Telegram sends the update again; an update we do not use is acknowledged (200), because a
 * refusal would make Telegram send it again for a day and hold back that chat's later updates.
 */
export function telegramWebhookRoutes(server: FastifyInstance, deps: WebhookDeps): void {
  const expected = digest(deps.secret);
  server.post(
    WEBHOOK_PATH,
    {
      onRequest: async (req, reply) => {
        const given = req.headers[SECRET_HEADER];
        if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
          return reply.code(401).send({ error: 'unauthorized', message: 'Wrong or missing secret token.' });
        }
      },
    },
    async (req, reply) => {
      const shape = UpdateShape.safeParse(req.body);
      if (!shape.success) {
        return reply.code(400).send({
          error: 'invalid_update',
          message: 'Expected a Telegram Update with an integer update_id.',
        });
      }
      const outcome = await deps.handle(req.body as Update);
      return reply.code(200).send({ ok: true, outcome });
    },
  );
}

/** Hashing first makes both sides the same length, so the comparison leaks neither content nor length. */
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
