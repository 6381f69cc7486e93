import { z } from 'zod';
import { THEME_KEYS } from '../themes.ts';
import { WIJK_NAMES } from '../wijken.ts';

/** The ten wijk display names (PRODUCT.md): the only values `location.wijk` may take. */
export const WIJK_DISPLAY_NAMES = Object.values(WIJK_NAMES) as [string, ...string[]];

/** One date option: ISO 8601 with the Europe/Amsterdam offset, e.g. 2026-12-08T19:30:00+01:00. */
export const DateOptionSchema = z.object({ start: z.string(), end: z.string().nullable() });
export type DateOption = z.infer<typeof DateOptionSchema>;

/**
 * What one free-text request yields: the shape `extract-request` prints (issue 7). Unknown values
 * are null (empty arrays for lists); `missing` names what the bot still has to ask.
 */
export const ExtractedRequestSchema = z.object({
  organisation: z.string().nullable(),
  theme: z.enum(THEME_KEYS).nullable(),
  goal: z.string().nullable(),
  targetGroup: z.string().nullable(),
  expectedParticipants: z.number().int().nullable(),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)),
  location: z.object({
    wijk: z.enum(WIJK_DISPLAY_NAMES).nullable(),
    address: z.string().nullable(),
    online: z.boolean().nullable(),
  }),
  dateOptions: z.array(DateOptionSchema),
  durationMinutes: z.number().int().nullable(),
  coDesign: z.boolean().nullable(),
  accessibility: z.string().nullable(),
  contact: z.object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  missing: z.array(z.string()),
});
export type ExtractedRequest = z.infer<typeof ExtractedRequestSchema>;
export type ExtractedFields = Omit<ExtractedRequest, 'missing'>;

/**
 * Field names used in `missing`, in the order the guided form asks them. Either e-mail or phone
 * is enough: both are listed only when neither is known. `location.wijk`/`location.address` are
 * listed only for a dialogue on site.
 */
export const MISSABLE_FIELDS = [
  'organisation',
  'theme',
  'goal',
  'targetGroup',
  'expectedParticipants',
  'languages',
  'location',
  'location.wijk',
  'location.address',
  'dateOptions',
  'durationMinutes',
  'coDesign',
  'contact.name',
  'contact.email',
  'contact.phone',
] as const;
export type MissableField = (typeof MISSABLE_FIELDS)[number];

/** Extra findings that do not fit the printed shape but help the conversation ask well. */
export interface ExtractionNotes {
  /** Dates named without any time of day (yyyy-mm-dd): ask "at what time?" rather than for a date. */
  datesWithoutTime: string[];
  /** Fields filled from a guess (e.g. "'s avonds" → 19:30) that the partner should confirm. */
  uncertain: string[];
}

/** What is still needed before a request can be submitted. Pure: computed from the fields. */
export function missingFields(r: ExtractedFields): MissableField[] {
  const out: MissableField[] = [];
  if (!r.organisation) out.push('organisation');
  if (!r.theme) out.push('theme');
  if (!r.goal) out.push('goal');
  if (!r.targetGroup) out.push('targetGroup');
  if (r.expectedParticipants === null) out.push('expectedParticipants');
  if (r.languages.length === 0) out.push('languages');
  if (r.location.online === null) out.push('location');
  if (r.location.online === false) {
    if (!r.location.wijk) out.push('location.wijk');
    if (!r.location.address) out.push('location.address');
  }
  if (r.dateOptions.length === 0) out.push('dateOptions');
  if (r.durationMinutes === null) out.push('durationMinutes');
  if (r.coDesign === null) out.push('coDesign');
  if (!r.contact.name) out.push('contact.name');
  if (!r.contact.email && !r.contact.phone) out.push('contact.email', 'contact.phone');
  return out;
}

/** An all-unknown request (every field null or empty). */
export function emptyFields(): ExtractedFields {
  return {
    organisation: null,
    theme: null,
    goal: null,
    targetGroup: null,
    expectedParticipants: null,
    languages: [],
    location: { wijk: null, address: null, online: null },
    dateOptions: [],
    durationMinutes: null,
    coDesign: null,
    accessibility: null,
    contact: { name: null, email: null, phone: null },
  };
}
