import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers one request to /v1/chat/completions. */
export type FakeBehaviour =
  | { kind: 'json'; value: unknown } // a structured answer: `value` serialised as the message content
  | { kind: 'content'; content: string } // raw content (invalid JSON, prose, …)
  | { kind: 'refusal'; refusal: string }
  | { kind: 'status'; status: number; retryAfter?: number }
  | { kind: 'hang' } // never answers (until the fake closes)
  | { kind: 'length' }; // finish_reason "length"

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model?: string;
    messages?: Array<{ role: string; content: string }>;
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
    [k: string]: unknown;
  };
}

export interface FakeOpenAI {
  /** Base URL to give the client (`OPENAI_BASE_URL`), ending in /v1. */
  url: string;
  requests: RecordedRequest[];
  /** Answers for the next requests, in order; after that the default. */
  enqueue(...behaviours: FakeBehaviour[]): void;
  /** The answer when the queue is empty: a behaviour, or a function of the request. */
  setDefault(b: FakeBehaviour | ((req: RecordedRequest) => FakeBehaviour)): void;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A small OpenAI-compatible server for tests: implements POST /v1/chat/completions, records
 * every request, and answers as told (valid JSON, invalid JSON, refusal, 429, 5xx, or never).
 */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const queue: FakeBehaviour[] = [];
  const hanging = new Set<ServerResponse>();
  let fallback: FakeBehaviour | ((req: RecordedRequest) => FakeBehaviour) = { kind: 'status', status: 500 };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    // Speech to text comes as multipart form data: its fields (and the file, as text) are recorded.
    const audio = req.url?.endsWith('/audio/transcriptions') === true;
    if (req.method !== 'POST' || !req.url || !(req.url.endsWith('/chat/completions') || audio)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    const recorded: RecordedRequest = {
      path: req.url,
      headers: req.headers,
      body: audio
        ? multipartFields(Buffer.concat(chunks), String(req.headers['content-type']))
        : JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
    };
    requests.push(recorded);
    const b = queue.shift() ?? (typeof fallback === 'function' ? fallback(recorded) : fallback);
    answer(res, b, recorded);
  });

  function answer(res: ServerResponse, b: FakeBehaviour, req: RecordedRequest): void {
    if (b.kind === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (b.kind === 'status') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (b.retryAfter !== undefined) headers['retry-after'] = String(b.retryAfter);
      res
        .writeHead(b.status, headers)
        .end(JSON.stringify({ error: { message: `fake ${b.status}`, type: 'fake' } }));
      return;
    }
    if (req.path.endsWith('/audio/transcriptions')) {
      // 'json': the body as given; 'content': a transcript with that text; anything else: a 500.
      const ok = b.kind === 'json' || b.kind === 'content';
      const body = b.kind === 'json' ? b.value : b.kind === 'content' ? { text: b.content } : { error: {} };
      res.writeHead(ok ? 200 : 500, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    const message =
      b.kind === 'refusal'
        ? { role: 'assistant', content: null, refusal: b.refusal }
        : {
            role: 'assistant',
            content:
              b.kind === 'json' ? JSON.stringify(b.value) : b.kind === 'content' ? b.content : '{"partial":',
            refusal: null,
          };
    const body = {
      id: `chatcmpl-fake-${requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: req.body.model ?? 'fake',
      choices: [
        { index: 0, message, finish_reason: b.kind === 'length' ? 'length' : 'stop', logprobs: null },
      ],
      usage: { prompt_tokens: 321, completion_tokens: 123, total_tokens: 444 },
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...b) => queue.push(...b),
    setDefault: (b) => {
      fallback = b;
    },
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The fields of a multipart/form-data body (a file's content as UTF-8 text). */
function multipartFields(raw: Buffer, contentType: string): Record<string, string> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const mark = boundary?.[1] ?? boundary?.[2];
  if (!mark) return {};
  const fields: Record<string, string> = {};
  for (const part of raw.toString('utf8').split(`--${mark}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const name = /name="([^"]+)"/.exec(part.slice(0, split))?.[1];
    if (name) fields[name] = part.slice(split + 4).replace(/\r\n$/, '');
  }
  return fields;
}
