import type { Buffer } from 'node:buffer';
import { DateTime } from 'luxon';
import { digestEntries } from '../db/harvest-digest-query.ts';
import { digestChartSvgs } from '../domain/charts.ts';
import { renderDigest } from '../domain/harvest-digest.ts';
import { outOfQuiet } from '../domain/harvest-plan.ts';
import { isQuiet } from '../domain/reminder-plan.ts';
import { firstWorkingDay } from '../domain/working-day.ts';
import type { UnitOfWork } from '../flows/ports.ts';
import type { AfterCommit } from '../flows/shell.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { type Locale, t } from '../i18n/index.ts';
import { svgToPng } from './chart-png.ts';
import type { TimerKind } from './timers.ts';

export const MONTHLY_DIGEST_TIMER = 'monthly_digest';
/** The last month (yyyy-MM) whose digest went out: the timer's truth. */
const LAST_MONTH_KEY = 'digest.monthly.lastMonth';

export interface MonthlyDigestDeps {
  prisma: PrismaClient;
  uow: UnitOfWork;
  zone: string;
  now: () => Date;
  afterCommit(done: AfterCommit): Promise<void>;
}

/** When the digest of `month` (yyyy-MM) is due: the next month's first working day, 09:00 local. */
export function digestDueAt(month: string, zone: string): DateTime {
  const next = DateTime.fromISO(`${month}-01`, { zone }).plus({ months: 1 });
  return firstWorkingDay(next.year, next.month, zone);
}

/** A digest more than this late (first install, a long outage) is skipped: next month's comes on time. */
const LATE_LIMIT_DAYS = 3;

/** The month whose digest is the next to send, given the last one sent. */
export function nextDigestMonth(now: Date, last: string | null, zone: string): string {
  const previous = DateTime.fromJSDate(now, { zone }).startOf('month').minus({ months: 1 });
  let month =
    last === null || last < previous.toFormat('yyyy-MM')
      ? previous
      : DateTime.fromISO(`${last}-01`, { zone }).plus({ months: 1 });
  while (
    digestDueAt(month.toFormat('yyyy-MM'), zone).plus({ days: LATE_LIMIT_DAYS }).toMillis() < now.getTime()
  )
    month = month.plus({ months: 1 });
  return month.toFormat('yyyy-MM');
}

/**
 * The monthly digest for coordinators: text plus two PNG charts, on the first working day of the
 * month at 09:00. Once per month even with two processes or a restart: the outbox keys carry the
 * month, and the Setting row says which month went out last.
 */
export function monthlyDigestTimer(deps: MonthlyDigestDeps): TimerKind {
  const lastSent = async (): Promise<string | null> => {
    const row = await deps.prisma.setting.findUnique({ where: { key: LAST_MONTH_KEY } });
    return typeof row?.value === 'string' ? row.value : null;
  };
  return {
    name: MONTHLY_DIGEST_TIMER,
    async pending() {
      const now = deps.now();
      const month = nextDigestMonth(now, await lastSent(), deps.zone);
      let due = digestDueAt(month, deps.zone);
      const local = DateTime.fromJSDate(now, { zone: deps.zone });
      // Overdue after an outage and now at night: the morning is soon enough.
      if (due < local && isQuiet(local)) due = outOfQuiet(local);
      return [{ id: month, dueAt: due.toJSDate() }];
    },
    async run(month, now) {
      if (!/^\d{4}-\d{2}$/.test(month)) return;
      const local = DateTime.fromJSDate(now, { zone: deps.zone });
      if (digestDueAt(month, deps.zone).toMillis() > now.getTime() + 1000 || isQuiet(local)) return;
      const last = await lastSent();
      if (last !== null && last >= month) return;
      if (nextDigestMonth(now, last, deps.zone) !== month) return;
      const out = await sendMonthlyDigest(deps, month);
      await deps.prisma.setting.upsert({
        where: { key: LAST_MONTH_KEY },
        update: { value: month },
        create: { key: LAST_MONTH_KEY, value: month },
      });
      await deps.afterCommit(out);
    },
  };
}

/** Queues the digest of `month` for every coordinator (idempotent per month and coordinator). */
export async function sendMonthlyDigest(
  deps: Pick<MonthlyDigestDeps, 'prisma' | 'uow' | 'zone'>,
  month: string,
): Promise<AfterCommit> {
  const start = DateTime.fromISO(`${month}-01`, { zone: deps.zone });
  const end = start.plus({ months: 1 });
  const period = await digestEntries(deps.prisma, { from: start.toJSDate(), to: end.toJSDate() });
  const lastYear = await digestEntries(deps.prisma, {
    from: start.minus({ months: 11 }).toJSDate(),
    to: end.toJSDate(),
  });
  const rendered = new Map<Locale, { text: string; pngs: [string, string, Buffer][] }>();
  const render = (l: Locale) => {
    const cached = rendered.get(l);
    if (cached) return cached;
    const charts = digestChartSvgs(period, lastYear, { locale: l, zone: deps.zone, end: start });
    const text = [
      t(l, 'digest.monthly_intro', { month: start.setLocale(l).toFormat('LLLL yyyy') }),
      '',
      renderDigest(period, {
        from: start.toISODate() ?? '',
        to: end.minus({ days: 1 }).toISODate() ?? '',
        locale: l,
      }),
    ].join('\n');
    const value = {
      text,
      pngs: [
        [`themas-per-wijk-${month}.png`, t(l, 'digest.chart_themes'), svgToPng(charts.themesPerWijk)],
        [`dialogen-per-maand-${month}.png`, t(l, 'digest.chart_months'), svgToPng(charts.dialoguesPerMonth)],
      ] as [string, string, Buffer][],
    };
    rendered.set(l, value);
    return value;
  };
  const out: AfterCommit = { outboundIds: [], timers: [] };
  await deps.uow(async (repos) => {
    for (const c of await repos.coordinators()) {
      const { text, pngs } = render(c.locale);
      const key = `digest:${month}:${c.id}`;
      const ids = [await repos.queueMessage(c.id, `${key}:text`, { text })];
      for (const [filename, caption, png] of pngs) {
        ids.push(
          // A short caption: Slack refuses a message without text.
          await repos.queueMessage(c.id, `${key}:${filename}`, {
            text: caption,
            file: { filename, mimeType: 'image/png', contentBase64: png.toString('base64') },
          }),
        );
      }
      for (const id of ids) if (id) out.outboundIds.push(id);
    }
  });
  return out;
}
