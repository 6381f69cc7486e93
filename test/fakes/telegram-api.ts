import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Bot API call as the fake received it (JSON, form or multipart; nested objects decoded). */
export interface TelegramCall {
  method: string;
  params: Record<string, unknown>;
  /** When the fake received it (ms epoch). */
  at: number;
  /** The HTTP status the fake answered. */
  status: number;
  /** The message id the fake gave a successful send. */
  messageId?: number;
}

/** A failure to inject into the next `times` calls of a method. */
export type Injected =
  | { status: 429; retryAfter: number; times?: number }
  | { status: 500 | 502 | 503; times?: number }
  | { status: 400 | 403; description: string; times?: number };

/** A file the fake serves through getFile and /file/bot<token>/<path>. */
export interface FakeFile {
  content: Buffer;
  /** Size getFile reports (defaults to the content's). */
  fileSize?: number;
}

export interface FakeTelegramOptions {
  token: string;
  /** Answer every call after this many milliseconds. */
  delayMs?: number;
  /** Listen on this port (default: any free one). */
  port?: number;
}

const SEND_METHODS = new Set(['sendMessage', 'sendDocument', 'sendPhoto', 'editMessageText', 'copyMessage']);

/**
 * A fake Telegram Bot API on 127.0.0.1. It records every call, answers like Telegram (including
 * the text and callback_data limits), serves files and long polling, and can inject 429 with
 * retry_after, 5xx, 403 "blocked", delays, an overall limit of N messages per second, and a
 * "429 storm" per chat. It also counts protocol violations: a call to a chat before the
 * retry_after it was given has passed.
 */
export class FakeTelegramApi {
  readonly calls: TelegramCall[] = [];
  /** Emits 'call' with each TelegramCall once answered (benchmarks wait on it instead of polling). */
  readonly events = new EventEmitter();
  /** Calls to a chat made before that chat's retry_after had passed. */
  violations = 0;
  rateLimited = 0;
  url = '';
  delayMs: number;
  private server: Server | null = null;
  private readonly failures = new Map<string, Injected[]>();
  private readonly blocked = new Set<string>();
  private readonly files = new Map<string, FakeFile>();
  private readonly retryUntil = new Map<string, number>();
  private readonly updates: Record<string, unknown>[] = [];
  private globalLimit = 0;
  private readonly recentSends: number[] = [];
  private storm: { every: number; retryAfter: number; count: Map<string, number> } | null = null;
  private messageSeq = 1000;

  constructor(private readonly opts: FakeTelegramOptions) {
    this.delayMs = opts.delayMs ?? 0;
    this.events.setMaxListeners(0);
  }

  static async start(opts: FakeTelegramOptions): Promise<FakeTelegramApi> {
    const fake = new FakeTelegramApi(opts);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    // Like api.telegram.org, connections stay open between calls. (Node's agent closes a kept-alive
    // socket whose server hints `timeout=1` at once, so 1 s here made every call a new connection.)
    fake.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => fake.server?.listen(opts.port ?? 0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as AddressInfo;
    fake.url = `http://127.0.0.1:${port}`;
    return fake;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Drops the failures still waiting for `method`. */
  clearInjected(method: string): void {
    this.failures.delete(method);
  }

  /** Makes the next call(s) of `method` fail as described. */
  inject(method: string, failure: Injected): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < (failure.times ?? 1); i++) list.push(failure);
    this.failures.set(method, list);
  }

  /** The user of this chat blocked the bot: sends answer 403 from now on. */
  block(chatId: string | number): void {
    this.blocked.add(String(chatId));
  }

  unblock(chatId: string | number): void {
    this.blocked.delete(String(chatId));
  }

  /** Enforces at most `perSecond` sends in any one-second window, over all chats (429 beyond). */
  limitOverall(perSecond: number): void {
    this.globalLimit = perSecond;
  }

  /** Every `every`-th send to each chat (starting with the first) answers 429 with `retryAfter` seconds. */
  startStorm(every: number, retryAfter: number): void {
    this.storm = { every, retryAfter, count: new Map() };
  }

  stopStorm(): void {
    this.storm = null;
  }

  addFile(fileId: string, file: FakeFile): void {
    this.files.set(fileId, file);
  }

