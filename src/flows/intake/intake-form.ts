import { t } from '../../i18n/index.ts';
import type { FlowContext } from '../types.ts';
import { applyAnswer } from './intake-answers.ts';
import {
  type CompleteDraft,
  CompleteDraftSchema,
  type Draft,
  MAX_DATE_OPTIONS,
  type Step,
} from './intake-state.ts';

/** The fields of the request form (a Slack modal, later perhaps a web form), in display order. */
export const INTAKE_FORM_FIELDS = [
  'organisation',
  'theme',
  'goal',
  'targetGroup',
  'participants',
  'languages',
  'locationType',
  'wijk',
  'address',
  'dates',
  'scheduleMode',
  'duration',
  'coDesign',
  'accessibility',
  'contactName',
  'contactReach',
] as const;
export type IntakeFormField = (typeof INTAKE_FORM_FIELDS)[number];
export type IntakeFormValues = Partial<Record<IntakeFormField, string>>;

/** The form as a whole: a complete draft, or one message per field that needs attention. */
export type IntakeFormResult =
  | { ok: true; draft: CompleteDraft }
  | { ok: false; errors: Partial<Record<IntakeFormField, string>> };

/** Fields whose value comes from a choice (select, radio): read like a button's value, not typed text. */
const CHOSEN: ReadonlySet<IntakeFormField> = new Set([
  'theme',
  'locationType',
  'wijk',
  'duration',
  'coDesign',
]);
const OPTIONAL: ReadonlySet<IntakeFormField> = new Set(['accessibility', 'scheduleMode']);

/**
 * Validates a whole request form with the same answer parsers as the step-by-step chat, so both
 * paths accept and refuse exactly the same answers. Pure: the adapter shows the errors inline.
 */
export function validateIntakeForm(
  values: IntakeFormValues,
  ctx: Pick<FlowContext, 'now' | 'zone' | 'locale'>,
): IntakeFormResult {
  const l = ctx.locale;
  const errors: Partial<Record<IntakeFormField, string>> = {};
  let draft: Draft = {};
  const value = (f: IntakeFormField) => (values[f] ?? '').trim();

  const apply = (field: IntakeFormField, step: Step, raw = value(field)) => {
    if (!raw) {
      if (!OPTIONAL.has(field)) errors[field] ??= t(l, 'form.required');
      return;
    }
    const r = applyAnswer(step, raw, CHOSEN.has(field), draft, ctx);
    if (r.ok) draft = r.draft;
    else errors[field] ??= r.message;
  };

  apply('organisation', 'organisation');
  apply('theme', 'theme');
  apply('goal', 'goal');
  apply('targetGroup', 'targetGroup');
  apply('participants', 'participants');
  apply('languages', 'languages');
  apply('locationType', 'locationType');
  if (draft.online === false) {
    apply('wijk', 'wijk');
    apply('address', 'address');
  }

  const lines = value('dates')
    .split(/\n|;/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (lines.length === 0) errors.dates = t(l, 'form.required');
  if (lines.length > MAX_DATE_OPTIONS)
    errors.dates = t(l, 'invalid.date.max_options', { max: MAX_DATE_OPTIONS });
  else for (const line of lines) apply('dates', 'date', line);
  const dateCount = draft.dates?.length ?? 0;
  const mode = value('scheduleMode').toUpperCase();
  draft = { ...draft, scheduleMode: dateCount > 1 && mode === 'SERIES' ? 'SERIES' : 'ALTERNATIVES' };

  apply('duration', 'duration');
  apply('coDesign', 'coDesign');
  if (value('accessibility')) apply('accessibility', 'accessibility');
  else draft = { ...draft, accessibility: null };
  apply('contactName', 'contactName');
  apply('contactReach', 'contactReach');

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const complete = CompleteDraftSchema.safeParse(draft);
  // Every field above was checked; a failure here would be a bug in this list, so say which field.
  if (!complete.success) return { ok: false, errors: { organisation: t(l, 'form.required') } };
  return { ok: true, draft: complete.data };
}
