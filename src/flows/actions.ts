import { type MessageKey, t } from '../i18n/index.ts';
import { coordinatorAction } from './coordinator.ts';
import type { EffectScope } from './effects.ts';
import { cancelSession, mayChange, moveSession } from './reminders/session-changes.ts';
import { sessionDetails, when, where } from './staffing/offer-text.ts';
import type { StaffingScope } from './staffing/staffing.ts';
import { handBack } from './staffing/staffing-changes.ts';
import type { EffectResult } from './types.ts';

export function staffingScope(s: EffectScope): StaffingScope {
  return {
    repos: s.repos.staffing,
    reminders: s.repos.reminders,
    now: s.ctx.now,
    zone: s.ctx.zone,
    keyPrefix: s.keyPrefix,
    outboundIds: s.outboundIds,
    timers: s.timers,
  };
}

/** /mijnsessies: a volunteer's upcoming dialogues, each with a button to hand it back. */
export async function listMySessions(s: EffectScope): Promise<EffectResult> {
  const { ctx } = s;
  const l = ctx.locale;
  const items = await s.repos.staffing.upcomingAssignments(ctx.person.id, ctx.now);
  if (items.length === 0) {
    s.replies.push({ text: t(l, 'mysessions.none') });
    return { ok: true };
  }
  s.replies.push({ text: t(l, 'mysessions.header') });
  for (const item of items) {
    const session = await s.repos.staffing.session(item.sessionId);
    if (!session) continue;
    s.replies.push({
      text: t(l, 'mysessions.line', {
        number: session.requestNumber,
        theme: t(l, `theme.${session.theme}` as MessageKey),
        when: when(session, ctx.zone, l),
        where: where(session, l),
        role: t(l, `offer.role.${item.role}`),
      }),
      buttons: [
        [
          {
            label: t(l, 'mysessions.handback', { number: session.requestNumber }),
            action: 'act.handback.ask',
            value: item.assignmentId,
          },
        ],
      ],
    });
  }
  return { ok: true };
}

