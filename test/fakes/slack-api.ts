import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call as the fake received it; object arguments (blocks, view) are JSON-decoded. */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
}

/** A failure to inject into the next `times` calls of a method. */
export type Injected =
  | { status: 429; retryAfter: number; times?: number }
  | { status: 500 | 502 | 503; times?: number }
  | { error: string; times?: number };

const JSON_ARGS = new Set(['blocks', 'view', 'attachments', 'files', 'metadata']);

/**
 * A fake Slack Web API on 127.0.0.1: records every call, answers like Slack (including Block Kit
 * limit errors), and injects 429s with Retry-After, 5xx and platform errors on request.
 */
export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  private server: Server | null = null;
  private readonly failures = new Map<string, Injected[]>();
  private seq = 0;
  url = '';
  /** The token downloads must carry. */
  botToken = 'xoxb-fake';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/api/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Makes the next call(s) of `method` fail as described. */
  inject(method: string, failure: Injected): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < (failure.times ?? 1); i++) list.push(failure);
    this.failures.set(method, list);
  }

  callsOf(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `predicate` holds for the recorded calls (polling; the fake records asynchronously). */
  async waitFor(predicate: (calls: SlackCall[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline) throw new Error(`fake Slack: condition not met after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/upload/')) {
      this.calls.push({ method: 'upload', args: { path, bytes: raw.length }, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${raw.length}`);
      return;
    }
    if (path.startsWith('/files/')) {
      // A file a person shared (url_private_download): only with the bot token, as Slack requires.
      const authorised = req.headers.authorization === `Bearer ${this.botToken}`;
      this.calls.push({ method: 'download', args: { path, authorised }, at: Date.now() });
      if (!authorised) res.writeHead(403).end();
      else res.writeHead(200, { 'content-type': 'audio/webm' }).end(Buffer.from(`bytes of ${path}`));
      return;
    }
    const method = path.replace(/^\/api\//, '');
    const args = parseArgs(req.headers['content-type'] ?? '', raw);
    this.calls.push({ method, args, at: Date.now() });

    const failure = this.failures.get(method)?.shift();
    if (failure && 'status' in failure) {
      if (failure.status === 429) {
        res.writeHead(429, { 'retry-after': String(failure.retryAfter), 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      } else {
        res.writeHead(failure.status, { 'content-type': 'text/plain' }).end('upstream trouble');
      }
      return;
    }
    const body = failure ? { ok: false, error: failure.error } : this.answer(method, args);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0TEST', user: 'dialoogbot' };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users ?? 'X')}` } };
      case 'chat.postMessage':
      case 'chat.update': {
        const problem = blockProblem(args.blocks);
        if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
        return { ok: true, channel: args.channel, ts: method === 'chat.update' ? args.ts : ts };
      }
      case 'views.publish':
      case 'views.open':
      case 'views.update': {
        const view = args.view as { blocks?: unknown[] } | undefined;
        if (!view || (view.blocks?.length ?? 0) > 100) return { ok: false, error: 'invalid_arguments' };
        return { ok: true, view: { id: `V${++this.seq}`, ...view } };
      }
      case 'files.getUploadURLExternal':
        return {
          ok: true,
          upload_url: `${this.url.replace(/api\/$/, '')}upload/F${++this.seq}`,
          file_id: `F${this.seq}`,
        };
      case 'files.completeUploadExternal':
        return { ok: true, files: args.files };
      default:
        return { ok: true };
    }
  }
}

function parseArgs(contentType: string, raw: Buffer): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw.toString('utf8') || '{}');
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) {
    out[k] = JSON_ARGS.has(k) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** What Slack would reject: too many blocks, overlong sections, buttons or ids. */
export function blockProblem(blocks: unknown): string | null {
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length > 50) return `too many blocks (${blocks.length})`;
  for (const b of blocks as {
    type: string;
    text?: { text: string };
    elements?: Record<string, unknown>[];
  }[]) {
    if (b.type === 'section' && (b.text?.text.length ?? 0) > 3000) return 'section text over 3000';
    for (const e of b.elements ?? []) {
      if (e.type !== 'button') continue;
      if (String(e.value ?? '').length > 2000) return 'button value over 2000';
      if (String(e.action_id ?? '').length > 255) return 'action_id over 255';
      if (((e.text as { text: string }).text ?? '').length > 75) return 'button text over 75';
    }
  }
  return null;
}
