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

/** Output schemas by the name a prompt's front matter gives. */
export const OUTPUT_SCHEMAS = { ExtractRequestOutput, CodesignOutput } as const;
export type OutputSchemaName = keyof typeof OUTPUT_SCHEMAS;
