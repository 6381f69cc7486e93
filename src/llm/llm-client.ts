import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ContentFilterFinishReasonError, LengthFinishReasonError } from 'openai/core/error';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import type { z } from 'zod';
import type { Config } from '../config.ts';
import { createLlmMetrics, type LlmMetrics } from './llm-metrics.ts';
import { type LlmFailureReason, type LlmResult, llmFailure } from './llm-result.ts';
import { estimateTokens, TokenBudget } from './token-budget.ts';

/** One structured call: a system text we wrote, user data, and the zod schema the answer must fit. */
export interface StructuredRequest<T> {
  /** Prompt id and version (metrics and logs; never the text). */
  prompt: { id: string; version: number };
  system: string;
  user: string;
  schema: z.ZodType<T>;
  schemaName: string;
  maxOutputTokens?: number;
  /** Overall time for this call including retries; capped by the client's own maximum. */
  deadlineMs?: number;
  /** Images sent with the user text (data: URLs), for a model that can see. */
  images?: string[];
  /** Another model than the configured one (e.g. OPENAI_VISION_MODEL). */
  model?: string;
}

/** The LLM as the rest of the app sees it. `structured` never throws for expected failures. */
export interface LlmClient {
  readonly enabled: boolean;
  readonly model: string | null;
  structured<T>(req: StructuredRequest<T>): Promise<LlmResult<T>>;
}

export interface LlmClientOptions {
  /** Timeout of one HTTP attempt (the SDK's default is 10 minutes). */
  attemptTimeoutMs?: number;
  /** Default overall time per call, retries included. */
  deadlineMs?: number;
  /** Retries after the first attempt, for 408/409/429/5xx, connection errors and timeouts. */
  maxRetries?: number;
  /** Prompt + completion tokens per day (Europe/Amsterdam midnight), this process. */
  dailyTokenBudget?: number;
  zone?: string;
  clock?: () => Date;
}

export const LLM_DEFAULTS = {
  attemptTimeoutMs: 8_000,
  deadlineMs: 12_000,
  maxRetries: 1,
  dailyTokenBudget: 200_000,
  model: 'gpt-4o-mini',
  maxOutputTokens: 1_200,
} as const;

type LlmConfig = Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'llmEnabled'>;

/**
 * The client made from config. Without OPENAI_API_KEY/OPENAI_BASE_URL it is a disabled client
 * whose every call answers `{ ok: false, reason: 'disabled' }`, so callers need one code path.
 */
