import {
  buildHarvest,
  checkQuotes,
  facilitatorWords,
  HARVEST_QUESTIONS,
  type HarvestItem,
  type RawNotes,
  type StructuredHarvest,
} from '../domain/harvest.ts';
import { parseNameList, scrub } from '../domain/scrub.ts';
import { THEME_KEYS } from '../domain/themes.ts';
import type { LlmClient } from './llm-client.ts';
import type { LlmFailureReason } from './llm-result.ts';
import { echoesInstructions } from './output-guards.ts';
import { HarvestDraftOutput } from './output-schemas.ts';
import { loadPrompt, renderPrompt } from './prompt-loader.ts';

export const HARVEST_DRAFT_BUDGET_MS = 20_000;

/** The answers the model may see: scrubbed, without the names list and without the private reflection. */
export function scrubbedAnswers(notes: RawNotes): string {
  const names = parseNameList(notes.answers.names ?? '');
  return HARVEST_QUESTIONS.filter((q) => q !== 'names' && q !== 'reflection')
    .map((q) => {
      const answer = notes.answers[q]?.trim();
      return `## ${q}\n${answer ? scrub(answer, { names }) : '-'}`;
    })
    .join('\n\n');
}

export interface HarvestDraftResult {
  harvest: StructuredHarvest;
  source: 'llm' | 'rules';
  fallback?: LlmFailureReason;
}

/**
 * The structured harvest proposed by the LLM from the scrubbed answers, then scrubbed again, cut
 * to the schema's limits and put through the verbatim quote check; any failure gives the harvest
 * built from the answers by rule. Either way it is a draft the facilitator reviews and approves.
 */
export async function draftHarvest(
  notes: RawNotes,
  deps: { llm?: LlmClient; locale: 'nl' | 'en'; budgetMs?: number },
): Promise<HarvestDraftResult> {
  const rules = () => buildHarvest(notes);
  if (!deps.llm?.enabled) return { harvest: rules(), source: 'rules', fallback: 'disabled' };
  const prompt = loadPrompt('harvest-draft', 'HarvestDraftOutput');
  const data = scrubbedAnswers(notes);
  const rendered = renderPrompt(
    prompt,
    {
      output_language: deps.locale === 'nl' ? 'Dutch' : 'English',
      themes: THEME_KEYS.map((k) => `"${k}"`).join(', '),
    },
    data,
  );
  const r = await deps.llm.structured({
    prompt: { id: prompt.id, version: prompt.version },
    system: rendered.system,
    user: rendered.user,
    schema: HarvestDraftOutput,
    schemaName: prompt.output,
    maxOutputTokens: 1_500,
    deadlineMs: deps.budgetMs ?? HARVEST_DRAFT_BUDGET_MS,
  });
  if (!r.ok) return { harvest: rules(), source: 'rules', fallback: r.reason };
  const names = parseNameList(notes.answers.names ?? '');
  // The model saw scrubbed text, but it may still invent a name: scrub what comes back too.
  const clean = (s: string, max: number) =>
    scrub(s.replace(/\s+/g, ' ').trim(), { names })
      .replace(/^["'“”„‘’«»]+|["'“”„‘’«»]+$/g, '')
      .trim()
      .slice(0, max);
  const items: HarvestItem[] = r.value.items
    .map((i) => ({
      section: i.section,
      text: clean(i.text, 1000),
      verbatim: i.section === 'quote',
      share: true,
    }))
    .filter((i) => i.text.length > 1 && !echoesInstructions(i.text, rendered.system, data))
    .slice(0, 60);
  const tags = [...new Set(r.value.tags.map((tag) => clean(tag, 60)).filter((tag) => tag.length > 1))].slice(
    0,
    12,
  );
  // The count the facilitator was shown back ("Genoteerd ✓ Deelnemers: 12") wins over the model's reading.
  const n = r.value.participants;
  const participants =
    buildHarvest(notes).participants ??
    (n !== null && Number.isInteger(n) && n >= 0 && n <= 10_000 ? n : null);
  if (items.length === 0 && participants === null)
    return { harvest: rules(), source: 'rules', fallback: 'invalid' };
  const harvest = checkQuotes(
    { version: 1, participants, themes: [...new Set(r.value.themes)], tags, items },
    facilitatorWords(notes),
  );
  return { harvest, source: 'llm' };
}