  /** Queues an update for getUpdates (long polling). */
  pushUpdate(update: Record<string, unknown>): void {
    this.updates.push(update);
  }

  callsOf(method: string): TelegramCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Successful sendMessage calls, optionally to one chat, in the order the fake received them. */
  messages(chatId?: string | number): TelegramCall[] {
    return this.calls.filter(
      (c) =>
        c.method === 'sendMessage' &&
        c.status === 200 &&
        (chatId === undefined || String(c.params.chat_id) === String(chatId)),
    );
  }

  /** Waits until `predicate` holds for the recorded calls. */
  async waitFor(predicate: (calls: TelegramCall[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline) throw new Error(`fake Telegram: condition not met after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://fake');
      const body = await readBody(req);
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
      if (file) {
        this.serveFile(res, file[1] ?? '', decodeURIComponent(file[2] ?? ''));
        return;
      }
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
      if (!m) {
        send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
        return;
      }
      if (m[1] !== this.opts.token)
        return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const method = m[2] ?? '';
      const params = await parseParams(req, body, url);
      const call: TelegramCall = { method, params, at: Date.now(), status: 200 };
      this.calls.push(call);
      const [status, payload] = await this.answer(method, params, call.at);
      call.status = status;
      if (status === 200 && typeof (payload.result as { message_id?: number })?.message_id === 'number') {
        call.messageId = (payload.result as { message_id: number }).message_id;
      }
      send(res, status, payload);
      this.events.emit('call', call);
    } catch (err) {
      send(res, 500, { ok: false, error_code: 500, description: `fake crashed: ${(err as Error).message}` });
    }
  }

  private async answer(
    method: string,
    p: Record<string, unknown>,
    now: number,
  ): Promise<[number, Record<string, unknown>]> {
    const injected = this.failures.get(method)?.shift();
    if (injected) return failure(injected);
    const chat = p.chat_id === undefined ? null : String(p.chat_id);
    if (chat && SEND_METHODS.has(method)) {
      const until = this.retryUntil.get(chat) ?? 0;
      if (now < until) {
        this.violations++;
        return this.tooMany(chat, Math.ceil((until - now) / 1000), now);
      }
      if (this.blocked.has(chat)) {
        return [403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }];
      }
      if (this.globalLimit) {
        while (this.recentSends.length && (this.recentSends[0] ?? 0) <= now - 1000) this.recentSends.shift();
        if (this.recentSends.length >= this.globalLimit) return this.tooMany(chat, 1, now);
      }
      if (this.storm) {
        const n = (this.storm.count.get(chat) ?? 0) + 1;
        this.storm.count.set(chat, n);
        if ((n - 1) % this.storm.every === 0) return this.tooMany(chat, this.storm.retryAfter, now);
      }
    }
    switch (method) {
      case 'getMe':
        return ok({ id: 123456, is_bot: true, first_name: 'Dialoogbot', username: 'dialoog_test_bot' });
      case 'setWebhook':
      case 'deleteWebhook':
      case 'setMyCommands':
      case 'answerCallbackQuery':
      case 'editMessageReplyMarkup':
        return ok(true);
      case 'sendMessage':
      case 'editMessageText':
        return this.textMessage(method, p, now);
      case 'sendDocument':
      case 'sendPhoto':
        this.recentSends.push(now);
        return ok({
          message_id: ++this.messageSeq,
          date: Math.floor(now / 1000),
          chat: chatOf(p.chat_id),
          document: { file_id: `doc-${this.messageSeq}`, file_unique_id: `u${this.messageSeq}` },
        });
      case 'getFile': {
        const f = this.files.get(String(p.file_id));
        if (!f) return [400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' }];
        return ok({
          file_id: p.file_id,
          file_unique_id: `u-${String(p.file_id)}`,
          file_size: f.fileSize ?? f.content.length,
          file_path: `documents/${String(p.file_id)}.bin`,
        });
      }
      case 'getUpdates':
        return ok(await this.poll(p));
      default:
        return [404, { ok: false, error_code: 404, description: 'Not Found: method not found' }];
    }
  }

  private textMessage(
    method: string,
    p: Record<string, unknown>,
    now: number,
  ): [number, Record<string, unknown>] {
    const text = typeof p.text === 'string' ? p.text : '';
    if (!text.trim()) return badRequest('Bad Request: message text is empty');
    if (text.length > 4096) return badRequest('Bad Request: message is too long');
    const markup = p.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
    for (const b of markup?.inline_keyboard?.flat() ?? []) {
      if (!b.callback_data || Buffer.byteLength(b.callback_data) > 64)
        return badRequest('Bad Request: BUTTON_DATA_INVALID');
    }
    this.recentSends.push(now);
    const messageId = method === 'editMessageText' ? Number(p.message_id) : ++this.messageSeq;
    return ok({ message_id: messageId, date: Math.floor(now / 1000), chat: chatOf(p.chat_id), text });
  }

  private tooMany(chat: string, retryAfter: number, now: number): [number, Record<string, unknown>] {
    this.rateLimited++;
    this.retryUntil.set(chat, Math.max(this.retryUntil.get(chat) ?? 0, now + retryAfter * 1000));
    return [
      429,
      {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      },
    ];
  }

  private async poll(p: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const offset = Number(p.offset ?? 0);
    const deadline = Date.now() + Math.min(Number(p.timeout ?? 0), 1) * 1000;
    for (;;) {
      const ready = this.updates.filter((u) => Number(u.update_id) >= offset);
      if (ready.length || Date.now() >= deadline) return ready.slice(0, Number(p.limit ?? 100));
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private serveFile(res: ServerResponse, token: string, path: string): void {
    const id = /^documents\/(.+)\.bin$/.exec(path)?.[1];
    const f = id ? this.files.get(id) : undefined;
    if (token !== this.opts.token || !f) {
      send(res, 404, { ok: false, error_code: 404 });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': f.content.length });
    res.end(f.content);
  }
}

const ok = (result: unknown): [number, Record<string, unknown>] => [200, { ok: true, result }];
const badRequest = (description: string): [number, Record<string, unknown>] => [
  400,
  { ok: false, error_code: 400, description },
];

function failure(f: Injected): [number, Record<string, unknown>] {
  if (f.status === 429) {
    return [
      429,
      {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${f.retryAfter}`,
        parameters: { retry_after: f.retryAfter },
      },
    ];
  }
  if (f.status === 400 || f.status === 403)
    return [f.status, { ok: false, error_code: f.status, description: f.description }];
  return [f.status, { ok: false, error_code: f.status, description: 'Internal Server Error' }];
}

