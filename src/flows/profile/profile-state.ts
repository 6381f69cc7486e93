import { z } from 'zod';
import { AvailabilitySchema, SlotSchema, WEEKDAYS } from '../../domain/matching/availability.ts';
import { ThemeKeySchema } from '../../domain/themes.ts';
import { WijkKeySchema } from '../../domain/wijken.ts';

const LocalDate = z.iso.date();

/** The parts of a profile a volunteer can change, in the order the overview shows them. */
export const SECTIONS = [
  'languages',
  'wijken',
  'themes',
  'availability',
  'exceptions',
  'max',
  'pause',
  'broadcasts',
] as const;
export type Section = (typeof SECTIONS)[number];

export const MAX_PER_MONTH = { min: 0, max: 20 } as const;
/** More date exceptions than this is a sign the weekly pattern should change instead. */
export const MAX_EXCEPTIONS = 60;

/** The weekly pattern as VolunteerProfile.availability stores it (the matching engine's schema). */
export const WeeklySchema = z.partialRecord(z.enum(WEEKDAYS), z.array(SlotSchema));
export type Weekly = z.infer<typeof WeeklySchema>;

/** What the flow knows of the stored profile; level and certification are read-only here. */
export const ProfileSnapshotSchema = z.object({
  level: z.enum(['TRAINEE', 'CERTIFIED', 'SENIOR']),
  /** Local date (yyyy-mm-dd) of certification, or null. */
  certifiedOn: LocalDate.nullable(),
  languages: z.array(z.string()),
  wijken: z.array(z.string()),
  anywhere: z.boolean(),
  themes: z.array(z.string()),
  availability: AvailabilitySchema,
  maxPerMonth: z.number().int(),
  /** Local date, inclusive; null when not paused (or the pause is over). */
  pausedUntil: LocalDate.nullable(),
  /** Whether coordinators' broadcasts (/rondsturen) reach this volunteer (absent in older states: yes). */
  broadcasts: z.boolean().default(true),
});
export type ProfileSnapshot = z.infer<typeof ProfileSnapshotSchema>;

/**
 * One change a volunteer confirmed. Date exceptions are added and removed one at a time (not
 * replaced as a list), so a change made elsewhere in the meantime is not lost.
 */
export const ProfilePatchSchema = z
  .object({
    languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1),
    wijken: z.array(WijkKeySchema),
    anywhere: z.boolean(),
    themes: z.array(ThemeKeySchema),
    weekly: WeeklySchema,
    addUnavailable: LocalDate,
    removeException: LocalDate,
    maxPerMonth: z.number().int().min(MAX_PER_MONTH.min).max(MAX_PER_MONTH.max),
    pausedUntil: LocalDate.nullable(),
    broadcastOptOut: z.boolean(),
  })
  .partial();
export type ProfilePatch = z.infer<typeof ProfilePatchSchema>;

export const STEPS = ['loading', 'menu', ...SECTIONS, 'saving'] as const;
export type Step = (typeof STEPS)[number];

/** Choices being toggled before "Done" saves them. */
const DraftSchema = z.object({
  wijken: z.array(WijkKeySchema).optional(),
  anywhere: z.boolean().optional(),
  themes: z.array(ThemeKeySchema).optional(),
  weekly: WeeklySchema.optional(),
});
export type ProfileDraft = z.infer<typeof DraftSchema>;

export const ProfileStateSchema = z.object({
  step: z.enum(STEPS),
  /** Null until the stored profile has been loaded. */
  profile: ProfileSnapshotSchema.nullable(),
  draft: DraftSchema,
  /** What to open once the profile is loaded (a section asked for with the command, and its text). */
  open: z.object({ section: z.enum(SECTIONS).nullable(), args: z.string() }).optional(),
  /** After a save: back to the overview, or end (when one section was opened by command, e.g. /pauze). */
  returnTo: z.enum(['menu', 'end']),
  /** While saving: the section that asked, and what kind of change it was (for the confirmation). */
  saving: z
    .object({
      from: z.enum(SECTIONS),
      kind: z.enum(['field', 'pause', 'unpause']),
      note: z.string().optional(),
    })
    .optional(),
});
export type ProfileState = z.infer<typeof ProfileStateSchema>;
