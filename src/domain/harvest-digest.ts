import { displayText, type StructuredHarvest } from './harvest.ts';
import { themeName } from './themes.ts';
import { type WijkKey, wijkName } from './wijken.ts';

/** One approved harvest with what the digest groups it by. */
export interface DigestEntry {
  requestNumber: number;
  organisation: string;
  wijk: string | null;
  startsAt: Date;
  harvest: StructuredHarvest;
}

/**
 * The coordinators' digest over approved harvests: dialogues and participants, themes per wijk and
 * per theme with references to the requests they come from, and a few verbatim, shareable quotes.
 * Only what the facilitators approved for sharing is in it.
 */
export function renderDigest(
  entries: DigestEntry[],
  opts: { from: string; to: string; maxQuotes?: number },
): string {
  const ref = (e: DigestEntry) => `#${e.requestNumber}`;
  const participants = entries.reduce((n, e) => n + (e.harvest.participants ?? 0), 0);
  const lines = [
    `Oogst-overzicht ${opts.from} t/m ${opts.to}`,
    `Dialogen: ${entries.length} · deelnemers: ${participants}`,
  ];
  const byWijk = group(entries, (e) => (e.wijk ? wijkName(e.wijk as WijkKey) : 'online / onbekend'));
  if (byWijk.size) lines.push('', "Thema's per wijk:");
  for (const [wijk, list] of byWijk) {
    const themes = group(
      list.flatMap((e) => e.harvest.themes.map((theme) => ({ theme, e }))),
      (x) => x.theme,
    );
    const parts = [...themes].map(
      ([theme, xs]) => `${themeName(theme as never, 'nl')} (${xs.map((x) => ref(x.e)).join(', ')})`,
    );
    lines.push(`• ${wijk}: ${parts.join('; ') || '—'}`);
  }
  const byTheme = group(
    entries.flatMap((e) => e.harvest.themes.map((theme) => ({ theme, e }))),
    (x) => x.theme,
  );
  if (byTheme.size) lines.push('', 'Per thema:');
  for (const [theme, xs] of [...byTheme].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`• ${themeName(theme as never, 'nl')}: ${xs.length} — ${xs.map((x) => ref(x.e)).join(', ')}`);
  }
  const quotes = entries
    .flatMap((e) =>
      e.harvest.items.filter((i) => i.section === 'quote' && i.share && i.verbatim).map((i) => ({ i, e })),
    )
    .slice(0, opts.maxQuotes ?? 5);
  if (quotes.length)
    lines.push('', 'Uitspraken:', ...quotes.map((q) => `• ${displayText(q.i)} (${ref(q.e)})`));
  return lines.join('\n');
}

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
