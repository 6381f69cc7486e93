import { languageName } from '../../domain/languages.ts';
import { THEME_KEYS } from '../../domain/themes.ts';
import { exampleDate } from '../../domain/time.ts';
import { WIJKEN } from '../../domain/wijken.ts';
import {
  INTAKE_FORM_FIELDS,
  type IntakeFormField,
  type IntakeFormValues,
} from '../../flows/intake/intake-form.ts';
import { type Locale, type MessageKey, t } from '../../i18n/index.ts';
import { truncate } from './slack-blocks.ts';

/** `callback_id` of the request modal; its submission comes back as a view_submission with this id. */
export const INTAKE_FORM_CALLBACK = 'dialoog:intake-form';
const ACTION = 'value';

export interface FormDefaults {
  locale: Locale;
  displayName: string;
  organisations: string[];
}

type Option = { text: { type: 'plain_text'; text: string }; value: string };
const option = (text: string, value: string): Option => ({
  text: { type: 'plain_text', text: truncate(text, 75) },
  value,
});

/** The request form as a modal: the same fields as the step-by-step chat, validated by the core. */
export function intakeModal(d: FormDefaults, now: Date, zone: string) {
  const l = d.locale;
  const label = (f: IntakeFormField) =>
    truncate(t(l, `form.label.${f}` as MessageKey, { example: exampleDate(now, zone) }), 2000);
  const text = (
    f: IntakeFormField,
    o: { multiline?: boolean; initial?: string; optional?: boolean; max?: number } = {},
  ) => ({
    type: 'input',
    block_id: f,
    optional: o.optional ?? false,
    label: { type: 'plain_text', text: label(f) },
    element: {
      type: 'plain_text_input',
      action_id: ACTION,
      multiline: o.multiline ?? false,
      max_length: o.max ?? 1000,
      ...(o.initial ? { initial_value: o.initial } : {}),
    },
  });
  const choice = (
    f: IntakeFormField,
    kind: 'static_select' | 'radio_buttons',
    options: Option[],
    optional = false,
  ) => ({
    type: 'input',
    block_id: f,
    optional,
    label: { type: 'plain_text', text: label(f) },
    element: {
      type: kind,
      action_id: ACTION,
      options,
      ...(kind === 'static_select'
        ? { placeholder: { type: 'plain_text', text: t(l, 'slack.form.select') } }
        : {}),
    },
  });
  const only = d.organisations.length === 1 ? d.organisations[0] : undefined;
  return {
    type: 'modal' as const,
    callback_id: INTAKE_FORM_CALLBACK,
    // The locale travels with the view so the submission is validated in the language it was shown in.
    private_metadata: JSON.stringify({ locale: l }),
    title: { type: 'plain_text', text: truncate(t(l, 'slack.form.title'), 24) },
    submit: { type: 'plain_text', text: truncate(t(l, 'slack.form.submit'), 24) },
    close: { type: 'plain_text', text: truncate(t(l, 'slack.form.close'), 24) },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: t(l, 'slack.form.intro') } },
      text('organisation', { initial: only, max: 120 }),
      choice(
        'theme',
        'static_select',
        THEME_KEYS.map((k) => option(t(l, `theme.${k}`), k)),
      ),
      text('goal', { multiline: true }),
      text('targetGroup', { max: 300 }),
      text('participants', { max: 20 }),
      text('languages', { initial: languageName('nl', l), max: 200 }),
      choice('locationType', 'radio_buttons', [
        option(t(l, 'intake.location.onsite'), 'onsite'),
        option(t(l, 'intake.location.online'), 'online'),
      ]),
      choice(
        'wijk',
        'static_select',
        WIJKEN.map((w) => option(w.name, w.key)),
        true,
      ),
      text('address', { optional: true, max: 200 }),
      text('dates', { multiline: true, max: 400 }),
      choice(
        'scheduleMode',
        'radio_buttons',
        [
          option(t(l, 'intake.schedule.alternatives'), 'ALTERNATIVES'),
          option(t(l, 'intake.schedule.series'), 'SERIES'),
        ],
        true,
      ),
      choice(
        'duration',
        'static_select',
        ['60', '90', '120', '150', '180'].map((m) => option(t(l, 'value.minutes', { minutes: m }), m)),
      ),
      choice('coDesign', 'radio_buttons', [
        option(t(l, 'common.yes'), 'yes'),
        option(t(l, 'common.no'), 'no'),
      ]),
      text('accessibility', { multiline: true, optional: true, max: 500 }),
      text('contactName', { initial: d.displayName || undefined, max: 80 }),
      text('contactReach', { max: 200 }),
    ],
  };
}

type StateValue = { type?: string; value?: string | null; selected_option?: { value: string } | null };

/** Reads the submitted values (`view.state.values`) as plain strings per form field. */
export function formValues(state: Record<string, Record<string, StateValue>> | undefined): IntakeFormValues {
  const out: IntakeFormValues = {};
  for (const field of INTAKE_FORM_FIELDS) {
    const v = state?.[field]?.[ACTION];
    const value = v?.selected_option?.value ?? v?.value ?? '';
    if (value) out[field] = value.slice(0, 5000);
  }
  return out;
}

/** The modal's locale, as stored when it was opened. */
export function modalLocale(privateMetadata: string | undefined, fallback: Locale): Locale {
  try {
    const l = (JSON.parse(privateMetadata ?? '{}') as { locale?: string }).locale;
    return l === 'nl' || l === 'en' ? l : fallback;
  } catch {
    return fallback;
  }
}
