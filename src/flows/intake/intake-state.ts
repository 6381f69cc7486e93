import { z } from 'zod';
import { THEME_KEYS } from '../../domain/themes.ts';

export const STEPS = [
  'organisation',
  'theme',
  'goal',
  'targetGroup',
  'participants',
  'languages',
  'locationType',
  'wijk',
  'address',
  'date',
  'moreDates',
  'scheduleMode',
  'duration',
  'coDesign',
  'accessibility',
  'contactName',
  'contactReach',
  'summary',
] as const;
export type Step = (typeof STEPS)[number] | 'resumeChoice' | 'submitting' | 'extracting';

/** Summary fields a partner can change, each with the steps that answer it. */
export const FIELD_STEPS = {
  organisation: ['organisation'],
  theme: ['theme'],
  goal: ['goal'],
  targetGroup: ['targetGroup'],
  participants: ['participants'],
  languages: ['languages'],
  location: ['locationType', 'wijk', 'address'],
  dates: ['date', 'moreDates', 'scheduleMode'],
  duration: ['duration'],
  coDesign: ['coDesign'],
  accessibility: ['accessibility'],
  contact: ['contactName', 'contactReach'],
} as const satisfies Record<string, readonly Step[]>;
export type Field = keyof typeof FIELD_STEPS;
export const FIELDS = Object.keys(FIELD_STEPS) as Field[];

export const DraftSchema = z.object({
  organisation: z.string().optional(),
  theme: z.enum(THEME_KEYS).optional(),
  goal: z.string().optional(),
  targetGroup: z.string().optional(),
  participants: z.number().int().optional(),
  languages: z.array(z.string()).optional(),
  online: z.boolean().optional(),
  wijk: z.string().optional(),
  address: z.string().optional(),
  dates: z.array(z.string()).optional(),
  scheduleMode: z.enum(['ALTERNATIVES', 'SERIES']).optional(),
  durationMinutes: z.number().int().optional(),
  coDesign: z.boolean().optional(),
  accessibility: z.string().nullable().optional(),
  contactName: z.string().optional(),
  contactEmail: z.string().nullable().optional(),
  contactPhone: z.string().nullable().optional(),
});
export type Draft = z.infer<typeof DraftSchema>;

/** Contact details of the partner's most recent request ("same as last time"). */
export const PreviousContactSchema = z.object({
  name: z.string().min(1).max(80),
  email: z.string().max(200).nullable(),
  phone: z.string().max(40).nullable(),
});
export type PreviousContact = z.infer<typeof PreviousContactSchema>;

export const IntakeStateSchema = z.object({
  step: z.enum([...STEPS, 'resumeChoice', 'submitting', 'extracting']),
  draft: DraftSchema,
  history: z.array(z.enum(STEPS)),
  /** Set while changing one field from the summary: after that field, go back to the summary. */
  editing: z.enum(FIELDS as [Field, ...Field[]]).nullable(),
  /** Where to continue after the resume question. */
  resumeStep: z.enum(STEPS).optional(),
  /** After a one-message request: ask only what the message did not say. */
  skipFilled: z.boolean().optional(),
  /** Loaded once at the start; offered as one button at the contact step. */
  previousContact: PreviousContactSchema.optional(),
});
export type IntakeState = z.infer<typeof IntakeStateSchema>;

/** The complete request the shell may store; anything less is not submittable. */
export const CompleteDraftSchema = DraftSchema.required({
  organisation: true,
  theme: true,
  goal: true,
  targetGroup: true,
  participants: true,
  languages: true,
  online: true,
  dates: true,
  durationMinutes: true,
  coDesign: true,
  contactName: true,
}).extend({
  scheduleMode: z.enum(['ALTERNATIVES', 'SERIES']).default('ALTERNATIVES'),
  dates: z.array(z.string()).min(1),
  languages: z.array(z.string()).min(1),
});
export type CompleteDraft = z.infer<typeof CompleteDraftSchema>;

export const MAX_DATE_OPTIONS = 5;

/** Whether a step still applies given what is known (location steps only when on site, etc.). */
export function applies(step: Step, draft: Draft, skipOrganisation: boolean): boolean {
  switch (step) {
    case 'organisation':
      return !(skipOrganisation && draft.organisation);
    case 'wijk':
    case 'address':
      return draft.online === false;
    case 'scheduleMode':
      return (draft.dates?.length ?? 0) > 1;
    default:
      return true;
  }
}

/** The step after `current`: within the field being edited, else the next in order, else the summary. */
export function nextStep(state: IntakeState, current: Step, skipOrganisation: boolean): Step {
  const order: readonly Step[] = state.editing ? FIELD_STEPS[state.editing] : STEPS;
  const from = order.indexOf(current);
  for (let i = from + 1; i < order.length; i++) {
    const candidate = order[i] as Step;
    if (!applies(candidate, state.draft, skipOrganisation)) continue;
    if (state.skipFilled && !state.editing && answered(candidate, state.draft)) continue;
    return candidate;
  }
  return 'summary';
}

/** Whether the draft already answers a step (used after a one-message request). */
export function answered(step: Step, d: Draft): boolean {
  switch (step) {
    case 'organisation':
      return Boolean(d.organisation);
    case 'theme':
      return Boolean(d.theme);
    case 'goal':
      return Boolean(d.goal);
    case 'targetGroup':
      return Boolean(d.targetGroup);
    case 'participants':
      return d.participants !== undefined;
    case 'languages':
      return Boolean(d.languages?.length);
    case 'locationType':
      return d.online !== undefined;
    case 'wijk':
      return Boolean(d.wijk);
    case 'address':
      return Boolean(d.address);
    case 'date':
    case 'moreDates':
      return Boolean(d.dates?.length);
    case 'scheduleMode':
      return d.scheduleMode !== undefined || (d.dates?.length ?? 0) <= 1;
    case 'duration':
      return d.durationMinutes !== undefined;
    case 'coDesign':
      return d.coDesign !== undefined;
    case 'accessibility':
      return d.accessibility !== undefined;
    case 'contactName':
      return Boolean(d.contactName);
    case 'contactReach':
      return Boolean(d.contactEmail || d.contactPhone);
    default:
      return false;
  }
}
