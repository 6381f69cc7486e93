import { WIJK_NAMES, type WijkKey } from '../domain/wijken.ts';
import { type Locale, type MessageKey, t } from '../i18n/index.ts';
import type { EffectScope } from './effects.ts';
import { names, when, whyNobody } from './staffing/offer-text.ts';
import { rankForOffer } from './staffing/rank.ts';
import type { OfferRole, SessionSnapshot } from './staffing/types.ts';
import type { ButtonSpec, EffectResult } from './types.ts';

// /kandidaten <nr>: who fits a session, and why; assign, exclude or send offers from there.

/** How many candidates the reply lists (it says so when there are more). */
const CANDIDATES_SHOWN = 5;

/** Renders one explanation of the matching engine in the reader's language. */
function explain(e: { code: string; params?: Record<string, string | number> }, l: Locale): string {
  const params = { ...e.params };
  if (typeof params.wijk === 'string') params.wijk = WIJK_NAMES[params.wijk as WijkKey] ?? params.wijk;
  if (typeof params.theme === 'string') params.theme = t(l, `theme.${params.theme}` as MessageKey);
  return t(l, e.code as MessageKey, params);
}

/** /kandidaten <nr>: the ranked candidates of each open place, with the buttons to act on them. */
export async function candidates(args: string, s: EffectScope): Promise<EffectResult> {
  const l = s.ctx.locale;
  const number = Number(args.replace('#', '').trim());
  if (!Number.isInteger(number) || number <= 0) {
    s.replies.push({ text: t(l, 'coord.candidates.usage') });
    return { ok: false, error: 'usage' };
  }
  const repos = s.repos.staffing;
  const request = await repos.requestByNumber(number);
  if (!request) {
    s.replies.push({ text: t(l, 'coord.request.unknown', { number }) });
    return { ok: false, error: 'unknown' };
  }
  const volunteers = await repos.volunteersForMatching(s.ctx.now);
  let shown = 0;
  for (const id of await repos.sessionIdsOfRequest(request.id)) {
    const session = await repos.session(id);
    if (!session || session.status === 'CANCELLED' || session.endsAt <= s.ctx.now) continue;
    const facilitators = session.assignments.filter((a) => a.role !== 'TRAINEE').length;
    const role: OfferRole = facilitators < session.facilitatorsNeeded ? 'LEAD' : 'TRAINEE';
    if (
      role === 'TRAINEE' &&
      session.assignments.filter((a) => a.role === 'TRAINEE').length >= session.traineePlaces
    )
      continue;
    shown++;
    // Who gave this very session back or said no to it is not suggested again (automatic waves skip them too).
    const notAgain = notAskedAgain(session);
    const skip = new Set([
      ...session.excluded,
      ...session.assignments.map((a) => a.personId),
      ...notAgain.keys(),
    ]);
    const ranking = rankForOffer({ session, role, skip, now: s.ctx.now, zone: s.ctx.zone, volunteers });
    const nearMisses = ranking.ranked.length === 0 ? ranking.nearMisses.slice(0, CANDIDATES_SHOWN) : [];
    const info = await repos.volunteerInfo([
      ...ranking.ranked.slice(0, CANDIDATES_SHOWN).map((c) => c.personId),
      ...nearMisses.map((m) => m.personId),
      ...notAgain.keys(),
    ]);
    const lines = [
      t(l, 'coord.candidates.header', {
        number,
        organisation: request.organisation,
        when: when(session, s.ctx.zone, l),
        eligible: ranking.eligible,
        considered: ranking.considered,
      }),
    ];
    if (ranking.ranked.length > CANDIDATES_SHOWN)
      lines[0] += `\n${t(l, 'coord.candidates.top', { shown: CANDIDATES_SHOWN, count: ranking.ranked.length })}`;
    if (session.assignments.length)
      lines.push(
        t(l, 'coord.candidates.team', {
          names: names(
            session.assignments.map((a) => a.name),
            l,
          ),
        }),
      );
    const buttons: ButtonSpec[][] = [];
    ranking.ranked.slice(0, CANDIDATES_SHOWN).forEach((c, i) => {
      const v = info.get(c.personId);
      const name = v?.name ?? '?';
      lines.push(
        t(l, 'coord.candidates.line', {
          rank: i + 1,
          name,
          level: t(l, `level.${v?.level ?? 'TRAINEE'}` as MessageKey),
          score: Math.round(c.score * 10) / 10,
          why: c.explanation.map((e) => explain(e, l)).join('; '),
        }),
      );
      const first = name.split(' ')[0] ?? name;
      buttons.push([
        {
          label: t(l, 'coord.assign', { name: first }),
          action: 'act.assign',
          value: `${session.id}|${c.personId}`,
        },
        {
          label: t(l, 'coord.exclude', { name: first }),
          action: 'act.exclude',
          value: `${session.id}|${c.personId}`,
        },
      ]);
    });
    if (notAgain.size > 0) {
      const list = [...notAgain].map(([personId, why]) =>
        t(l, 'coord.candidates.not_again_item', {
          name: info.get(personId)?.name ?? '?',
          why: t(l, `coord.candidates.${why}` as MessageKey),
        }),
      );
      lines.push(t(l, 'coord.candidates.not_again', { list: list.join(', ') }));
    }
    if (ranking.ranked.length === 0) {
      lines.push(nobodyLine(ranking, l));
      // Outside the rules only by a coordinator's own decision: the automatic offers keep to them.
      if (nearMisses.length > 0) lines.push(t(l, 'coord.candidates.outside_header'));
      for (const m of nearMisses) {
        const v = info.get(m.personId);
        const name = v?.name ?? '?';
        lines.push(
          t(l, 'coord.candidates.outside_line', {
            name,
            level: t(l, `level.${v?.level ?? 'TRAINEE'}` as MessageKey),
            why: m.reasons.map((r) => t(l, `rule.${r}` as MessageKey)).join('; '),
          }),
        );
        buttons.push([
          {
            label: t(l, 'coord.assign_anyway', { name: name.split(' ')[0] ?? name }),
            action: 'act.assign',
            value: `${session.id}|${m.personId}`,
          },
        ]);
      }
    } else {
      buttons.push([{ label: t(l, 'coord.send_offers'), action: 'act.staffnow', value: session.id }]);
    }
    s.replies.push({ text: lines.join('\n\n'), buttons });
  }
  if (shown === 0) s.replies.push({ text: t(l, 'coord.request.no_open_sessions', { number }) });
  return { ok: true };
}

/** Who handed this session back or declined its offer, with why (handing back counts first). */
function notAskedAgain(session: SessionSnapshot): Map<string, 'handed_back' | 'declined'> {
  const out = new Map<string, 'handed_back' | 'declined'>();
  for (const id of session.handedBack) out.set(id, 'handed_back');
  for (const o of session.offers)
    if (o.status === 'DECLINED' && !out.has(o.personId)) out.set(o.personId, 'declined');
  // Someone a coordinator booked again is on the team, not "not asked again".
  for (const a of session.assignments) out.delete(a.personId);
  return out;
}

function nobodyLine(r: ReturnType<typeof rankForOffer>, l: Locale): string {
  return t(l, 'coord.candidates.none', whyNobody(r, l));
}
