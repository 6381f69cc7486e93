import { DateTime } from 'luxon';
import { type Locale, t } from '../i18n/index.ts';
import { type DigestEntry, themesPerWijk } from './harvest-digest.ts';
import { type ThemeKey, themeName } from './themes.ts';

/** Okabe–Ito plus three of Tol's: colours that stay apart for people with colour-vision deficiencies. */
const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#882255',
  '#44AA99',
  '#999933',
  '#000000',
];
/** Light fills get dark numbers on them. */
const LIGHT = new Set(['#E69F00', '#56B4E9', '#F0E442', '#44AA99', '#999933']);
const FONT = 'DejaVu Sans';
const WIDTH = 800;

export interface StackedRow {
  label: string;
  segments: { key: string; value: number }[];
}

/** Horizontal stacked bars (one row per wijk, one colour per theme) with a legend. Pure SVG text. */
export function stackedBarChartSvg(opts: {
  title: string;
  rows: StackedRow[];
  legend: { key: string; label: string }[];
  emptyText: string;
}): string {
  const left = 190;
  const right = 40;
  const rowH = 34;
  const top = 60;
  const max = Math.max(0, ...opts.rows.map((r) => r.segments.reduce((n, s) => n + s.value, 0)));
  const legendRows = Math.ceil(opts.legend.length / 3);
  const height = top + Math.max(1, opts.rows.length) * rowH + 30 + legendRows * 24 + 20;
  const colour = new Map(opts.legend.map((x, i) => [x.key, PALETTE[i % PALETTE.length] as string]));
  const parts = [header(opts.title, height)];
  if (max === 0)
    parts.push(text(WIDTH / 2, top + 20, opts.emptyText, { anchor: 'middle', size: 16, fill: '#555' }));
  const scale = max > 0 ? (WIDTH - left - right) / max : 0;
  opts.rows.forEach((row, i) => {
    const y = top + i * rowH;
    parts.push(text(left - 10, y + 21, row.label, { anchor: 'end', size: 15 }));
    let x = left;
    for (const seg of row.segments) {
      if (seg.value <= 0) continue;
      const w = seg.value * scale;
      parts.push(
        `<rect x="${fmt(x)}" y="${y + 6}" width="${fmt(w)}" height="${rowH - 12}" fill="${colour.get(seg.key) ?? '#999'}"/>`,
      );
      const fill = LIGHT.has(colour.get(seg.key) ?? '') ? '#111' : '#fff';
      if (w >= 18)
        parts.push(text(x + w / 2, y + 22, String(seg.value), { anchor: 'middle', size: 12, fill }));
      x += w;
    }
  });
  const legendTop = top + Math.max(1, opts.rows.length) * rowH + 30;
  opts.legend.forEach((item, i) => {
    const x = 30 + (i % 3) * 250;
    const y = legendTop + Math.floor(i / 3) * 24;
    parts.push(`<rect x="${x}" y="${y - 12}" width="14" height="14" fill="${colour.get(item.key)}"/>`);
    parts.push(text(x + 22, y, item.label, { size: 14 }));
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** Vertical columns (one per month) with the value above each. Pure SVG text. */
export function columnChartSvg(opts: {
  title: string;
  columns: { label: string; value: number }[];
  emptyText: string;
}): string {
  const height = 360;
  const left = 40;
  const bottom = 300;
  const top = 70;
  const max = Math.max(0, ...opts.columns.map((c) => c.value));
  const slot = (WIDTH - left - 20) / Math.max(1, opts.columns.length);
  const parts = [header(opts.title, height)];
  parts.push(
    `<line x1="${left}" y1="${bottom}" x2="${WIDTH - 20}" y2="${bottom}" stroke="#888" stroke-width="1"/>`,
  );
  if (max === 0)
    parts.push(
      text(WIDTH / 2, (top + bottom) / 2, opts.emptyText, { anchor: 'middle', size: 16, fill: '#555' }),
    );
  opts.columns.forEach((c, i) => {
    const x = left + i * slot;
    const h = max > 0 ? (c.value / max) * (bottom - top) : 0;
    if (h > 0)
      parts.push(
        `<rect x="${fmt(x + slot * 0.15)}" y="${fmt(bottom - h)}" width="${fmt(slot * 0.7)}" height="${fmt(h)}" fill="${PALETTE[0]}"/>`,
      );
    parts.push(text(x + slot / 2, bottom - h - 6, String(c.value), { anchor: 'middle', size: 13 }));
    parts.push(text(x + slot / 2, bottom + 20, c.label, { anchor: 'middle', size: 13 }));
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** The digest's two charts: themes per wijk (the period) and dialogues per month (12 months up to `end`). */
export function digestChartSvgs(
  period: DigestEntry[],
  lastYear: DigestEntry[],
  opts: { locale: Locale; zone: string; end: DateTime },
): { themesPerWijk: string; dialoguesPerMonth: string } {
  const l = opts.locale;
  const perWijk = themesPerWijk(period, l);
  const themeKeys = [...new Set(period.flatMap((e) => e.harvest.themes))].sort();
  const rows = [...perWijk]
    .map(([wijk, themes]) => ({
      label: wijk,
      segments: themeKeys.map((key) => ({ key, value: themes.get(key)?.length ?? 0 })),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const months = Array.from({ length: 12 }, (_, i) =>
    opts.end
      .setZone(opts.zone)
      .startOf('month')
      .minus({ months: 11 - i }),
  );
  const columns = months.map((m) => ({
    label: m.setLocale(l).toFormat('LLL').replace('.', ''),
    value: lastYear.filter((e) => DateTime.fromJSDate(e.startsAt, { zone: opts.zone }).hasSame(m, 'month'))
      .length,
  }));
  return {
    themesPerWijk: stackedBarChartSvg({
      title: t(l, 'digest.chart_themes'),
      rows,
      legend: themeKeys.map((key) => ({ key, label: themeName(key as ThemeKey, l) })),
      emptyText: t(l, 'digest.chart_empty'),
    }),
    dialoguesPerMonth: columnChartSvg({
      title: `${t(l, 'digest.chart_months')} (${months[0]?.toFormat('MM-yyyy')} – ${months[11]?.toFormat('MM-yyyy')})`,
      columns,
      emptyText: t(l, 'digest.chart_empty'),
    }),
  };
}

function header(title: string, height: number): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    text(30, 36, title, { size: 20, weight: 'bold' }),
  ].join('\n');
}

function text(
  x: number,
  y: number,
  s: string,
  o: { anchor?: 'start' | 'middle' | 'end'; size?: number; fill?: string; weight?: string } = {},
): string {
  const attrs = [
    `x="${fmt(x)}"`,
    `y="${fmt(y)}"`,
    `font-size="${o.size ?? 14}"`,
    `fill="${o.fill ?? '#222'}"`,
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
    o.weight ? `font-weight="${o.weight}"` : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${escapeXml(s)}</text>`;
}

export function escapeXml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
}

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();