const chatOf = (id: unknown) => {
  const n = Number(id);
  return { id: n, type: n < 0 ? 'group' : 'private' };
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** grammY sends JSON, or multipart when a file is attached (nested objects then JSON-encoded). */
async function parseParams(req: IncomingMessage, body: Buffer, url: URL): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (body.length === 0) return params;
  if (type.includes('application/json'))
    return { ...params, ...(JSON.parse(body.toString('utf8')) as object) };
  if (type.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params[key] = decodeJson(value);
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (type.includes('multipart/form-data') && boundary) {
    for (const part of parseMultipart(body, boundary[1] ?? boundary[2] ?? '')) {
      params[part.name] =
        part.filename === undefined
          ? decodeJson(part.content.toString('utf8'))
          : { filename: part.filename, size: part.content.length, content: part.content };
    }
  }
  return params;
}

/** A small multipart/form-data reader (grammY's multipart bodies are not all accepted by undici's). */
function parseMultipart(
  body: Buffer,
  boundary: string,
): { name: string; filename?: string; content: Buffer }[] {
  const parts: { name: string; filename?: string; content: Buffer }[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const chunk = body.subarray(start + delimiter.length, next);
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = chunk.subarray(0, headerEnd).toString('utf8');
      let content = chunk.subarray(headerEnd + 4);
      if (content.subarray(-2).toString() === '\r\n') content = content.subarray(0, -2);
      const name = /[; ]name="?([^";\r\n]*)"?/.exec(headers)?.[1];
      const filename = /filename="?([^";\r\n]*)"?/.exec(headers)?.[1];
      if (name !== undefined) parts.push({ name, filename, content });
    }
    start = next;
  }
  return parts;
}

function decodeJson(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
