import { t } from '../../i18n/index.ts';
import { replanSession, sendInvite } from '../reminders/reminders.ts';
import { sessionDetails, when } from './offer-text.ts';
import { openPlaces } from './places.ts';
import { type StaffingScope, staffSession, withdrawOpenOffers, withTravel } from './staffing.ts';
import { announceStaffed, send } from './staffing-messages.ts';
import type { OfferRole, SessionSnapshot } from './types.ts';

// Changes to who is on a session after the offers: a facilitator hands back, a coordinator assigns.

export type HandBackOutcome = 'released' | 'not_yours';

/** A facilitator hands an assignment back: partner and coordinators are told, and a replacement is sought. */
export async function handBack(
  scope: StaffingScope,
  assignmentId: string,
  personId: string,
  opts: { urgent?: boolean } = {},
): Promise<HandBackOutcome> {
  const a = await scope.repos.assignment(assignmentId);
  if (!a || a.personId !== personId || a.status !== 'ACTIVE') return 'not_yours';
  const session = await scope.repos.lockSession(a.sessionId);
  if (!session || session.endsAt <= scope.now || session.status === 'CANCELLED') return 'not_yours';
  await scope.repos.releaseAssignment(a.id);
  await scope.repos.markSessionStaffed(session.id, false);
  await sendInvite(scope, session, personId, 'cancelled');
  await replanSession(scope, session.id);
  await scope.repos.setRequestStatus(session.requestId, 'STAFFING');
  await scope.repos.audit({
    actorId: personId,
    action: 'assignment.handed_back',
    subjectType: 'session',
    subjectId: session.id,
  });
  const who = await scope.repos.recipient(personId);
  for (const c of await scope.repos.coordinators()) {
    await send(scope, c.id, `handback:${a.id}:${c.id}`, {
      text: t(c.locale, 'staffing.handed_back_coordinator', {
        name: who?.name ?? '',
        number: session.requestNumber,
        when: when(session, scope.zone, c.locale),
      }),
    });
  }
  if (session.requestedById) {
    const partner = await scope.repos.recipient(session.requestedById);
    if (partner) {
      await send(scope, partner.id, `handback:${a.id}:partner`, {
        text: t(partner.locale, 'staffing.handed_back_partner', {
          when: when(session, scope.zone, partner.locale),
        }),
      });
    }
  }
  await staffSession(scope, session.id, { urgent: opts.urgent });
  return 'released';
}

export type ManualOutcome =
  | { ok: true; role: 'LEAD' | 'CO' | 'TRAINEE'; session: SessionSnapshot }
  | { ok: false };

/** A coordinator assigns someone by hand (logged); their open offer, if any, is settled. */
export async function assignManually(
  scope: StaffingScope,
  sessionId: string,
  personId: string,
  actorId: string,
): Promise<ManualOutcome> {
  const session = await scope.repos.lockSession(sessionId);
  if (!session || session.status === 'CANCELLED' || session.endsAt <= scope.now) return { ok: false };
  if (session.assignments.some((a) => a.personId === personId)) return { ok: false };
  const busy = withTravel(session);
  if ((await scope.repos.clashes(personId, busy.start, busy.end, session.id)) > 0) return { ok: false };
  const info = (await scope.repos.volunteerInfo([personId])).get(personId);
  const trainee = info?.level === 'TRAINEE';
  const kind: OfferRole = trainee ? 'TRAINEE' : 'LEAD';
  if (openPlaces(session, kind) <= 0) return { ok: false };
  const role = trainee ? 'TRAINEE' : session.assignments.some((a) => a.role === 'LEAD') ? 'CO' : 'LEAD';
  const id = await scope.repos.createAssignment(sessionId, personId, role);
  const who = await scope.repos.recipient(personId);
  session.assignments.push({ id, personId, role, name: who?.name ?? '' });
  for (const o of session.offers.filter((x) => x.personId === personId && x.status === 'OPEN')) {
    await scope.repos.setOfferStatus(o.id, 'ACCEPTED');
  }
  await scope.repos.audit({
    actorId,
    action: 'assignment.manual',
    subjectType: 'session',
    subjectId: sessionId,
    details: { personId, role },
  });
  if (who) {
    await send(scope, personId, `manual:${id}`, {
      text: t(who.locale, 'coord.assigned_volunteer', {
        role: t(who.locale, `offer.role.${role}`),
        details: sessionDetails(session, scope.zone, who.locale),
      }),
    });
  }
  await sendInvite(scope, session, personId, 'booked');
  if (openPlaces(session, kind) <= 0) await withdrawOpenOffers(scope, session, kind);
  if (openPlaces(session, 'LEAD') <= 0 && session.status !== 'STAFFED') await announceStaffed(scope, session);
  await replanSession(scope, session.id);
  return { ok: true, role, session };
}
