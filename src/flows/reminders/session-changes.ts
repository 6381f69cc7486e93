import { t } from '../../i18n/index.ts';
import { when } from '../staffing/offer-text.ts';
import { type StaffingScope, staffSession, withTravel } from '../staffing/staffing.ts';
import { editOfferMessage } from '../staffing/staffing-messages.ts';
import type { SessionSnapshot } from '../staffing/types.ts';
import type { PersonView } from '../types.ts';
import { replanSession, sendInvite } from './reminders.ts';

async function send(
  scope: StaffingScope,
  personId: string,
  key: string,
  message: Parameters<StaffingScope['repos']['queueMessage']>[2],
) {
  const id = await scope.repos.queueMessage(personId, `${scope.keyPrefix}:${key}`, message);
  if (id) scope.outboundIds.push(id);
}

/** Who may cancel or move a session: its requester, a member of its organisation, or a coordinator. */
export function mayChange(person: PersonView, session: SessionSnapshot): boolean {
  return (
    person.roles.includes('COORDINATOR') ||
    session.requestedById === person.id ||
    person.organisations.some((o) => o.name === session.organisation)
  );
}

export type ChangeOutcome = { ok: true; session: SessionSnapshot } | { ok: false };

async function changeable(scope: StaffingScope, sessionId: string, actor: PersonView) {
  const session = await scope.repos.lockSession(sessionId);
  if (
    !session ||
    session.status === 'CANCELLED' ||
    session.startsAt <= scope.now ||
    !mayChange(actor, session)
  )
    return null;
  return session;
}

/** Cancels a session: offers withdrawn, reminders cancelled, facilitators get a METHOD:CANCEL invite. */
export async function cancelSession(
  scope: StaffingScope,
  sessionId: string,
  actor: PersonView,
): Promise<ChangeOutcome> {
  const session = await changeable(scope, sessionId, actor);
  if (!session) return { ok: false };
  await scope.reminders.setSessionStatus(session.id, 'CANCELLED');
  for (const role of ['LEAD', 'TRAINEE'] as const) {
    for (const offer of await scope.repos.openOffers(session.id, role)) {
      await scope.repos.setOfferStatus(offer.id, 'WITHDRAWN');
      await editOfferMessage(scope, offer, 'offer.cancelled_edit', session);
    }
  }
  session.calendarSequence = await scope.reminders.bumpCalendarSequence(session.id);
  for (const a of session.assignments) {
    const who = await scope.repos.recipient(a.personId);
    if (!who) continue;
    await send(scope, a.personId, `cancelled:${session.id}:${a.personId}`, {
      text: t(who.locale, 'session.cancelled_facilitator', {
        when: when(session, scope.zone, who.locale),
        organisation: session.organisation,
      }),
    });
    await sendInvite(scope, session, a.personId, 'cancelled');
  }
  for (const c of await scope.repos.coordinators()) {
    if (c.id === actor.id) continue;
    await send(scope, c.id, `cancelled:${session.id}:${c.id}`, {
      text: t(c.locale, 'session.cancelled_coordinator', {
        number: session.requestNumber,
        when: when(session, scope.zone, c.locale),
      }),
    });
  }
  await replanSession(scope, session.id);
  await scope.reminders.setRequestCancelled(session.requestId);
  await scope.repos.audit({
    actorId: actor.id,
    action: 'session.cancelled',
    subjectType: 'session',
    subjectId: session.id,
  });
  return { ok: true, session };
}

/** Moves a session: facilitators are asked whether they can make the new time; reminders and invites follow. */
export async function moveSession(
  scope: StaffingScope,
  sessionId: string,
  newStart: Date,
  actor: PersonView,
): Promise<ChangeOutcome> {
  const before = await changeable(scope, sessionId, actor);
  if (!before) return { ok: false };
  const duration = before.endsAt.getTime() - before.startsAt.getTime();
  await scope.reminders.moveSession(before.id, newStart, new Date(newStart.getTime() + duration));
  const sequence = await scope.reminders.bumpCalendarSequence(before.id);
  const session = {
    ...before,
    startsAt: newStart,
    endsAt: new Date(newStart.getTime() + duration),
    calendarSequence: sequence,
  };
  const busy = withTravel(session);
  for (const a of session.assignments) {
    const who = await scope.repos.recipient(a.personId);
    if (!who) continue;
    const l = who.locale;
    // Booked elsewhere at the new time: released from this one rather than booked twice (found by test/fuzz).
    if ((await scope.repos.clashes(a.personId, busy.start, busy.end, session.id)) > 0) {
      const times = { old: when(before, scope.zone, l), new: when(session, scope.zone, l) };
      await releaseForClash(scope, session, a, t(l, 'session.moved_clash', times));
      continue;
    }
    const buttons = await scope.repos.offerButtons(a.personId, [
      [
        { label: t(l, 'session.move_yes'), action: 'act.move.yes', value: a.id },
        { label: t(l, 'session.move_no'), action: 'act.cantmake', value: a.id },
      ],
    ]);
    await send(scope, a.personId, `moved:${session.id}:${a.personId}:${sequence}`, {
      text: t(l, 'session.moved_ask', {
        old: when(before, scope.zone, l),
        new: when(session, scope.zone, l),
      }),
      buttons,
    });
    await sendInvite(scope, session, a.personId, 'changed');
  }
  for (const c of await scope.repos.coordinators()) {
    if (c.id === actor.id) continue;
    await send(scope, c.id, `moved:${session.id}:${c.id}:${sequence}`, {
      text: t(c.locale, 'session.moved_coordinator', {
        number: session.requestNumber,
        old: when(before, scope.zone, c.locale),
        new: when(session, scope.zone, c.locale),
      }),
    });
  }
  // Offers still open were made for the old time: close them, then ask again for the new time.
  for (const role of ['LEAD', 'TRAINEE'] as const) {
    for (const offer of await scope.repos.openOffers(session.id, role)) {
      await scope.repos.setOfferStatus(offer.id, 'WITHDRAWN');
      await editOfferMessage(scope, offer, 'offer.expired_edit', before);
    }
  }
  await replanSession(scope, session.id);
  await scope.repos.audit({
    actorId: actor.id,
    action: 'session.moved',
    subjectType: 'session',
    subjectId: session.id,
    details: { from: before.startsAt, to: newStart },
  });
  await staffSession(scope, session.id);
  return { ok: true, session };
}

/** Frees a facilitator whose other dialogue overlaps the new time; the move's own re-staffing fills the place. */
async function releaseForClash(
  scope: StaffingScope,
  session: SessionSnapshot,
  a: SessionSnapshot['assignments'][number],
  text: string,
) {
  await scope.repos.releaseAssignment(a.id);
  await scope.repos.markSessionStaffed(session.id, false);
  await scope.repos.setRequestStatus(session.requestId, 'STAFFING');
  await sendInvite(scope, session, a.personId, 'cancelled');
  await send(scope, a.personId, `moved-clash:${session.id}:${a.personId}:${session.calendarSequence}`, {
    text,
  });
  await scope.repos.audit({
    actorId: null,
    action: 'assignment.released_on_move',
    subjectType: 'session',
    subjectId: session.id,
    details: { personId: a.personId },
  });
}
