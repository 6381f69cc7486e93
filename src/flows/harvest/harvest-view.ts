import {
  displayText,
  HARVEST_SECTIONS,
  type HarvestItem,
  type StructuredHarvest,
} from '../../domain/harvest.ts';
import { themeName } from '../../domain/themes.ts';
import { type Locale, type MessageKey, t } from '../../i18n/index.ts';

/** Marks for the facilitator's review: which numbered items are dropped or kept internal. */
export interface ReviewFlags {
  drop: number[];
  hide: number[];
}

/** Applies the facilitator's choices: dropped items disappear, internal ones are never shared. */
export function applyFlags(harvest: StructuredHarvest, flags: ReviewFlags): StructuredHarvest {
  return {
    ...harvest,
    items: harvest.items
      .map((item, i) => (flags.hide.includes(i + 1) ? { ...item, share: false } : item))
      .filter((_, i) => !flags.drop.includes(i + 1)),
  };
}

/** The whole draft, numbered, with what will and will not be shared, for the facilitator. */
export function reviewBody(harvest: StructuredHarvest, flags: ReviewFlags, l: Locale): string {
  const lines = header(harvest, l);
  for (const section of HARVEST_SECTIONS) {
    const numbered = harvest.items
      .map((item, i) => ({ item, n: i + 1 }))
      .filter((x) => x.item.section === section);
    if (numbered.length === 0) continue;
    lines.push('', `*${t(l, `harvest.section.${section}` as MessageKey)}*`);
    for (const { item, n } of numbered) {
      const mark = flags.drop.includes(n)
        ? ` ${t(l, 'harvest.dropped')}`
        : flags.hide.includes(n) || !item.share
          ? ` ${t(l, 'harvest.internal')}`
          : '';
      lines.push(`${n}. ${shown(item, l)}${mark}`);
    }
  }
  return lines.length ? lines.join('\n').trim() : t(l, 'harvest.empty');
}

/** The shareable parts as chat text for the partner. */
export function reportText(harvest: StructuredHarvest, l: Locale): string {
  const lines = header(harvest, l);
  for (const section of HARVEST_SECTIONS) {
    const items = shareable(harvest).filter((i) => i.section === section);
    if (items.length === 0) continue;
    lines.push(
      '',
      `*${t(l, `harvest.section.${section}` as MessageKey)}*`,
      ...items.map((i) => `• ${shown(i, l)}`),
    );
  }
  return lines.join('\n').trim();
}

/** The shareable parts as a small standalone HTML document (the attachment for the partner). */
export function reportHtml(harvest: StructuredHarvest, opts: { title: string; locale: Locale }): string {
  const l = opts.locale;
  const parts = header(harvest, l).map((line) => `<p>${esc(line)}</p>`);
  for (const section of HARVEST_SECTIONS) {
    const items = shareable(harvest).filter((i) => i.section === section);
    if (items.length === 0) continue;
    const tag = section === 'quote' ? 'blockquote' : 'li';
    const list = items.map((i) => `<${tag}>${esc(shown(i, l))}</${tag}>`).join('\n');
    parts.push(
      `<h2>${esc(t(l, `harvest.section.${section}` as MessageKey))}</h2>`,
      section === 'quote' ? list : `<ul>\n${list}\n</ul>`,
    );
  }
  return [
    '<!doctype html>',
    `<html lang="${l}"><head><meta charset="utf-8"><title>${esc(opts.title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;line-height:1.5}blockquote{font-style:italic;margin:0.5rem 1rem}</style>',
    `</head><body><h1>${esc(opts.title)}</h1>`,
    ...parts,
    '</body></html>',
  ].join('\n');
}

const shareable = (h: StructuredHarvest) => h.items.filter((i) => i.share);

function shown(item: HarvestItem, l: Locale): string {
  const text = displayText(item);
  return item.section === 'quote' && !item.verbatim ? `${text} ${t(l, 'harvest.paraphrase')}` : text;
}

function header(h: StructuredHarvest, l: Locale): string[] {
  const lines: string[] = [];
  if (h.participants !== null) lines.push(t(l, 'harvest.participants', { count: h.participants }));
  const themes = [...h.themes.map((k) => themeName(k, l)), ...h.tags];
  if (themes.length) lines.push(t(l, 'harvest.themes', { themes: [...new Set(themes)].join(', ') }));
  return lines;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
