import { matchingMessages } from '../domain/matching/messages.ts';
import { fill } from './fill.ts';
import { audit } from './messages/audit.ts';
import { broadcasts, invites } from './messages/broadcast.ts';
import { codesign } from './messages/codesign.ts';
import { common } from './messages/common.ts';
import { codesignEdit, coordinator } from './messages/coordinator.ts';
import { dashboard } from './messages/dashboard.ts';
import { forms } from './messages/forms.ts';
import { harvest } from './messages/harvest.ts';
import { digest, harvestExtra } from './messages/harvest-extra.ts';
import { intake, intakeFreeText } from './messages/intake.ts';
import { intakeFields } from './messages/intake-fields.ts';
import { linking } from './messages/linking.ts';
import { offers, sessions } from './messages/offers.ts';
import { onboarding } from './messages/onboarding.ts';
import { overview } from './messages/overview.ts';
import { privacy } from './messages/privacy.ts';
import { profile } from './messages/profile.ts';
import { reminders } from './messages/reminders.ts';
import { slack } from './messages/slack.ts';
import { telegram } from './messages/telegram.ts';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const catalogue = {
  ...common,
  ...onboarding,
  ...intake,
  ...intakeFreeText,
  ...intakeFields,
  ...slack,
  ...forms,
  ...linking,
  ...offers,
  ...sessions,
  ...coordinator,
  ...codesignEdit,
  ...reminders,
  ...telegram,
  ...matchingMessages,
  ...codesign,
  ...profile,
  ...harvest,
  ...harvestExtra,
  ...digest,
  ...privacy,
  ...overview,
  ...dashboard,
  ...audit,
  ...invites,
  ...broadcasts,
};
export type MessageKey = keyof typeof catalogue;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Translates a catalogue key; {placeholders} are filled with plain text, and {count|dag|dagen}
 * becomes the word for one or for more (src/i18n/fill.ts).
 */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const entry = catalogue[key] as { nl: string; en: string } | undefined;
  // A key built from data that has no text yet shows the key rather than crashing a conversation.
  const template: string = entry ? (entry[locale] ?? entry.nl) : String(key);
  return fill(template, locale, params);
}

/** Whether a key exists (for keys built from data, such as `theme.<key>`). */
export function hasKey(key: string): key is MessageKey {
  return key in catalogue;
}

/** Every key with its texts (tests that check the catalogue as a whole). */
export function catalogueEntries(): [MessageKey, Record<Locale, string>][] {
  return Object.entries(catalogue) as [MessageKey, Record<Locale, string>][];
}
