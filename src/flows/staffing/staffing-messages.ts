import { t } from '../../i18n/index.ts';
import { names, sessionDetails, when } from './offer-text.ts';
import { openPlaces } from './places.ts';
import type { OfferRecord, StaffingRepos } from './ports.ts';
import type { StaffingScope } from './staffing.ts';
import type { SessionSnapshot } from './types.ts';

/** Writes a message to the outbox under the step's key prefix; delivered after commit. */
export async function send(
  scope: StaffingScope,
  personId: string,
  key: string,
  message: Parameters<StaffingRepos['queueMessage']>[2],
) {
  const id = await scope.repos.queueMessage(personId, `${scope.keyPrefix}:${key}`, message);
  if (id) scope.outboundIds.push(id);
  return id;
}

/** Edits the original offer message so a stale "Accept" is visibly closed. */
export async function editOfferMessage(
  scope: StaffingScope,
  offer: OfferRecord,
  key: 'offer.filled_edit' | 'offer.expired_edit' | 'offer.clash_edit' | 'offer.cancelled_edit',
  known?: SessionSnapshot,
) {
  const who = await scope.repos.recipient(offer.personId);
  const session = known ?? (await scope.repos.lockSession(offer.sessionId));
  if (!who || !session) return;
  const original = t(who.locale, offer.role === 'TRAINEE' ? 'offer.ask_trainee' : 'offer.ask', {
    details: sessionDetails(session, scope.zone, who.locale),
    deadline:
      when({ startsAt: offer.expiresAt, endsAt: offer.expiresAt }, scope.zone, who.locale).split('–')[0] ??
      '',
  });
  await send(scope, offer.personId, `edit:${offer.id}:${key}`, {
    text: t(who.locale, key, { original }),
    replaces: offer.messageId ?? undefined,
  });
}

/** Tells partner and coordinators who is coming; the request is staffed when all its sessions are. */
export async function announceStaffed(scope: StaffingScope, session: SessionSnapshot) {
  await scope.repos.markSessionStaffed(session.id, true);
  const facilitators = session.assignments.filter((a) => a.role !== 'TRAINEE').map((a) => a.name);
  const trainees = session.assignments.filter((a) => a.role === 'TRAINEE').map((a) => a.name);
  const all = [...facilitators, ...trainees];
  if (session.requestedById) {
    const partner = await scope.repos.recipient(session.requestedById);
    if (partner) {
      await send(scope, partner.id, `staffed:${session.id}:partner`, {
        text: t(partner.locale, 'staffing.staffed_partner', {
          number: session.requestNumber,
          when: when(session, scope.zone, partner.locale),
          names: names(all, partner.locale),
        }),
      });
    }
  }
  for (const c of await scope.repos.coordinators()) {
    await send(scope, c.id, `staffed:${session.id}:${c.id}`, {
      text: t(c.locale, 'staffing.staffed_coordinator', {
        number: session.requestNumber,
        organisation: session.organisation,
        when: when(session, scope.zone, c.locale),
        names: names(all, c.locale),
      }),
    });
  }
  const siblings = await scope.repos.sessionIdsOfRequest(session.requestId);
  let allStaffed = true;
  for (const id of siblings) {
    const s = id === session.id ? session : await scope.repos.lockSession(id);
    if (s && s.status !== 'CANCELLED' && openPlaces(s, 'LEAD') > 0) allStaffed = false;
  }
  if (allStaffed) await scope.repos.setRequestStatus(session.requestId, 'STAFFED');
}
