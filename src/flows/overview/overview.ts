import { formatDateTime } from '../../domain/time.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import type { EffectScope } from '../effects.ts';
import { when } from '../staffing/offer-text.ts';
import type { EffectResult } from '../types.ts';

/** A harvest counts as late this long after the session ended. */
export const HARVEST_LATE_DAYS = 3;

/** /overzicht: open requests, unstaffed sessions, pending offers, this week, late harvests. */
export async function runOverview(s: EffectScope): Promise<EffectResult> {
  const { ctx } = s;
  const l = ctx.locale;
  if (!ctx.person.roles.includes('COORDINATOR')) {
    s.replies.push({ text: t(l, 'error.not_allowed', { role: t(l, 'role.COORDINATOR') }) });
    return { ok: false, error: 'not_allowed' };
  }
  // "This week" is the coming seven days: on a Sunday evening, next week is what matters.
  const weekEnd = new Date(ctx.now.getTime() + 7 * 86_400_000);
  const o = await s.repos.overview.overview(ctx.now, {
    weekEnd,
    harvestLateAfter: new Date(ctx.now.getTime() - HARVEST_LATE_DAYS * 86_400_000),
  });
  const none = t(l, 'overview.none');
  const section = (header: string, lines: string[]) =>
    [header, ...(lines.length ? lines : [none])].join('\n');
  const parts = [
    t(l, 'overview.header'),
    section(
      t(l, 'overview.open_requests', { count: o.openRequests.length }),
      o.openRequests.map((r) =>
        t(l, 'overview.request_line', {
          number: r.number,
          organisation: r.organisation,
          status: t(l, `status.${r.status}` as MessageKey),
          when: r.firstStart ? formatDateTime(r.firstStart, ctx.zone, l) : '—',
        }),
      ),
    ),
    section(
      t(l, 'overview.unstaffed', { count: o.unstaffed.length }),
      o.unstaffed.map((x) =>
        t(l, 'overview.unstaffed_line', {
          number: x.number,
          organisation: x.organisation,
          when: when(x, ctx.zone, l),
          have: x.facilitators,
          need: x.needed,
          offers: x.openOffers,
        }),
      ),
    ),
    t(l, 'overview.offers', o.pendingOffers),
    section(
      t(l, 'overview.week', { count: o.thisWeek.length }),
      o.thisWeek.map((x) =>
        t(l, 'overview.week_line', {
          number: x.number,
          organisation: x.organisation,
          when: when(x, ctx.zone, l),
          have: x.facilitators,
          need: x.needed,
        }),
      ),
    ),
    section(
      t(l, 'overview.late_harvests', { count: o.lateHarvests.length }),
      o.lateHarvests.map((h) =>
        t(l, 'overview.late_line', {
          number: h.number,
          organisation: h.organisation,
          when: formatDateTime(h.endsAt, ctx.zone, l),
        }),
      ),
    ),
  ];
  s.replies.push({ text: parts.join('\n\n') });
  return { ok: true };
}
