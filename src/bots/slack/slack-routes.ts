import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { FastifyReceiver } from './slack-receiver.ts';
import { verifySlackSignature } from './slack-signature.ts';

export interface SlackRoutesDeps {
  signingSecret: string;
  receiver: FastifyReceiver;
  log: Logger;
  now?: () => Date;
}

/** Slack's payloads are small; a view submission with a long form is the largest we expect. */
const BODY_LIMIT = 1024 * 1024;

/**
 * `POST /slack/events`: events, interactivity and slash commands on one URL. The signature is
 * checked on the raw bytes before anything is parsed or stored; a bad or old one gets 401.
 */
export async function slackRoutes(app: FastifyInstance, deps: SlackRoutesDeps): Promise<void> {
  await app.register(async (scope) => {
    // Encapsulated: only this route keeps the raw body (the signature covers the exact bytes).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    scope.post('/slack/events', (req, reply) => handle(req, reply, deps));
  });
}

async function handle(req: FastifyRequest, reply: FastifyReply, deps: SlackRoutesDeps) {
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const check = verifySlackSignature({
    signingSecret: deps.signingSecret,
    timestamp: header(req, 'x-slack-request-timestamp'),
    signature: header(req, 'x-slack-signature'),
    rawBody: raw,
    now: deps.now?.() ?? new Date(),
  });
  if (!check.ok) {
    deps.log.warn({ reason: check.reason }, 'slack request refused');
    return reply.code(401).send({ error: 'invalid_signature' });
  }
  const body = parseBody(header(req, 'content-type') ?? '', raw);
  if (!body) return reply.code(400).send({ error: 'invalid_body' });
  if (body.type === 'url_verification' && typeof body.challenge === 'string') {
    return reply.code(200).send({ challenge: body.challenge });
  }
  const retryNum = Number(header(req, 'x-slack-retry-num'));
  const res = await deps.receiver.dispatch({
    body,
    retryNum: Number.isFinite(retryNum) ? retryNum : undefined,
    retryReason: header(req, 'x-slack-retry-reason'),
  });
  reply.code(res.status);
  if (res.body === undefined) return reply.send('');
  return typeof res.body === 'string'
    ? reply.type('text/plain; charset=utf-8').send(res.body)
    : reply.send(res.body);
}

/** JSON for the Events API; form-encoded for slash commands, and `payload=<json>` for interactivity. */
export function parseBody(contentType: string, raw: Buffer): Record<string, unknown> | null {
  try {
    const text = raw.toString('utf8');
    if (contentType.includes('application/json')) {
      const parsed = JSON.parse(text) as unknown;
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : null;
    }
    if (contentType.includes('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(text);
      const payload = form.get('payload');
      if (payload !== null) return JSON.parse(payload) as Record<string, unknown>;
      return Object.fromEntries(form);
    }
    return null;
  } catch {
    return null;
  }
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
