import { esc } from './html.ts';

export interface Bar {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart as inline SVG: no script, no external resources, text escaped.
 * Used for the fairness ledger and theme totals (labelled bars with data-* attributes); the digest's
 * charts from src/domain/charts.ts (themes per wijk, dialogues per month) are used as they are.
 */
export function barChartSvg(bars: Bar[], opts: { title: string; width?: number }): string {
  const width = opts.width ?? 640;
  const labelWidth = 190;
  const rowHeight = 26;
  const top = 8;
  const height = top + bars.length * rowHeight + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const barSpace = width - labelWidth - 50;
  const rows = bars.map((b, i) => {
    const y = top + i * rowHeight;
    const w = Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * barSpace));
    return (
      `<g data-label="${esc(b.label)}" data-value="${b.value}">` +
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" font-size="13">${esc(b.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 8}" fill="#3d6690"/>` +
      `<text x="${labelWidth + w + 6}" y="${y + 17}" font-size="13">${b.value}</text></g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="system-ui,sans-serif" aria-label="${esc(opts.title)}">` +
    `<title>${esc(opts.title)}</title>${rows.join('')}</svg>`
  );
}
