import { DateTime } from 'luxon';
import type { ExtractedRequest, ExtractionNotes } from '../domain/extract/extracted-request.ts';
import { extractWithRules } from '../domain/extract/rules-extractor.ts';
import { THEME_KEYS } from '../domain/themes.ts';
import { WIJK_NAMES } from '../domain/wijken.ts';
import type { LlmClient } from './llm-client.ts';
import type { LlmFailureReason } from './llm-result.ts';
import { ExtractRequestOutput } from './output-schemas.ts';
import { loadPrompt, renderPrompt } from './prompt-loader.ts';
import { validateExtraction } from './validate-extraction.ts';

export interface ExtractRequestOptions {
  now: Date;
  /** The user's language: free-text fields from the LLM come back in it. */
  locale: 'nl' | 'en';
  zone?: string;
  /** Force one extractor; default: the LLM when configured, else the rules. */
  extractor?: 'rules' | 'llm';
  llm?: LlmClient;
  /** Total time for the LLM, retries included; the rules answer at once after it. */
  budgetMs?: number;
}

/** A draft from one free-text message, where it came from, and why the LLM was not used (if tried). */
export interface ExtractResult {
  request: ExtractedRequest;
  notes: ExtractionNotes;
  source: 'llm' | 'rules';
  /** Set when the LLM was asked for (or configured) but gave no usable answer. */
  fallback?: LlmFailureReason;
}

export const EXTRACT_BUDGET_MS = 10_000;

/**
 * One message → a draft request. Uses the LLM when configured and falls back to the rule-based
 * extractor on any failure (disabled, timeout, refusal, invalid answer, budget, error). Never
 * throws for those; the result is only a proposal the partner confirms.
 */
export async function extractRequest(text: string, opts: ExtractRequestOptions): Promise<ExtractResult> {
  const zone = opts.zone ?? 'Europe/Amsterdam';
  const rules = extractWithRules(text, { now: opts.now, locale: opts.locale, zone });
  const wantLlm = opts.extractor === 'llm' || (opts.extractor === undefined && opts.llm?.enabled === true);
  if (!wantLlm) return { ...rules, source: 'rules' };
  if (!opts.llm?.enabled) return { ...rules, source: 'rules', fallback: 'disabled' };
  const prompt = loadPrompt('extract-request', 'ExtractRequestOutput');
  const now = DateTime.fromJSDate(opts.now, { zone });
  const rendered = renderPrompt(
    prompt,
    {
      themes: THEME_KEYS.map((k) => `"${k}"`).join(', '),
      wijken: Object.values(WIJK_NAMES)
        .map((n) => `"${n}"`)
        .join(', '),
      timezone: zone,
      now_local: now.toFormat("yyyy-MM-dd'T'HH:mm"),
      weekday: now.setLocale('en').toFormat('cccc'),
      output_language: opts.locale === 'nl' ? 'Dutch' : 'English',
    },
    text,
  );
  const r = await opts.llm.structured({
    prompt: { id: prompt.id, version: prompt.version },
    system: rendered.system,
    user: rendered.user,
    schema: ExtractRequestOutput,
    schemaName: prompt.output,
    deadlineMs: opts.budgetMs ?? EXTRACT_BUDGET_MS,
  });
  if (!r.ok) return { ...rules, source: 'rules', fallback: r.reason };
  const request = validateExtraction(r.value, { text, instructions: rendered.system, now: opts.now, zone });
  // The rules still know which named dates lacked a time, which the LLM drops by instruction.
  const notes: ExtractionNotes = {
    datesWithoutTime: request.dateOptions.length === 0 ? rules.notes.datesWithoutTime : [],
    uncertain: [],
  };
  return { request, notes, source: 'llm' };
}