export function createLlmClient(
  config: LlmConfig,
  deps: { registry?: Registry; metrics?: LlmMetrics; log?: Logger; options?: LlmClientOptions } = {},
): LlmClient {
  const metrics = deps.metrics ?? createLlmMetrics(deps.registry ?? new Registry());
  if (!config.llmEnabled) {
    return {
      enabled: false,
      model: null,
      structured: async <T>(req: StructuredRequest<T>) => {
        metrics.requests.inc({ prompt: req.prompt.id, outcome: 'disabled' });
        return llmFailure<T>('disabled');
      },
    };
  }
  const o = { ...LLM_DEFAULTS, ...deps.options };
  const model = config.OPENAI_MODEL ?? LLM_DEFAULTS.model;
  // The SDK's own retries would sleep through Retry-After regardless of our deadline: we retry.
  const sdk = new OpenAI({
    apiKey: config.OPENAI_API_KEY ?? 'not-needed', // local servers often need no key
    baseURL: config.OPENAI_BASE_URL,
    maxRetries: 0,
    timeout: o.attemptTimeoutMs,
    logLevel: 'off', // the SDK's debug logs would print request bodies
  });
  const budget = new TokenBudget(o.dailyTokenBudget, o.zone ?? 'Europe/Amsterdam', o.clock);
  metrics.budgetRemaining.set(budget.remaining());

  async function structured<T>(req: StructuredRequest<T>): Promise<LlmResult<T>> {
    const started = Date.now();
    const deadline = started + Math.min(req.deadlineMs ?? o.deadlineMs, o.deadlineMs);
    const maxOutput = req.maxOutputTokens ?? LLM_DEFAULTS.maxOutputTokens;
    let attempts = 0;
    let status: number | undefined;
    const finish = (outcome: 'ok' | LlmFailureReason, usage?: { prompt: number; completion: number }) => {
      metrics.requests.inc({ prompt: req.prompt.id, outcome });
      metrics.duration.observe({ prompt: req.prompt.id }, (Date.now() - started) / 1000);
      metrics.budgetRemaining.set(budget.remaining());
      // Ids, counts and outcomes only: never the prompt, the user's text or the answer.
      deps.log?.info(
        {
          event: 'llm_call',
          prompt: req.prompt.id,
          version: req.prompt.version,
          model,
          outcome,
          attempts,
          status,
          ms: Date.now() - started,
          promptTokens: usage?.prompt,
          completionTokens: usage?.completion,
        },
        'llm call',
      );
    };
    // An image costs roughly a thousand tokens at the usual detail.
    const imageTokens = (req.images?.length ?? 0) * 1_000;
    if (!budget.allows(estimateTokens(req.system + req.user) + imageTokens + maxOutput)) {
      finish('budget');
      return llmFailure('budget');
    }
    for (;;) {
      attempts++;
      const left = deadline - Date.now();
      if (left <= 0) {
        finish('timeout');
        return llmFailure('timeout');
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), left);
      try {
        const completion = await sdk.chat.completions.parse(
          {
            model: req.model ?? model,
            messages: [
              { role: 'system', content: req.system },
              {
                role: 'user',
                content: req.images?.length
                  ? [
                      { type: 'text' as const, text: req.user },
                      ...req.images.map((url) => ({ type: 'image_url' as const, image_url: { url } })),
                    ]
                  : req.user,
              },
            ],
            response_format: zodResponseFormat(req.schema, req.schemaName),
            max_completion_tokens: maxOutput,
            temperature: 0,
          },
          { timeout: Math.min(o.attemptTimeoutMs, left), signal: controller.signal, maxRetries: 0 },
        );
        const usage = {
          prompt: completion.usage?.prompt_tokens ?? 0,
          completion: completion.usage?.completion_tokens ?? 0,
        };
        budget.record(usage.prompt + usage.completion);
        metrics.tokens.inc({ prompt: req.prompt.id, kind: 'prompt' }, usage.prompt);
        metrics.tokens.inc({ prompt: req.prompt.id, kind: 'completion' }, usage.completion);
        const message = completion.choices[0]?.message;
        if (message?.refusal) {
          finish('refused', usage);
          return llmFailure('refused');
        }
        // Validate again ourselves: the SDK only parses when it recognises the format.
        const checked = req.schema.safeParse(message?.parsed);
        if (!checked.success) {
          finish('invalid', usage);
          return llmFailure('invalid');
        }
        finish('ok', usage);
        return { ok: true, value: checked.data, usage };
      } catch (err) {
        const verdict = classify(err);
        status = err instanceof APIError ? err.status : undefined;
        if (verdict.retry && attempts <= o.maxRetries) {
          const wait = Math.min(verdict.retryAfterMs ?? 250 * 2 ** (attempts - 1), 4_000);
          if (Date.now() + wait < deadline - 250) {
            await sleep(wait);
            continue;
          }
        }
        const reason = controller.signal.aborted ? 'timeout' : verdict.reason;
        finish(reason);
        return llmFailure(reason);
      } finally {
        clearTimeout(timer);
      }
    }
  }

  return { enabled: true, model, structured };
}

/** Maps what the SDK throws to a reason and whether another attempt may help. */
function classify(err: unknown): { reason: LlmFailureReason; retry: boolean; retryAfterMs?: number } {
  if (err instanceof APIConnectionTimeoutError) return { reason: 'timeout', retry: true };
  if (err instanceof APIUserAbortError) return { reason: 'timeout', retry: false };
  if (err instanceof ContentFilterFinishReasonError) return { reason: 'refused', retry: false };
  if (err instanceof LengthFinishReasonError) return { reason: 'invalid', retry: false };
  // Invalid JSON (SyntaxError) or an answer that does not fit the schema (ZodError): not retried.
  if (err instanceof SyntaxError || (err instanceof Error && err.name === 'ZodError')) {
    return { reason: 'invalid', retry: false };
  }
  if (err instanceof APIError) {
    const s = err.status;
    const retry = s === undefined || s === 408 || s === 409 || s === 429 || s >= 500;
    const header = err.headers?.get('retry-after');
    const seconds = header ? Number(header) : Number.NaN;
    return { reason: 'error', retry, retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : undefined };
  }
  return { reason: 'error', retry: false };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
