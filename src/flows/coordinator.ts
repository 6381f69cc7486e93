import { type MessageKey, t } from '../i18n/index.ts';
import { staffingScope } from './actions.ts';
import { isCoordinator, level, refuse, setLevel } from './coordinator-admin.ts';
import { candidates } from './coordinator-candidates.ts';
import type { EffectScope } from './effects.ts';
import { when } from './staffing/offer-text.ts';
import { staffSession } from './staffing/staffing.ts';
import { assignManually } from './staffing/staffing-changes.ts';
import type { SessionSnapshot } from './staffing/types.ts';
import type { EffectResult } from './types.ts';

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
