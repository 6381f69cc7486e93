import { z } from 'zod';
import { parseHeadcount } from './headcount.ts';
import { parseNameList, scrub } from './scrub.ts';
import { matchThemes, ThemeKeySchema } from './themes.ts';

/** The interview's questions, in the order they are asked. */
export const HARVEST_QUESTIONS = [
  'participants',
  'topics',
  'touched',
  'quotes',
  'ideas',
  'signals',
  'partner',
  'names',
  'reflection',
] as const;
export type HarvestQuestion = (typeof HARVEST_QUESTIONS)[number];

/** Raw interview answers (private to the facilitators and coordinators). */
export const RawNotesSchema = z.object({
  version: z.literal(1).default(1),
  answers: z.partialRecord(z.enum(HARVEST_QUESTIONS), z.string().max(4096)).default({}),
  skipped: z.array(z.enum(HARVEST_QUESTIONS)).default([]),
  attachments: z
    .array(
      z.object({
        kind: z.enum(['voice', 'photo', 'document']),
        question: z.enum(HARVEST_QUESTIONS),
        /** The stored file (MediaFile.ref); absent on notes from before files were read. */
        ref: z.string().max(200).optional(),
        /** Who sent it (their conversation gets the transcript). */
        by: z.string().max(64).optional(),
        /** When it arrived (ms), for the reading job's stable id. */
        at: z.number().int().optional(),
        /** pending: being read; read: its text joined the answer; kept: an attachment only. */
        status: z.enum(['pending', 'read', 'kept']).optional(),
      }),
    )
    .default([]),
});
export type RawNotes = z.infer<typeof RawNotesSchema>;
export const emptyNotes = (): RawNotes => ({ version: 1, answers: {}, skipped: [], attachments: [] });

export const HARVEST_SECTIONS = ['insight', 'quote', 'idea', 'signal', 'partner'] as const;
export type HarvestSection = (typeof HARVEST_SECTIONS)[number];

export const HarvestItemSchema = z.object({
  section: z.enum(HARVEST_SECTIONS),
  text: z.string().min(1).max(1000),
  /** Only a quote found word for word in the facilitator's own answers is shown in quotation marks. */
  verbatim: z.boolean(),
  /** False: kept for the organisation, never sent to the partner. */
  share: z.boolean(),
});
export type HarvestItem = z.infer<typeof HarvestItemSchema>;

/** The structured harvest: scrubbed, shareable parts only (the reflection is never in it). */
export const StructuredHarvestSchema = z.object({
  version: z.literal(1),
  participants: z.number().int().min(0).max(10_000).nullable(),
  themes: z.array(ThemeKeySchema),
  tags: z.array(z.string().max(60)).max(12),
  items: z.array(HarvestItemSchema).max(60),
});
export type StructuredHarvest = z.infer<typeof StructuredHarvestSchema>;

const SECTION_OF: Partial<Record<HarvestQuestion, HarvestSection>> = {
  touched: 'insight',
  quotes: 'quote',
  ideas: 'idea',
  signals: 'signal',
  partner: 'partner',
};

/**
 * Builds the structured harvest straight from the answers, without an LLM: every text is scrubbed,
 * answers are split into items, quotes are checked against the facilitator's own words.
 */
export function buildHarvest(notes: RawNotes): StructuredHarvest {
  const names = parseNameList(notes.answers.names ?? '');
  const clean = (s: string) => scrub(s, { names }).trim();
  const topics = clean(notes.answers.topics ?? '');
  const fragments = splitItems(topics.replace(/,\s*/g, '\n'));
  const items: HarvestItem[] = fragments
    .filter((f) => wordCount(f) > 4)
    .map((text) => ({ section: 'insight', text, verbatim: false, share: true }));
  for (const [question, section] of Object.entries(SECTION_OF) as [HarvestQuestion, HarvestSection][]) {
    for (const piece of splitItems(clean(notes.answers[question] ?? ''))) {
      const text = section === 'quote' ? stripQuotes(piece) : piece;
      if (text)
        items.push({ section, text: text.slice(0, 1000), verbatim: section === 'quote', share: true });
    }
  }
  const themed = [notes.answers.topics, notes.answers.touched, notes.answers.ideas].join('\n');
  return checkQuotes(
    {
      version: 1,
      participants: participantCount(notes.answers.participants ?? ''),
      themes: matchThemes(themed),
      tags: fragments.filter((f) => wordCount(f) <= 4).slice(0, 12),
      items: items.slice(0, 60),
    },
    facilitatorWords(notes),
  );
}

/** The facilitator's own words, scrubbed the same way as the harvest: what quotes are checked against. */
export function facilitatorWords(notes: RawNotes): string[] {
  const names = parseNameList(notes.answers.names ?? '');
  return HARVEST_QUESTIONS.filter((q) => q !== 'reflection' && q !== 'names').map((q) =>
    scrub(notes.answers[q] ?? '', { names }),
  );
}

/** Whether `quote` occurs word for word (ignoring case, spacing and punctuation at the edges) in the sources. */
export function isVerbatim(quote: string, sources: string[]): boolean {
  const q = normalise(stripQuotes(quote));
  if (q.length < 3) return false;
  return sources.some((s) => normalise(s).includes(q));
}

/** Demotes every quote that is not word for word in the sources to a paraphrase (no quotation marks). */
export function checkQuotes(harvest: StructuredHarvest, sources: string[]): StructuredHarvest {
  return {
    ...harvest,
    items: harvest.items.map((item) =>
      item.section === 'quote' ? { ...item, verbatim: isVerbatim(item.text, sources) } : item,
    ),
  };
}

/** The text as it may be shown: a verbatim quote in quotation marks, anything else as plain text. */
export function displayText(item: HarvestItem): string {
  return item.section === 'quote' && item.verbatim ? `“${item.text}”` : item.text;
}

/** Marks text that came from a voice note or photo in the raw notes ("[spraakbericht] …"). */
export const MEDIA_MARK = /^\s*\[(?:spraakbericht|foto|bestand|voice note|photo|file)\]\s*/i;

function splitItems(text: string): string[] {
  return text
    .split(/\n+|(?:^|\s)[-•*]\s+|;\s+/)
    .map((s) =>
      s
        .replace(MEDIA_MARK, '')
        .replace(/^\s*(?:[-•*]|\d+[.)])\s*/, '')
        .trim(),
    )
    .filter((s) => s.length > 1);
}

function stripQuotes(s: string): string {
  return s
    .trim()
    .replace(/^["'“”„‘’«»]+|["'“”„‘’«»]+$/g, '')
    .trim();
}

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/["'“”„‘’«»]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,!?;:]+|[\s.,!?;:]+$/g, '')
    .trim();
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** The count the interview accepted (it asks again until one is given or the question skipped). */
function participantCount(text: string): number | null {
  const r = parseHeadcount(text);
  return r.ok ? r.value : null;
}
