import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { digestEntries } from '../db/harvest-digest-query.ts';
import { renderDigest } from '../domain/harvest-digest.ts';
import { matchTheme } from '../domain/themes.ts';
import { matchWijk } from '../domain/wijken.ts';

/** `digest --from DATE --to DATE [--wijk W] [--theme T]`: prints the harvest digest for coordinators. */
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
    console.error('digest needs --from YYYY-MM-DD and --to YYYY-MM-DD');
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
    return 0;
  } finally {
    await db.close();
  }
}
