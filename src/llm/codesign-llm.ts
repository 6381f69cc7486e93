import { type CodesignInput, type CodesignSuggestion, suggestCodesign } from '../domain/codesign.ts';
import { themeName } from '../domain/themes.ts';
import type { LlmClient } from './llm-client.ts';
import type { LlmFailureReason } from './llm-result.ts';
import { echoesInstructions } from './output-guards.ts';
import { CodesignOutput } from './output-schemas.ts';
import { loadPrompt, renderPrompt } from './prompt-loader.ts';

export interface CodesignRequest extends CodesignInput {
  /** The partner's goal, in their words (sent to the model as data). */
  goal?: string | null;
}

export const CODESIGN_BUDGET_MS = 12_000;

/**
 * A co-design suggestion from the LLM, checked (3–5 questions of sensible length, no echo of our
 * instructions), else the curated library. The coordinator edits either before anyone sees it.
 */
export async function suggestCodesignWithLlm(
  input: CodesignRequest,
  deps: { llm?: LlmClient; budgetMs?: number },
): Promise<{ suggestion: CodesignSuggestion; fallback?: LlmFailureReason }> {
  const library = suggestCodesign(input);
  if (!deps.llm?.enabled) return { suggestion: library, fallback: deps.llm ? 'disabled' : undefined };
  const prompt = loadPrompt('codesign', 'CodesignOutput');
  const data = [`target group: ${input.targetGroup ?? '-'}`, `goal: ${input.goal ?? '-'}`].join('\n');
  const rendered = renderPrompt(
    prompt,
    {
      output_language: input.locale === 'nl' ? 'Dutch' : 'English',
      theme: input.theme ? themeName(input.theme, 'en') : 'not given',
      setting: input.online ? 'an online meeting' : 'a meeting on site',
      participants: input.participants ? String(input.participants) : 'an unknown number of',
    },
    data,
  );
  const r = await deps.llm.structured({
    prompt: { id: prompt.id, version: prompt.version },
    system: rendered.system,
    user: rendered.user,
    schema: CodesignOutput,
    schemaName: prompt.output,
    maxOutputTokens: 800,
    deadlineMs: deps.budgetMs ?? CODESIGN_BUDGET_MS,
  });
  if (!r.ok) return { suggestion: library, fallback: r.reason };
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  const questions = r.value.questions.map(clean).filter((q) => q.length >= 10 && q.length <= 250);
  const format = clean(r.value.format);
  const leaks = [format, ...questions].some((s) => echoesInstructions(s, rendered.system, data));
  if (questions.length < 3 || questions.length > 5 || format.length < 10 || format.length > 600 || leaks) {
    return { suggestion: library, fallback: 'invalid' };
  }
  return { suggestion: { format, questions, source: 'llm' } };
}
