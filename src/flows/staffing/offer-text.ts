import { languageName } from '../../domain/languages.ts';
import { formatDateTime } from '../../domain/time.ts';
import { WIJKEN } from '../../domain/wijken.ts';
import { type Locale, type MessageKey, t } from '../../i18n/index.ts';
import type { RankResult, SessionSnapshot } from './types.ts';

/** "di 8 dec 2026 19:30–21:00" in the reader's language. */
export function when(s: Pick<SessionSnapshot, 'startsAt' | 'endsAt'>, zone: string, locale: Locale): string {
  const end = formatDateTime(s.endsAt, zone, locale).slice(-5);
  return `${formatDateTime(s.startsAt, zone, locale)}–${end}`;
}

export function where(s: SessionSnapshot, locale: Locale): string {
  if (s.online) return t(locale, 'value.online');
  const wijk = WIJKEN.find((w) => w.key === s.wijk)?.name ?? s.wijk ?? '';
  return [s.address, wijk].filter(Boolean).join(', ');
}

/** The facts of a session as a volunteer needs them to decide. */
export function sessionDetails(s: SessionSnapshot, zone: string, locale: Locale): string {
  return t(locale, 'offer.details', {
    theme: t(locale, `theme.${s.theme}` as MessageKey),
    when: when(s, zone, locale),
    where: where(s, locale),
    organisation: s.organisation,
    targetGroup: s.targetGroup,
    participants: s.expectedParticipants,
    languages: s.languages.map((c) => languageName(c, locale)).join(', '),
  });
}

/** "Anouk en Mohamed" / "Anouk and Mohamed". */
export function names(list: string[], locale: Locale): string {
  if (list.length <= 1) return list.join('');
  const and = locale === 'nl' ? ' en ' : ' and ';
  return `${list.slice(0, -1).join(', ')}${and}${list.at(-1)}`;
}

/** "Not eligible: 3 speak none of the table's languages. What would help: …" for coordinators. */
export function whyNobody(
  r: Pick<RankResult, 'excludedBy' | 'suggestions'>,
  l: Locale,
): { excluded: string; suggestions: string } {
  const excluded = Object.entries(r.excludedBy).filter(([, n]) => n > 0);
  return {
    excluded: excluded.length
      ? t(l, 'staffing.excluded_line', {
          list: excluded.map(([k, n]) => `${n} ${t(l, `rule.${k}` as MessageKey)}`).join(', '),
        })
      : '',
    suggestions: r.suggestions.length
      ? t(l, 'staffing.suggestions_line', {
          list: r.suggestions
            .map((x) => t(l, `relax.${x.kind}` as MessageKey, { count: x.count, minutes: x.minutes ?? 0 }))
            .join('; '),
        })
      : '',
  };
}
