import type { Locale } from '../../i18n/index.ts';
import type { SessionSnapshot } from '../staffing/types.ts';

/** Suggested opening questions for the day-before orientation (wired to the co-design library). */
export function openingQuestions(_session: SessionSnapshot, _locale: Locale): string[] {
  return [];
}
