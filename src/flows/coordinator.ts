import { WIJK_NAMES, type WijkKey } from '../domain/wijken.ts';
import { type Locale, type MessageKey, t } from '../i18n/index.ts';
import { staffingScope } from './actions.ts';
import { isCoordinator, level, refuse, setLevel } from './coordinator-admin.ts';
import type { EffectScope } from './effects.ts';
import { names, when, whyNobody } from './staffing/offer-text.ts';
import { rankForOffer } from './staffing/rank.ts';
import { staffSession } from './staffing/staffing.ts';
import { assignManually } from './staffing/staffing-changes.ts';
import type { OfferRole, SessionSnapshot } from './staffing/types.ts';
import type { ButtonSpec, EffectResult } from './types.ts';

const CANDIDATES_SHOWN = 5;

/** Renders one explanation of the matching engine in the reader's language. */
function explain(e: { code: string; params?: Record<string, string | number> }, l: Locale): string {
  const params = { ...e.params };
  if (typeof params.wijk === 'string') params.wijk = WIJK_NAMES[params.wijk as WijkKey] ?? params.wijk;
  if (typeof params.theme === 'string') params.theme = t(l, `theme.${params.theme}` as MessageKey);
  return t(l, e.code as MessageKey, params);
}

/** Coordinator commands: /kandidaten <nr>, /instellingen, /eerlijkheid. */
export async function coordinatorCommand(
  command: string,
  args: string,
  s: EffectScope,
): Promise<EffectResult> {
  if (!isCoordinator(s)) return refuse(s);
  if (command === 'kandidaten') return candidates(args, s);
  if (command === 'instellingen') return settings(s);
  if (command === 'niveau') return level(args, s);
  return fairness(s);
}

