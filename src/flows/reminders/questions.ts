import { suggestCodesign } from '../../domain/codesign.ts';
import { THEME_KEYS, type ThemeKey } from '../../domain/themes.ts';
import type { Locale } from '../../i18n/index.ts';
import type { SessionSnapshot } from '../staffing/types.ts';

/** Suggested appreciative opening questions for the day-before orientation, from the co-design library. */
export function openingQuestions(session: SessionSnapshot, locale: Locale): string[] {
  // What the coordinator co-designed with the partner wins over the library.
  if (session.codesign?.questions.length) return session.codesign.questions;
  const theme = (THEME_KEYS as readonly string[]).includes(session.theme)
    ? (session.theme as ThemeKey)
    : null;
  return suggestCodesign({
    theme,
    targetGroup: session.targetGroup,
    locale,
    online: session.online,
    participants: session.expectedParticipants,
  }).questions;
}
