import { fill } from '../../i18n/fill.ts';
import { languageName } from '../languages.ts';
import { THEME_KEYS, type ThemeKey, themeName } from '../themes.ts';
import { WIJK_KEYS, wijkName } from '../wijken.ts';
import { type MatchingMessageKey, matchingMessages } from './messages.ts';
import type { Relaxation } from './rank.ts';
import type { ExclusionReason } from './rules.ts';
import type { Explanation, ScorePart } from './scores.ts';

type Locale = 'nl' | 'en';

/** One explanation as a sentence fragment for the coordinator ("actief in Overvecht"). */
export function explain(why: Explanation, locale: Locale): string {
  const params: Record<string, string | number> = { ...why.params };
  if (typeof params.wijk === 'string' && isOneOf(WIJK_KEYS, params.wijk)) params.wijk = wijkName(params.wijk);
  if (typeof params.theme === 'string' && isOneOf(THEME_KEYS, params.theme)) {
    params.theme = themeName(params.theme as ThemeKey, locale).toLowerCase();
  }
  if (typeof params.language === 'string') params.language = languageName(params.language, locale);
  return render(why.code, locale, params);
}

/** A score breakdown as lines: "+3 · actief in Overvecht". */
export function explainParts(parts: readonly ScorePart[], locale: Locale): string[] {
  return parts.map((p) => `${signed(p.points)} · ${p.why.map((w) => explain(w, locale)).join('; ')}`);
}

export function explainExclusion(reason: ExclusionReason, locale: Locale): string {
  return render(`rule.${reason}`, locale, {});
}

export function explainRelaxation(r: Relaxation, locale: Locale): string {
  return render(`relax.${r.kind}`, locale, { count: r.count, minutes: r.minutes ?? 0 });
}

function render(code: string, locale: Locale, params: Record<string, string | number>): string {
  const entry = (matchingMessages as Record<string, { nl: string; en: string }>)[code as MatchingMessageKey];
  const template = entry ? entry[locale] : code;
  return fill(template, locale, params);
}

function signed(points: number): string {
  const text = Number.isInteger(points) ? String(points) : points.toFixed(1);
  return points > 0 ? `+${text}` : text;
}

function isOneOf<T extends string>(keys: readonly T[], value: string): value is T {
  return (keys as readonly string[]).includes(value);
}
