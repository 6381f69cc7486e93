import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import type { IntakeOutcome } from './update-intake.ts';

export const WEBHOOK_PATH = '/telegram/webhook';
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** Telegram ids of users and chats. */
const HasId = z.looseObject({ id: z.number().int() });
/**
 * The least an update must have, including the parts of a message or button press that the
 * translator reads without checking (Telegram always sends them); it looks at the rest itself.
 */
const UpdateShape = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: z.looseObject({ message_id: z.number().int(), chat: HasId, from: HasId.optional() }).optional(),
  callback_query: z
    .looseObject({ id: z.string(), from: HasId, message: z.looseObject({ chat: HasId }).optional() })
    .optional(),
});

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
        const wrong = [...new Set(shape.error.issues.map((i) => i.path.join('.') || 'body'))].join(', ');
        return reply.code(400).send({
          error: 'invalid_update',
          message: `Expected a Telegram Update (an integer update_id; a message with chat.id; a callback_query with id and from.id). Missing or wrong: ${wrong}.`,
        });
      }
      const outcome = await deps.handle(req.body as Update);
      return reply.code(200).send({ ok: true, outcome });
    },
  );
}

/** Hashing first makes both sides the same length, so the comparison leaks neither content nor length. */
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
