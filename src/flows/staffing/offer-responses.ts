import { t } from '../../i18n/index.ts';
import type { OfferRecord } from './ports.ts';
import { type OfferOutcome, type StaffingScope, staffSession } from './staffing.ts';
import { editOfferMessage, send } from './staffing-messages.ts';

// What happens when a volunteer says no, or when nobody answers in time.

/**
 * A decline: thank, ask an optional reason, and move on to the next wave when this one is done.
 * `typed`: declined in words; a reason read from them is stored like a reason button's, and then
 * not asked again.
 */
export async function declineOffer(
  scope: StaffingScope,
  offerId: string,
  personId: string,
  typed?: { reason: 'day' | 'theme' | 'distance' | null },
): Promise<OfferOutcome> {
  const found = await scope.repos.offer(offerId);
  if (!found) return 'not_open';
  if (found.personId !== personId) return 'foreign';
  // Under the session's lock, like acceptances and expiry: a decline never overwrites their outcome.
  await scope.repos.lockSession(found.sessionId);
  const offer = await scope.repos.offer(offerId);
  if (offer?.status !== 'OPEN') return 'not_open';
  const reason = typed?.reason ?? undefined;
  await scope.repos.setOfferStatus(offer.id, 'DECLINED', reason);
  await scope.repos.audit({
    actorId: personId,
    action: 'offer.declined',
    subjectType: 'session',
    subjectId: offer.sessionId,
  });
  const who = await scope.repos.recipient(personId);
  const l = who?.locale ?? 'nl';
  if (reason) {
    const noted = t(l, 'offer.typed.declined_noted', { reason: t(l, `offer.reason.${reason}`) });
    await send(scope, personId, `declined:${offer.id}`, { text: noted });
    await nextWaveIfDone(scope, offer);
    return 'declined';
  }
  const reasons = (['day', 'theme', 'distance', 'skip'] as const).map((r) => ({
    label: t(l, `offer.reason.${r}`),
    action: 'offer.reason',
    value: `${offer.id}|${r}`,
  }));
  const buttons = await scope.repos.offerButtons(personId, [reasons.slice(0, 2), reasons.slice(2)]);
  await send(scope, personId, `declined:${offer.id}`, { text: t(l, 'offer.declined'), buttons });
  await nextWaveIfDone(scope, offer);
  return 'declined';
}

async function nextWaveIfDone(scope: StaffingScope, offer: OfferRecord): Promise<void> {
  const stillOpen = (await scope.repos.openOffers(offer.sessionId, offer.role)).filter(
    (o) => o.wave === offer.wave,
  );
  if (stillOpen.length === 0) await staffSession(scope, offer.sessionId);
}

/** Records why someone declined (matching learns from it). */
export async function recordDeclineReason(
  scope: StaffingScope,
  offerId: string,
  personId: string,
  reason: string,
): Promise<OfferOutcome> {
  const offer = await scope.repos.offer(offerId);
  if (!offer || offer.personId !== personId) return 'foreign';
  if (offer.status === 'DECLINED' && ['day', 'theme', 'distance'].includes(reason)) {
    await scope.repos.setOfferStatus(offer.id, 'DECLINED', reason);
  }
  const who = await scope.repos.recipient(personId);
  await send(scope, personId, `reason:${offer.id}`, { text: t(who?.locale ?? 'nl', 'offer.reason_thanks') });
  return 'declined';
}

/** An offer wave's time is up: expire what is still open and send the next wave. */
export async function expireWave(scope: StaffingScope, timerId: string): Promise<void> {
  const [sessionId, role, wave] = timerId.split('.');
  if (!sessionId || (role !== 'LEAD' && role !== 'TRAINEE')) return;
  const due = async () =>
    (await scope.repos.openOffers(sessionId, role)).filter(
      (o) => o.wave === Number(wave) && o.expiresAt <= scope.now,
    );
  // Read again under the session's lock: an acceptance that held the lock meanwhile must not be
  // overwritten as EXPIRED (test/reliability/kill-during-flows.test.ts found an active assignment
  // whose offer said EXPIRED).
  const session = (await due()).length ? await scope.repos.lockSession(sessionId) : null;
  const open = session ? await due() : [];
  for (const offer of open) {
    await scope.repos.setOfferStatus(offer.id, 'EXPIRED');
    await editOfferMessage(scope, offer, 'offer.expired_edit', session ?? undefined);
  }
  await staffSession(scope, sessionId);
}
