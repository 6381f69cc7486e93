import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { columnChartSvg, digestChartSvgs, stackedBarChartSvg } from './charts.ts';
import type { DigestEntry } from './harvest-digest.ts';

const entry = (wijk: string | null, themes: string[], startsAt: string): DigestEntry => ({
  requestNumber: 1,
  organisation: 'A',
  wijk,
  startsAt: new Date(startsAt),
  harvest: { version: 1, participants: 5, themes: themes as never, tags: [], items: [] },
});

describe('charts as SVG', () => {
  it('stacks one bar per row, one colour per legend key, proportional to the values', () => {
    const svg = stackedBarChartSvg({
      title: 'Thema’s per wijk',
      rows: [
        {
          label: 'Overvecht',
          segments: [
            { key: 'a', value: 2 },
            { key: 'b', value: 2 },
          ],
        },
        {
          label: 'Zuid <&>',
          segments: [
            { key: 'a', value: 1 },
            { key: 'b', value: 0 },
          ],
        },
      ],
      legend: [
        { key: 'a', label: 'Eenzaamheid' },
        { key: 'b', label: 'Wonen' },
      ],
      emptyText: 'leeg',
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Zuid &lt;&amp;&gt;');
    const widths = [...svg.matchAll(/<rect x="[\d.]+" y="\d+" width="([\d.]+)" height="22"/g)].map((m) =>
      Number(m[1]),
    );
    expect(widths).toHaveLength(3); // a zero segment draws nothing
    expect(widths[0]).toBeCloseTo(widths[1] as number, 1);
    expect(widths[0]).toBeCloseTo(2 * (widths[2] as number), 1);
    expect(svg).toContain('#0072B2');
    expect(svg).toContain('#E69F00');
    expect(svg).not.toContain('leeg');
  });

  it('says so when there is nothing to draw', () => {
    const svg = columnChartSvg({
      title: 'Dialogen',
      columns: [{ label: 'jan', value: 0 }],
      emptyText: 'Nog niets',
    });
    expect(svg).toContain('Nog niets');
    expect(svg).not.toMatch(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#0072B2"/);
  });

  it('the digest charts: themes per wijk for the period, twelve months of dialogues up to the end month', () => {
    const zone = 'Europe/Amsterdam';
    const period = [
      entry('overvecht', ['eenzaamheid', 'wonen'], '2026-10-05T10:00:00Z'),
      entry('zuidwest', ['wonen'], '2026-10-20T10:00:00Z'),
    ];
    const lastYear = [
      ...period,
      entry('overvecht', ['wonen'], '2026-03-01T10:00:00Z'),
      entry(null, [], '2025-09-01T10:00:00Z'),
    ];
    const { themesPerWijk, dialoguesPerMonth } = digestChartSvgs(period, lastYear, {
      locale: 'nl',
      zone,
      end: DateTime.fromISO('2026-10-01', { zone }),
    });
    expect(themesPerWijk).toContain('>Overvecht<');
    expect(themesPerWijk).toContain('>Zuidwest<');
    expect(themesPerWijk).toContain('>Wonen<');
    expect(dialoguesPerMonth).toContain('(11-2025 – 10-2026)');
    const labels = [
      ...dialoguesPerMonth.matchAll(/y="320" font-size="13" fill="#222" text-anchor="middle">([^<]+)</g),
    ].map((m) => m[1]);
    expect(labels).toHaveLength(12);
    expect(labels.at(-1)).toBe('okt');
    // Values above columns: October 2, March 1, the rest 0; September 2025 is outside the window.
    const values = [
      ...dialoguesPerMonth.matchAll(/font-size="13" fill="#222" text-anchor="middle">(\d+)</g),
    ].map((m) => Number(m[1]));
    expect(values.reduce((a, b) => a + b, 0)).toBe(3);
  });
});