async function candidates(args: string, s: EffectScope): Promise<EffectResult> {
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

async function settings(s: EffectScope): Promise<EffectResult> {
  const l = s.ctx.locale;
  const v = await s.repos.staffing.settings();
  const onOff = (b: boolean) => t(l, b ? 'coord.on' : 'coord.off');
  s.replies.push({
    text: t(l, 'coord.settings', {
      autoOffers: onOff(v.autoOffers),
      approvalRequired: onOff(v.approvalRequired),
      waveSize: v.waveSize,
      offerHours: v.offerHours,
    }),
    buttons: [
      [
        {
          label: t(l, 'coord.toggle.autoOffers', { state: onOff(!v.autoOffers) }),
          action: 'act.setting',
          value: `autoOffers|${!v.autoOffers}`,
        },
      ],
      [
        {
          label: t(l, 'coord.toggle.approvalRequired', { state: onOff(!v.approvalRequired) }),
          action: 'act.setting',
          value: `approvalRequired|${!v.approvalRequired}`,
        },
      ],
    ],
    // Each button sets what its label says as of this message: only the newest message may be used,
    // and only once (a press shows the settings afresh).
    question: 'settings',
  });
  return { ok: true };
}

async function fairness(s: EffectScope): Promise<EffectResult> {
  const l = s.ctx.locale;
  const rows = await s.repos.staffing.fairness(s.ctx.now);
  if (rows.length === 0) {
    s.replies.push({ text: t(l, 'coord.fairness.none') });
    return { ok: true };
  }
  const lines = rows.map((r) =>
    t(l, 'coord.fairness.line', {
      name: r.name,
      level: t(l, `level.${r.level}` as MessageKey),
      count: r.count,
      max: r.maxPerMonth,
    }),
  );
  s.replies.push({ text: [t(l, 'coord.fairness.header'), ...lines].join('\n') });
  return { ok: true };
}

/** Coordinator action buttons; each re-checks the role, since buttons can be forwarded or replayed. */
export async function coordinatorAction(
  action: string,
  value: string,
  s: EffectScope,
): Promise<EffectResult> {
  if (!isCoordinator(s)) return refuse(s);
  const l = s.ctx.locale;
  const repos = s.repos.staffing;
  const actor = s.ctx.person.id;
  switch (action) {
    case 'act.assign': {
      const [sessionId = '', personId = ''] = value.split('|');
      const name = (await repos.volunteerInfo([personId])).get(personId)?.name ?? '?';
      const r = await assignManually(staffingScope(s), sessionId, personId, actor);
      if (!r.ok) {
        s.replies.push({ text: t(l, 'coord.assign_failed', { name }) });
        return { ok: false, error: 'assign_failed' };
      }
      s.replies.push({
        text: t(l, 'coord.assigned', {
          name,
          number: r.session.requestNumber,
          when: when(r.session, s.ctx.zone, l),
          role: t(l, `offer.role.${r.role}`),
        }),
      });
      return { ok: true };
    }
    case 'act.exclude': {
      const [sessionId = '', personId = ''] = value.split('|');
      await repos.exclude(sessionId, personId, actor);
      const name = (await repos.volunteerInfo([personId])).get(personId)?.name ?? '?';
      s.replies.push({ text: t(l, 'coord.excluded', { name }) });
      return { ok: true };
    }
    case 'act.staffnow': {
      const round = await staffSession(staffingScope(s), value, { actorId: actor });
      const number = (await repos.session(value))?.requestNumber ?? 0;
      const key =
        round.sent > 0
          ? 'coord.offers_sent'
          : round.heldUntil
            ? 'coord.offers_held'
            : round.nobody
              ? 'coord.offers_nobody'
              : round.waiting
                ? 'coord.offers_waiting'
                : 'coord.offers_not_needed';
      const held = round.heldUntil;
      const at = held ? (when({ startsAt: held, endsAt: held }, s.ctx.zone, l).split('–')[0] ?? '') : '';
      s.replies.push({ text: t(l, key, { count: round.sent, number, at }) });
      return { ok: true };
    }
    case 'act.setting': {
      const [key = '', raw = ''] = value.split('|');
      if (!['autoOffers', 'approvalRequired'].includes(key)) return { ok: false, error: 'unknown_setting' };
      await repos.setSetting(key, raw === 'true', actor);
      s.replies.push({ text: t(l, 'coord.setting_changed') });
      return settings(s);
    }
    case 'act.level': {
      const [personId = '', target = ''] = value.split('|');
      if (target !== 'TRAINEE' && target !== 'CERTIFIED' && target !== 'SENIOR')
        return { ok: false, error: 'bad_level' };
      return setLevel(personId, target, s);
    }
    case 'act.approve':
    case 'act.reject':
      return decide(action === 'act.approve', value, s);
    default:
      return { ok: false, error: 'unknown_action' };
  }
}

async function decide(approve: boolean, requestId: string, s: EffectScope): Promise<EffectResult> {
  const l = s.ctx.locale;
  const repos = s.repos.staffing;
  const changed = await repos.setRequestDecision(requestId, approve ? 'APPROVED' : 'DECLINED');
  const ids = await repos.sessionIdsOfRequest(requestId);
  const first: SessionSnapshot | null = ids[0] ? await repos.session(ids[0]) : null;
  const number = first?.requestNumber ?? 0;
  if (!changed) {
    s.replies.push({
      text: t(l, 'coord.already_decided', { number, status: first ? '' : '?' }).replace(' ()', ''),
    });
    return { ok: false, error: 'already_decided' };
  }
  await repos.audit({
    actorId: s.ctx.person.id,
    action: approve ? 'request.approved' : 'request.declined',
    subjectType: 'request',
    subjectId: requestId,
  });
  s.replies.push({ text: t(l, approve ? 'coord.approved' : 'coord.rejected', { number }) });
  if (first?.requestedById) {
    const partner = await repos.recipient(first.requestedById);
    if (partner) {
      const id = await repos.queueMessage(partner.id, `${s.keyPrefix}:decision:${requestId}`, {
        text: t(partner.locale, approve ? 'partner.request_approved' : 'partner.request_rejected', {
          number,
        }),
      });
      if (id) s.outboundIds.push(id);
    }
  }
  if (approve && (await repos.settings()).autoOffers) {
    for (const id of ids) await staffSession(staffingScope(s), id);
  }
  return { ok: true };
}
