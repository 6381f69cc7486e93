import { type Locale, t } from '../i18n/index.ts';
import { displayText, type StructuredHarvest } from './harvest.ts';
import { type ThemeKey, themeName } from './themes.ts';
import { type WijkKey, wijkName } from './wijken.ts';

/** One approved harvest with what the digest groups it by. */
export interface DigestEntry {
  requestNumber: number;
  organisation: string;
  wijk: string | null;
  startsAt: Date;
  harvest: StructuredHarvest;
  /** What the partner or a coordinator recorded was done with it ("close the loop"). */
  outcomes?: { text: string; at: string }[];
}

/**
 * The coordinators' digest over approved harvests: dialogues and participants, themes per wijk and
 * per theme with references to the requests they come from, a few verbatim, shareable quotes, and
 * what was done with them. Only what the facilitators approved for sharing is in it.
 */
export function renderDigest(
  entries: DigestEntry[],
  opts: { from: string; to: string; maxQuotes?: number; locale?: Locale },
): string {
  const l = opts.locale ?? 'nl';
  const ref = (e: DigestEntry) => `#${e.requestNumber}`;
  const participants = entries.reduce((n, e) => n + (e.harvest.participants ?? 0), 0);
  const lines = [
    t(l, 'digest.title', { from: opts.from, to: opts.to }),
    t(l, 'digest.counts', { dialogues: entries.length, participants }),
  ];
  const byWijk = themesPerWijk(entries, l);
  if (byWijk.size) lines.push('', t(l, 'digest.per_wijk'));
  for (const [wijk, themes] of byWijk) {
    const parts = [...themes].map(
      ([theme, xs]) => `${themeName(theme as ThemeKey, l)} (${xs.map(ref).join(', ')})`,
    );
    lines.push(`• ${wijk}: ${parts.join('; ') || '—'}`);
  }
  const byTheme = group(
    entries.flatMap((e) => e.harvest.themes.map((theme) => ({ theme, e }))),
    (x) => x.theme,
  );
  if (byTheme.size) lines.push('', t(l, 'digest.per_theme'));
  for (const [theme, xs] of [...byTheme].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`• ${themeName(theme as ThemeKey, l)}: ${xs.length} — ${xs.map((x) => ref(x.e)).join(', ')}`);
  }
  const quotes = entries
    .flatMap((e) =>
      e.harvest.items.filter((i) => i.section === 'quote' && i.share && i.verbatim).map((i) => ({ i, e })),
    )
    .slice(0, opts.maxQuotes ?? 5);
  if (quotes.length)
    lines.push('', t(l, 'digest.quotes'), ...quotes.map((q) => `• ${displayText(q.i)} (${ref(q.e)})`));
  const closed = entries.filter((e) => (e.outcomes ?? []).length > 0);
  if (entries.length) {
    lines.push('', t(l, 'digest.outcomes', { closed: closed.length, total: entries.length }));
    for (const e of closed) {
      for (const o of e.outcomes ?? [])
        lines.push(`• ${ref(e)}: ${o.text.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
  }
  return lines.join('\n');
}

/** Wijk name → theme → the entries with that theme (online sessions under one label). */
export function themesPerWijk(entries: DigestEntry[], l: Locale): Map<string, Map<string, DigestEntry[]>> {
  const byWijk = group(entries, (e) => (e.wijk ? wijkName(e.wijk as WijkKey) : t(l, 'digest.no_wijk')));
  return new Map(
    [...byWijk].map(([wijk, list]) => [
      wijk,
      new Map(
        [
          ...group(
            list.flatMap((e) => e.harvest.themes.map((theme) => ({ theme, e }))),
            (x) => x.theme,
          ),
        ].map(([theme, xs]) => [theme, xs.map((x) => x.e)]),
      ),
    ]),
  );
}

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
