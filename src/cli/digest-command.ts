import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { digestEntries } from '../db/harvest-digest-query.ts';
import { digestChartSvgs } from '../domain/charts.ts';
import { renderDigest } from '../domain/harvest-digest.ts';
import { matchTheme } from '../domain/themes.ts';
import { matchWijk } from '../domain/wijken.ts';
import { svgToPng } from '../jobs/chart-png.ts';

/**
 * `digest --from DATE --to DATE [--wijk W] [--theme T] [--charts DIR]`: prints the harvest digest for
 * coordinators; with --charts also writes the two charts as PNG (and SVG) into DIR.
 */
export async function runDigest(args: string[], log: Logger): Promise<number> {
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const config = loadConfig();
  const zone = config.APP_TIMEZONE;
  const from = DateTime.fromISO(opt('from') ?? '', { zone });
  const to = DateTime.fromISO(opt('to') ?? '', { zone });
  if (!from.isValid || !to.isValid) {
    console.error('digest needs --from YYYY-MM-DD and --to YYYY-MM-DD [--wijk W] [--theme T] [--charts DIR]');
    return 2;
  }
  const wijkArg = opt('wijk');
  const themeArg = opt('theme');
  const wijk = wijkArg ? matchWijk(wijkArg) : undefined;
  const theme = themeArg ? matchTheme(themeArg) : undefined;
  if (wijk === null || theme === null) {
    console.error(`unknown ${wijk === null ? `wijk "${wijkArg}"` : `theme "${themeArg}"`}`);
    return 2;
  }
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, log });
  try {
    const entries = await digestEntries(db.prisma, {
      from: from.startOf('day').toJSDate(),
      to: to.plus({ days: 1 }).startOf('day').toJSDate(),
      wijk,
      theme,
    });
    console.log(renderDigest(entries, { from: from.toISODate() ?? '', to: to.toISODate() ?? '' }));
    const dir = opt('charts');
    if (dir) {
      // Dialogues per month: the twelve months up to and including --to's month.
      const end = to.startOf('month');
      const lastYear = await digestEntries(db.prisma, {
        from: end.minus({ months: 11 }).toJSDate(),
        to: end.plus({ months: 1 }).toJSDate(),
        wijk,
        theme,
      });
      const charts = digestChartSvgs(entries, lastYear, { locale: 'nl', zone, end });
      await mkdir(dir, { recursive: true });
      for (const [name, svg] of [
        ['themas-per-wijk', charts.themesPerWijk],
        ['dialogen-per-maand', charts.dialoguesPerMonth],
      ] as const) {
        await writeFile(join(dir, `${name}.png`), svgToPng(svg));
        await writeFile(join(dir, `${name}.svg`), svg);
        console.error(`wrote ${join(dir, `${name}.png`)}`);
      }
    }
    return 0;
  } finally {
    await db.close();
  }
}
