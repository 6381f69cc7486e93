import { Registry } from 'prom-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLlmClient, type LlmClientOptions } from '../../src/llm/llm-client.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../fakes/openai-api.ts';

const Answer = z.object({ word: z.string(), count: z.number().nullable() });
const request = {
  prompt: { id: 'test-prompt', version: 1 },
  system: 'You answer with one word.',
  user: '<<<DATA x>>>\nhello\n<<<END DATA x>>>',
  schema: Answer,
  schemaName: 'Answer',
};

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  fake.setDefault({ kind: 'status', status: 500 });
});

function client(options: LlmClientOptions = {}, registry = new Registry()) {
  return {
    registry,
    llm: createLlmClient(
      { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'fake-model', llmEnabled: true },
      { registry, options: { attemptTimeoutMs: 1_000, deadlineMs: 2_500, maxRetries: 1, ...options } },
    ),
  };
}

describe('LLM client against an OpenAI-compatible server', () => {
  it('sends a strict JSON schema and returns the parsed, validated answer with its token usage', async () => {
    fake.enqueue({ kind: 'json', value: { word: 'hallo', count: 2 } });
    const { llm, registry } = client();
    const r = await llm.structured(request);
    expect(r).toEqual({
      ok: true,
      value: { word: 'hallo', count: 2 },
      usage: { prompt: 321, completion: 123 },
    });
    const sent = fake.requests[0]?.body;
    expect(sent?.model).toBe('fake-model');
    expect(sent?.response_format?.type).toBe('json_schema');
    expect(sent?.response_format?.json_schema?.strict).toBe(true);
    expect(sent?.messages?.map((m) => m.role)).toEqual(['system', 'user']);
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer test-key');
    const metrics = await registry.metrics();
    expect(metrics).toMatch(/dialoog_llm_tokens_total\{prompt="test-prompt",kind="prompt"\} 321/);
    expect(metrics).toMatch(/dialoog_llm_tokens_total\{prompt="test-prompt",kind="completion"\} 123/);
    expect(metrics).toMatch(/dialoog_llm_requests_total\{prompt="test-prompt",outcome="ok"\} 1/);
  });

  it.each([
    ['invalid JSON', { kind: 'content', content: 'Sure! Here is the JSON: {word: hallo' }, 'invalid'],
    ['a schema mismatch', { kind: 'json', value: { word: 42, extra: true } }, 'invalid'],
    ['a refusal', { kind: 'refusal', refusal: "I can't help with that." }, 'refused'],
    ['a cut-off answer', { kind: 'length' }, 'invalid'],
    ['a 400', { kind: 'status', status: 400 }, 'error'],
  ] as const)('turns %s into a reason, without retrying', async (_, behaviour, reason) => {
    fake.enqueue(behaviour);
    const r = await client().llm.structured(request);
    expect(r).toEqual({ ok: false, reason });
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a 429 once within the deadline, honouring Retry-After', async () => {
    fake.enqueue(
      { kind: 'status', status: 429, retryAfter: 0 },
      { kind: 'json', value: { word: 'ok', count: null } },
    );
    const r = await client().llm.structured(request);
    expect(r.ok).toBe(true);
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up on repeated 5xx after the bounded retries', async () => {
    fake.setDefault({ kind: 'status', status: 503 });
    const r = await client({ maxRetries: 2 }).llm.structured(request);
    expect(r).toEqual({ ok: false, reason: 'error' });
    expect(fake.requests).toHaveLength(3);
  });

  it('does not wait for a Retry-After beyond the deadline', async () => {
    fake.enqueue({ kind: 'status', status: 429, retryAfter: 60 });
    const started = Date.now();
    const r = await client().llm.structured(request);
    expect(r).toEqual({ ok: false, reason: 'error' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.requests).toHaveLength(1);
  });

  it('times out a server that never answers, within the deadline', async () => {
    fake.setDefault({ kind: 'hang' });
    const started = Date.now();
    const r = await client({ attemptTimeoutMs: 400, deadlineMs: 1_000 }).llm.structured(request);
    expect(r).toEqual({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('refuses calls beyond the daily token budget without contacting the server', async () => {
    fake.setDefault({ kind: 'json', value: { word: 'ok', count: 1 } });
    const { llm, registry } = client({ dailyTokenBudget: 2_000 });
    const first = await llm.structured({ ...request, maxOutputTokens: 500 });
    expect(first.ok).toBe(true);
    const second = await llm.structured({ ...request, maxOutputTokens: 1_550 });
    expect(second).toEqual({ ok: false, reason: 'budget' });
    expect(fake.requests).toHaveLength(1);
    expect(await registry.metrics()).toMatch(/dialoog_llm_budget_remaining_tokens 1556/);
  });

  it('is a disabled client without OPENAI_API_KEY or OPENAI_BASE_URL', async () => {
    const llm = createLlmClient({ llmEnabled: false });
    expect(llm.enabled).toBe(false);
    expect(await llm.structured(request)).toEqual({ ok: false, reason: 'disabled' });
  });

  it('registers its metrics once per registry, however many clients share it', () => {
    const registry = new Registry();
    client({}, registry);
    expect(() => client({}, registry)).not.toThrow();
  });
});