/** Action buttons: each checks that the person pressing may do it, on that object. */
export async function runAction(action: string, value: string, s: EffectScope): Promise<EffectResult> {
  const { ctx } = s;
  const l = ctx.locale;
  switch (action) {
    case 'act.handback.ask': {
      const a = await s.repos.staffing.assignment(value);
      const session = a ? await s.repos.staffing.session(a.sessionId) : null;
      if (!a || !session || a.personId !== ctx.person.id || a.status !== 'ACTIVE') {
        s.replies.push({ text: t(l, 'handback.gone') });
        return { ok: false, error: 'not_yours' };
      }
      s.replies.push({
        text: `${t(l, 'handback.confirm', { number: session.requestNumber, when: when(session, ctx.zone, l) })}\n\n${sessionDetails(session, ctx.zone, l)}`,
        buttons: [
          [
            { label: t(l, 'handback.yes'), action: 'act.handback.confirm', value },
            { label: t(l, 'handback.no'), action: 'act.handback.keep', value },
          ],
        ],
        // Answered once: after "No", this question's "Yes" must not hand back.
        question: `handback:${value}`,
      });
      return { ok: true };
    }
    case 'act.handback.confirm': {
      const outcome = await handBack(staffingScope(s), value, ctx.person.id);
      s.replies.push({ text: t(l, outcome === 'released' ? 'handback.done' : 'handback.gone') });
      return outcome === 'released' ? { ok: true } : { ok: false, error: outcome };
    }
    case 'act.cantmake': {
      // One tap from any reminder: release at once and look for a replacement urgently.
      const outcome = await handBack(staffingScope(s), value, ctx.person.id, { urgent: true });
      s.replies.push({ text: t(l, outcome === 'released' ? 'reminder.cant_done' : 'handback.gone') });
      return outcome === 'released' ? { ok: true } : { ok: false, error: outcome };
    }
    case 'act.coming':
    case 'act.move.yes': {
      const a = await s.repos.staffing.assignment(value);
      if (!a || a.personId !== ctx.person.id || a.status !== 'ACTIVE') {
        s.replies.push({ text: t(l, 'handback.gone') });
        return { ok: false, error: 'not_yours' };
      }
      await s.repos.reminders.confirmAttendance(a.id, ctx.now);
      s.replies.push({
        text: t(l, action === 'act.coming' ? 'reminder.coming_thanks' : 'session.move_yes_thanks'),
      });
      return { ok: true };
    }
    case 'act.partner.ok':
    case 'act.partner.changed':
      return partnerCheck(action === 'act.partner.ok', value, s);
    case 'act.session.cancel.ask': {
      const session = await s.repos.staffing.session(value);
      if (
        !session ||
        !mayChange(ctx.person, session) ||
        session.status === 'CANCELLED' ||
        session.startsAt <= ctx.now
      ) {
        s.replies.push({ text: t(l, 'session.not_changeable') });
        return { ok: false, error: 'not_changeable' };
      }
      s.replies.push({
        text: t(l, 'cancel.confirm', { when: when(session, ctx.zone, l) }),
        buttons: [
          [
            { label: t(l, 'cancel.yes'), action: 'act.session.cancel', value },
            { label: t(l, 'cancel.no'), action: 'act.session.keep', value },
          ],
        ],
        // Answered once: after "No", this question's "Yes" must not cancel.
        question: `cancel:${value}`,
      });
      return { ok: true };
    }
    case 'act.session.cancel': {
      const r = await cancelSession(staffingScope(s), value, ctx.person);
      s.replies.push({
        text: r.ok
          ? t(l, 'session.cancelled_partner', { when: when(r.session, ctx.zone, l) })
          : t(l, 'session.not_changeable'),
      });
      return r.ok ? { ok: true } : { ok: false, error: 'not_changeable' };
    }
    case 'act.session.keep':
      s.replies.push({ text: t(l, 'cancel.kept') });
      return { ok: true };
    case 'act.handback.keep':
      s.replies.push({ text: t(l, 'handback.kept') });
      return { ok: true };
    default:
      if (
        [
          'act.assign',
          'act.exclude',
          'act.staffnow',
          'act.setting',
          'act.approve',
          'act.reject',
          'act.level',
        ].includes(action)
      ) {
        return coordinatorAction(action, value, s);
      }
      s.replies.push({ text: t(l, 'error.stale_button') });
      return { ok: false, error: 'unknown_action' };
  }
}

/** The partner's answer to the check a few days before: all fine, or something changed (coordinators told). */
async function partnerCheck(ok: boolean, sessionId: string, s: EffectScope): Promise<EffectResult> {
  const { ctx } = s;
  const l = ctx.locale;
  const session = await s.repos.staffing.session(sessionId);
  if (!session || !mayChange(ctx.person, session)) {
    s.replies.push({ text: t(l, 'session.not_changeable') });
    return { ok: false, error: 'not_allowed' };
  }
  if (ok) {
    s.replies.push({ text: t(l, 'reminder.partner_ok_thanks') });
    return { ok: true };
  }
  for (const c of await s.repos.staffing.coordinators()) {
    const contact = [session.contact.name, session.contact.phone, session.contact.email]
      .filter(Boolean)
      .join(', ');
    // Once per session: a second press of "Er is iets veranderd" does not tell the coordinators again.
    const id = await s.repos.staffing.queueMessage(c.id, `partner-changed:${sessionId}:${c.id}`, {
      text: t(c.locale, 'reminder.partner_changed_coordinator', {
        number: session.requestNumber,
        when: when(session, ctx.zone, c.locale),
        contact,
      }),
    });
    if (id) s.outboundIds.push(id);
  }
  s.replies.push({ text: t(l, 'reminder.partner_changed_thanks') });
  return { ok: true };
}

/** The move flow's effect: moves the session if this person may, and tells everyone. */
export async function runMove(sessionId: string, start: string, s: EffectScope): Promise<EffectResult> {
  const r = await moveSession(staffingScope(s), sessionId, new Date(start), s.ctx.person);
  return r.ok ? { ok: true } : { ok: false, error: 'not_changeable' };
}
