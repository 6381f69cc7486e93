import { z } from 'zod';
import {
  emptyNotes,
  HARVEST_QUESTIONS,
  RawNotesSchema,
  StructuredHarvestSchema,
} from '../../domain/harvest.ts';

/**
 * The harvest conversation's state. `drafting`: the LLM is putting the harvest together (after the
 * inbound transaction); `proposed`: its draft, shown at review instead of the rule-based one.
 */
export const HarvestState = z.object({
  step: z.enum(['loading', 'ask', 'drafting', 'review', 'approving']),
  sessionId: z.string().default(''),
  /** "Organisation, date" — what the facilitator recognises the dialogue by. */
  label: z.string().default(''),
  organisation: z.string().default(''),
  q: z
    .number()
    .int()
    .min(0)
    .max(HARVEST_QUESTIONS.length - 1)
    .default(0),
  notes: RawNotesSchema.default(emptyNotes),
  drop: z.array(z.number().int()).default([]),
  hide: z.array(z.number().int()).default([]),
  proposed: StructuredHarvestSchema.nullable().default(null),
  /** When the draft was asked for (ms), to ask again when it seems lost. */
  draftingSince: z.number().default(0),
});
export type HarvestFlowState = z.infer<typeof HarvestState>;
