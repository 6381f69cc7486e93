import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError, toFile } from 'openai';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { LlmClient } from './llm-client.ts';
import type { LlmMetrics } from './llm-metrics.ts';
import { type LlmResult, llmFailure } from './llm-result.ts';
import { HarvestPhotoOutput } from './output-schemas.ts';
import { loadPrompt, renderPrompt } from './prompt-loader.ts';

/** A file someone sent, as the reader gets it. */
export interface MediaToRead {
  kind: 'voice' | 'photo' | 'document';
  mimeType: string | null;
  bytes: Uint8Array;
  locale: 'nl' | 'en';
}

/** Turns a voice note into text (speech to text) and a photo into the text on it (vision). */
export interface MediaReader {
  readonly enabled: boolean;
  read(media: MediaToRead): Promise<LlmResult<string>>;
}

export const TRANSCRIBE_DEFAULTS = {
  /** Per attempt; audio of a few minutes takes a few seconds at the usual providers. */
  timeoutMs: 30_000,
  /** OpenAI's upload limit for /audio/transcriptions. */
  maxBytes: 25 * 1024 * 1024,
  /** Longest text we keep from one file (the answer field holds 4,096 characters). */
  maxChars: 3_000,
} as const;

type ReaderConfig = Pick<
  Config,
  'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_TRANSCRIBE_MODEL' | 'OPENAI_VISION_MODEL' | 'llmEnabled'
>;

/**
 * Reads voice notes through `audio.transcriptions.create` and photos through a chat completion
 * with the image as a data URL (the LLM client: same budget, metrics and deadlines). Never throws
 * for expected failures; an empty, overlong or unreadable answer is `invalid`.
 */
export function createMediaReader(
  config: ReaderConfig,
  deps: { llm: LlmClient; metrics: LlmMetrics; log?: Logger; timeoutMs?: number },
): MediaReader {
  if (!config.llmEnabled) return { enabled: false, read: async () => llmFailure('disabled') };
  const timeoutMs = deps.timeoutMs ?? TRANSCRIBE_DEFAULTS.timeoutMs;
  const sdk = new OpenAI({
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    baseURL: config.OPENAI_BASE_URL,
    maxRetries: 1,
    timeout: timeoutMs,
    logLevel: 'off', // its debug logs would print request bodies
  });

  async function transcribe(media: MediaToRead): Promise<LlmResult<string>> {
    const started = Date.now();
    const done = (outcome: string, extra: object = {}) => {
      deps.metrics.requests.inc({ prompt: 'transcribe', outcome });
      deps.metrics.duration.observe({ prompt: 'transcribe' }, (Date.now() - started) / 1000);
      // Outcome and counts only, never the audio or its text.
      deps.log?.info({
        event: 'llm_call',
        prompt: 'transcribe',
        outcome,
        ms: Date.now() - started,
        ...extra,
      });
    };
    if (media.bytes.byteLength > TRANSCRIBE_DEFAULTS.maxBytes) {
      done('invalid');
      return llmFailure('invalid');
    }
    try {
      const type = media.mimeType ?? 'audio/ogg';
      const file = await toFile(media.bytes, `voice.${extension(type)}`, { type });
      const r = await sdk.audio.transcriptions.create(
        { file, model: config.OPENAI_TRANSCRIBE_MODEL, language: media.locale },
        { timeout: timeoutMs, signal: AbortSignal.timeout(timeoutMs * 2) },
      );
      if (r.usage?.type === 'tokens') {
        deps.metrics.tokens.inc({ prompt: 'transcribe', kind: 'prompt' }, r.usage.input_tokens);
        deps.metrics.tokens.inc({ prompt: 'transcribe', kind: 'completion' }, r.usage.output_tokens);
      }
      const text = sensible(typeof r.text === 'string' ? r.text : '');
      if (!text) {
        done('invalid');
        return llmFailure('invalid');
      }
      done('ok');
      return { ok: true, value: text, usage: { prompt: 0, completion: 0 } };
    } catch (err) {
      const reason =
        err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError
          ? 'timeout'
          : err instanceof SyntaxError
            ? 'invalid'
            : 'error';
      done(reason, { status: err instanceof APIError ? err.status : undefined });
      return llmFailure(reason);
    }
  }

  async function look(media: MediaToRead): Promise<LlmResult<string>> {
    const prompt = loadPrompt('harvest-photo', 'HarvestPhotoOutput');
    const rendered = renderPrompt(
      prompt,
      { output_language: media.locale === 'nl' ? 'Dutch' : 'English' },
      'A photo the facilitator took after the dialogue (attached).',
    );
    const url = `data:${media.mimeType ?? 'image/jpeg'};base64,${Buffer.from(media.bytes).toString('base64')}`;
    const r = await deps.llm.structured({
      prompt: { id: prompt.id, version: prompt.version },
      system: rendered.system,
      user: rendered.user,
      images: [url],
      model: config.OPENAI_VISION_MODEL,
      schema: HarvestPhotoOutput,
      schemaName: prompt.output,
      maxOutputTokens: 900,
    });
    if (!r.ok) return r;
    const text = r.value.readable ? sensible(r.value.text) : '';
    return text ? { ok: true, value: text, usage: r.usage } : llmFailure('invalid');
  }

  return {
    enabled: true,
    read(media) {
      const mime = media.mimeType ?? '';
      if (media.kind === 'voice' || mime.startsWith('audio/')) return transcribe(media);
      if (media.kind === 'photo' || mime.startsWith('image/')) return look(media);
      return Promise.resolve(llmFailure('invalid'));
    },
  };
}

/** The text when it looks like words; '' for nothing, noise or a runaway answer. */
export function sensible(raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 3 || letters < text.length * 0.4) return '';
  // A model stuck in a loop repeats itself: few distinct words in a long text.
  const words = text.toLowerCase().split(' ');
  if (words.length >= 40 && new Set(words).size < words.length * 0.15) return '';
  return text.slice(0, TRANSCRIBE_DEFAULTS.maxChars);
}

function extension(mime: string): string {
  if (mime.includes('mpeg') || mime.includes('mp3')) return 'mp3';
  if (mime.includes('mp4') || mime.includes('m4a')) return 'm4a';
  if (mime.includes('wav')) return 'wav';
  if (mime.includes('webm')) return 'webm';
  return 'ogg';
}
