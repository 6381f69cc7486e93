import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { LocalChatRepo } from '../../db/local-chat-repo.ts';
import type { InboundEvent } from '../ports.ts';
import type { LocalAdapter } from './local-adapter.ts';

const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../http/local-chat/public');
const STATIC: Record<string, string> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/styles.css': 'styles.css',
  '/i18n.js': 'i18n.js',
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const SendBody = z
  .object({
    persona: z.string().min(1).max(100),
    clientMessageId: z.string().min(1).max(100),
    text: z.string().max(50_000).optional(),
    buttonId: z.string().min(1).max(64).optional(),
  })
  .refine((b) => (b.text !== undefined) !== (b.buttonId !== undefined), 'send either text or buttonId');

export interface LocalRoutesDeps {
  adapter: LocalAdapter;
  repo: LocalChatRepo;
  /** Stores and schedules an inbound event; reports duplicates. */
  receive(event: InboundEvent): Promise<{ duplicate: boolean; id?: string }>;
}

/** The local web chat: static page, persona list, send, history, and a server-sent event stream. */
export async function localChatRoutes(app: FastifyInstance, deps: LocalRoutesDeps): Promise<void> {
  for (const [route, file] of Object.entries(STATIC)) {
    app.get(route, async (_req, reply) => {
      const body = await readFile(path.join(PUBLIC_DIR, file));
      return reply
        .type(TYPES[path.extname(file)] ?? 'application/octet-stream')
        .header('cache-control', 'no-cache')
        .send(body);
    });
  }

  app.get('/api/local/personas', async () => ({ personas: await deps.repo.personas() }));

  app.post('/api/local/personas', async (req, reply) => {
    const body = z.object({ name: z.string().max(200).optional() }).safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send({ error: 'invalid_body', message: 'name must be text' });
    return reply.code(201).send({ persona: await deps.repo.createPersona(body.data.name) });
  });

  app.post('/api/local/messages', async (req, reply) => {
    const body = SendBody.safeParse(req.body);
    if (!body.success) {
      return reply
        .code(400)
        .send({ error: 'invalid_body', message: 'Send {persona, clientMessageId, text | buttonId}.' });
    }
    const { persona, clientMessageId, text, buttonId } = body.data;
    if (!(await deps.repo.persona(persona))) {
      return reply
        .code(404)
        .send({ error: 'unknown_persona', message: `No persona "${persona.slice(0, 40)}".` });
    }
    const event: InboundEvent = {
      eventId: `${persona}:${clientMessageId}`,
      sender: { platform: 'LOCAL', externalId: persona },
      content: buttonId ? { kind: 'button', buttonId } : { kind: 'text', text: text ?? '' },
      receivedAt: new Date(),
    };
    const { duplicate, id } = await deps.receive(event);
    if (!duplicate && id) {
      // Show the person's own message at once in every open view (same id as in the history).
      const shown = text ?? (await deps.repo.buttonLabel(buttonId ?? '')) ?? '🔘';
      deps.adapter.push({
        persona,
        message: {
          id,
          seq: event.receivedAt.getTime(),
          direction: 'in',
          text: shown,
          at: event.receivedAt.toISOString(),
        },
      });
    }
    return reply.code(202).send({ accepted: true, duplicate });
  });

  app.get('/api/local/messages', async (req, reply) => {
    const q = z.object({ persona: z.string().min(1).max(100) }).safeParse(req.query);
    if (!q.success) return reply.code(400).send({ error: 'invalid_query', message: 'persona is required' });
    return { messages: await deps.repo.history(q.data.persona) };
  });

  app.get('/api/local/files/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const file = await deps.repo.file(id);
    if (!file) return reply.code(404).send({ error: 'not_found', message: 'No such file.' });
    return reply
      .type(file.mimeType)
      .header('content-disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`)
      .send(Buffer.from(file.contentBase64, 'base64'));
  });

  const streams = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of streams) end();
  });

  app.get('/api/local/events', (req, reply) => {
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    reply.raw.write(': connected\n\n');
    const unsubscribe = deps.adapter.subscribe((p) => {
      reply.raw.write(`event: message\ndata: ${JSON.stringify(p)}\n\n`);
    });
    const heartbeat = setInterval(() => reply.raw.write(': ping\n\n'), 15_000);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(end);
    };
    const end = () => {
      close();
      reply.raw.end();
    };
    streams.add(end);
    req.raw.on('close', close);
    reply.hijack();
  });
}
