import { z } from 'zod';
import { WIJK_DISPLAY_NAMES } from '../domain/extract/extracted-request.ts';
import { THEME_KEYS } from '../domain/themes.ts';

/**
 * What the model must return for each prompt (strict JSON schema). Optional values are
 * `.nullable()`, never `.optional()`: strict structured outputs require every key.
 */
export const ExtractRequestOutput = z.object({
  organisation: z.string().nullable(),
  theme: z.enum(THEME_KEYS).nullable(),
  goal: z.string().nullable(),
  targetGroup: z.string().nullable(),
  expectedParticipants: z.number().nullable(),
  languages: z.array(z.string()),
  location: z.object({
    wijk: z.enum(WIJK_DISPLAY_NAMES).nullable(),
    address: z.string().nullable(),
    online: z.boolean().nullable(),
  }),
  dateOptions: z.array(z.object({ start: z.string(), end: z.string().nullable() })),
  durationMinutes: z.number().nullable(),
  coDesign: z.boolean().nullable(),
  accessibility: z.string().nullable(),
  contact: z.object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
});
export type ExtractRequestOutput = z.infer<typeof ExtractRequestOutput>;

export const CodesignOutput = z.object({
  format: z.string(),
  questions: z.array(z.string()),
});
export type CodesignOutput = z.infer<typeof CodesignOutput>;

/** What is legible on a photo of a flip chart or notes (harvest). */
export const HarvestPhotoOutput = z.object({
  readable: z.boolean(),
  text: z.string(),
});
export type HarvestPhotoOutput = z.infer<typeof HarvestPhotoOutput>;

/** A proposed harvest from the scrubbed interview answers. `quote`: claims to be word for word. */
export const HarvestDraftOutput = z.object({
  participants: z.number().nullable(),
  themes: z.array(z.enum(THEME_KEYS)),
  tags: z.array(z.string()),
  items: z.array(
    z.object({
      section: z.enum(['insight', 'quote', 'idea', 'signal', 'partner']),
      text: z.string(),
    }),
  ),
});
export type HarvestDraftOutput = z.infer<typeof HarvestDraftOutput>;

/** Output schemas by the name a prompt's front matter gives. */
export const OUTPUT_SCHEMAS = {
  ExtractRequestOutput,
  CodesignOutput,
  HarvestPhotoOutput,
  HarvestDraftOutput,
} as const;
export type OutputSchemaName = keyof typeof OUTPUT_SCHEMAS;
