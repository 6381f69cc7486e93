import { DateTime } from 'luxon';
import { isQuiet, morningAfter } from '../../domain/reminder-plan.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import type { ReminderRepos } from '../reminders/ports.ts';
import { replanSession, sendInvite } from '../reminders/reminders.ts';
import { sessionDetails, when, whyNobody } from './offer-text.ts';
import { activeFacilitators, openPlaces } from './places.ts';
import type { OfferRecord, StaffingRepos } from './ports.ts';
import { rankForOffer } from './rank.ts';
import { announceStaffed, editOfferMessage, send } from './staffing-messages.ts';
import type { OfferRole, RankResult, SessionSnapshot, StaffingSettings, TimerRequest } from './types.ts';

/** The context of one staffing step; messages and timers are collected and carried out after commit. */
export interface StaffingScope {
  repos: StaffingRepos;
  /** Reminder rows and session changes on the same transaction. */
  reminders: ReminderRepos;
  now: Date;
  zone: string;
  /** Unique per triggering event, so a retried step never writes a message twice. */
  keyPrefix: string;
  outboundIds: string[];
  timers: TimerRequest[];
}

export const OFFER_WAVE_TIMER = 'offer-wave';
const ROLES: OfferRole[] = ['LEAD', 'TRAINEE'];

/** How long an offer stays open: the configured hours, shorter when the session is near. */
export function offerExpiry(
  now: Date,
  startsAt: Date,
  s: Pick<StaffingSettings, 'offerHours' | 'minOfferMinutes'>,
  zone = 'Europe/Amsterdam',
): Date {
  const untilStart = startsAt.getTime() - now.getTime();
  const ms = Math.max(s.minOfferMinutes * 60_000, Math.min(s.offerHours * 3_600_000, untilStart / 4));
  const due = DateTime.fromMillis(now.getTime() + ms, { zone });
  // Nobody should have to answer at night: a deadline in quiet hours moves to 09:00, if the session allows.
  if (ms >= 3_600_000 && isQuiet(due)) {
    const morning = morningAfter(due, 9);
    if (morning.toMillis() < startsAt.getTime() - 2 * 3_600_000) return morning.toJSDate();
  }
  return due.toJSDate();
}

/** What one staffing step did: offers sent, a wave still waiting for answers, nobody left to ask. */
export interface StaffingRound {
  sent: number;
  waiting: boolean;
  /** Nobody could be asked for a facilitator place (coordinators were alerted). */
  nobody: boolean;
  /** The round waits for the end of quiet hours (this moment); its timer sends it then. */
  heldUntil?: Date;
}

/** A round is held back at night only when the session is at least this far from the next morning. */
const HOLD_MIN_LEAD_MS = 12 * 3_600_000;

/** The end of the current quiet hours (08:00 local), or null outside them. */
export function endOfQuietHours(now: Date, zone: string): Date | null {
  const local = DateTime.fromJSDate(now, { zone });
  if (!isQuiet(local)) return null;
  return morningAfter(local).toJSDate();
}

/** The timer that sends a held-back round (one per session and morning). */
export const heldRoundTimerId = (sessionId: string, at: Date) => `${sessionId}.LEAD.held${at.getTime()}`;

/** Sends the next wave of offers for every open place of a session, or alerts coordinators when nobody is left. */
export async function staffSession(
  scope: StaffingScope,
  sessionId: string,
  /** `actorId`: a coordinator who asked for this round hears the outcome in their reply, not as an alert. */
  opts: { urgent?: boolean; actorId?: string } = {},
): Promise<StaffingRound> {
  const { repos, now } = scope;
  const round: StaffingRound = { sent: 0, waiting: false, nobody: false };
  const session = await repos.lockSession(sessionId);
  if (!session || session.status === 'CANCELLED' || session.startsAt <= now) return round;
  // No offers at night (PRODUCT.md: quiet hours): a round that can wait for the morning does.
  const morning = endOfQuietHours(now, scope.zone);
  const hold = morning !== null && session.startsAt.getTime() - morning.getTime() >= HOLD_MIN_LEAD_MS;
  // Its morning has come (or the session is near): the held round is this one.
  if (!hold && session.offersDueAt) await repos.holdOffers(sessionId, null);
  const configured = await repos.settings();
  // An urgent backfill (someone dropped out) asks more people at once and gives them less time.
  const settings = opts.urgent
    ? { ...configured, waveSize: configured.waveSize * 2, offerHours: configured.offerHours / 4 }
    : configured;
  for (const role of ROLES) {
    const places = openPlaces(session, role);
    if (places <= 0) continue;
    // From here on we are looking for facilitators, also when nobody can be asked right now: the
    // partner should not read "awaiting review" while a coordinator has been alerted.
    if (role === 'LEAD') await repos.setRequestStatus(session.requestId, 'STAFFING');
    const pending = session.offers.filter((o) => o.role === role && o.status === 'OPEN' && o.expiresAt > now);
    if (pending.length > 0) {
      round.waiting = true; // a wave is still running
      continue;
    }
    const skip = new Set([
      ...session.offers.filter((o) => o.role === role).map((o) => o.personId),
      ...session.excluded,
      ...session.handedBack,
      ...session.assignments.map((a) => a.personId),
    ]);
    const volunteers = await repos.volunteersForMatching(now);
    const ranking = rankForOffer({ session, role, skip, now, zone: scope.zone, volunteers });
    const wave = Math.max(0, ...session.offers.filter((o) => o.role === role).map((o) => o.wave)) + 1;
    const chosen = ranking.ranked.slice(0, Math.max(settings.waveSize, places));
    if (chosen.length === 0) {
      // A trainee place is a chance to learn, not a need: no alarm when nobody is free for it.
      if (role === 'LEAD') {
        round.nobody = true;
        await alertNobody(scope, { session, role, ranking, wave, skip: opts.actorId });
      }
      continue;
    }
    if (hold && morning) {
      if (round.heldUntil === undefined) {
        await repos.holdOffers(sessionId, morning);
        scope.timers.push({
          kind: OFFER_WAVE_TIMER,
          id: heldRoundTimerId(sessionId, morning),
          dueAt: morning,
        });
      }
      round.heldUntil = morning;
      continue;
    }
    const expiresAt = offerExpiry(now, session.startsAt, settings, scope.zone);
    const created = await repos.createOffers(
      chosen.map((c) => ({ sessionId, personId: c.personId, role, wave, expiresAt })),
    );
    for (const offer of created) await sendOffer(scope, session, offer);
    round.sent += created.length;
    scope.timers.push({ kind: OFFER_WAVE_TIMER, id: `${sessionId}.${role}.${wave}`, dueAt: expiresAt });
    await repos.audit({
      actorId: null,
      action: 'offers.wave',
      subjectType: 'session',
      subjectId: sessionId,
      details: { role, wave, offered: created.length, eligible: ranking.eligible },
    });
  }
  return round;
}

async function sendOffer(scope: StaffingScope, session: SessionSnapshot, offer: OfferRecord): Promise<void> {
  const who = await scope.repos.recipient(offer.personId);
  if (!who) return;
  const l = who.locale;
  const text = t(l, offer.role === 'TRAINEE' ? 'offer.ask_trainee' : 'offer.ask', {
    details: sessionDetails(session, scope.zone, l),
    deadline: when({ startsAt: offer.expiresAt, endsAt: offer.expiresAt }, scope.zone, l).split('–')[0] ?? '',
  });
  const buttons = await scope.repos.offerButtons(offer.personId, [
    [
      { label: t(l, 'offer.accept'), action: 'offer.accept', value: offer.id },
      { label: t(l, 'offer.decline'), action: 'offer.decline', value: offer.id },
    ],
  ]);
  const id = await send(scope, offer.personId, `offer:${offer.id}`, { text, buttons });
  if (id) await scope.repos.setOfferMessage(offer.id, id);
}

async function alertNobody(
  scope: StaffingScope,
  a: { session: SessionSnapshot; role: OfferRole; ranking: RankResult; wave: number; skip?: string },
) {
  const { session: s, role, ranking: r, wave } = a;
  for (const c of await scope.repos.coordinators()) {
    if (c.id === a.skip) continue;
    const l = c.locale;
    const text = t(l, 'staffing.nobody', {
      number: s.requestNumber,
      organisation: s.organisation,
      when: when(s, scope.zone, l),
      role: t(l, `offer.role.${role}` as MessageKey),
      eligible: r.eligible,
      ...whyNobody(r, l),
    });
    // One alert per session, role and wave, however often this runs.
    await send(scope, c.id, `nobody:${s.id}:${role}:${wave}`, { text });
  }
}

export type OfferOutcome = 'accepted' | 'filled' | 'not_open' | 'foreign' | 'declined';

/** The first acceptances win, exactly as many as the session needs, however many press at once. */
/** Whether the volunteer already has their own maximum of dialogues in the session's calendar month. */
async function atMonthlyMaximum(scope: StaffingScope, personId: string, session: SessionSnapshot) {
  const start = DateTime.fromJSDate(session.startsAt, { zone: scope.zone }).startOf('month');
  const load = await scope.repos.monthLoad(personId, start.toJSDate(), start.plus({ months: 1 }).toJSDate());
  return load.count >= load.max;
}

export async function acceptOffer(
  scope: StaffingScope,
  offerId: string,
  personId: string,
): Promise<OfferOutcome> {
  const { repos } = scope;
  const found = await repos.offer(offerId);
  if (!found) return 'not_open';
  if (found.personId !== personId) return 'foreign';
  // Person first, then session, always in this order: concurrent acceptances serialise without deadlocks.
  await repos.lockPerson(personId);
  const session = await repos.lockSession(found.sessionId); // serialises concurrent acceptances
  const offer = await repos.offer(offerId);
  if (!session || !offer || session.status === 'CANCELLED') return 'not_open';
  const who = await repos.recipient(personId);
  const l = who?.locale ?? 'nl';
  // Withdrawn because the places filled up a moment ago: say so, kindly, rather than "not open".
  const filledMeanwhile = offer.status === 'WITHDRAWN' && openPlaces(session, offer.role) <= 0;
  if (offer.status !== 'OPEN' && !filledMeanwhile) return 'not_open';
  // Booked elsewhere at that time (another offer accepted meanwhile): never double-book.
  const { start: busyFrom, end: busyTo } = withTravel(session);
  if (offer.status === 'OPEN' && (await repos.clashes(personId, busyFrom, busyTo, session.id)) > 0) {
    await repos.setOfferStatus(offer.id, 'WITHDRAWN');
    await send(scope, personId, `clash:${offer.id}`, { text: t(l, 'offer.clash') });
    if (openPlaces(session, offer.role) > 0) await staffSession(scope, session.id);
    return 'filled';
  }
  // Other offers accepted meanwhile may have reached their own monthly maximum (a hard rule; test/fuzz/monthly-max.test.ts).
  if (offer.status === 'OPEN' && (await atMonthlyMaximum(scope, personId, session))) {
    await repos.setOfferStatus(offer.id, 'WITHDRAWN');
    await send(scope, personId, `monthly-max:${offer.id}`, { text: t(l, 'offer.monthly_max') });
    if (openPlaces(session, offer.role) > 0) await staffSession(scope, session.id);
    return 'filled';
  }
  if (openPlaces(session, offer.role) <= 0) {
    if (offer.status === 'OPEN') await repos.setOfferStatus(offer.id, 'WITHDRAWN');
    await send(scope, personId, `filled:${offer.id}`, { text: t(l, 'offer.already_filled') });
    return 'filled';
  }
  const role =
    offer.role === 'TRAINEE'
      ? 'TRAINEE'
      : activeFacilitators(session).some((a) => a.role === 'LEAD')
        ? 'CO'
        : 'LEAD';
  const assignmentId = await repos.createAssignment(session.id, personId, role);
  await repos.setOfferStatus(offer.id, 'ACCEPTED');
  await repos.audit({
    actorId: personId,
    action: 'offer.accepted',
    subjectType: 'session',
    subjectId: session.id,
    details: { role },
  });
  session.assignments.push({ id: assignmentId, personId, role, name: who?.name ?? '' });
  await send(scope, personId, `accepted:${offer.id}`, {
    text: t(l, 'offer.accepted', { role: t(l, `offer.role.${role}`) }),
  });
  await sendInvite(scope, session, personId, 'booked');
  await withdrawClashingOffers(scope, personId, session);
  if (openPlaces(session, offer.role) <= 0) await withdrawOpenOffers(scope, session, offer.role);
  if (openPlaces(session, 'LEAD') <= 0 && session.status !== 'STAFFED') await announceStaffed(scope, session);
  await replanSession(scope, session.id);
  return 'accepted';
}

/** The session plus the travel time around it that the matching engine also keeps free. */
export function withTravel(s: SessionSnapshot): { start: Date; end: Date } {
  const travel = s.online ? 0 : TRAVEL_MINUTES * 60_000;
  return { start: new Date(s.startsAt.getTime() - travel), end: new Date(s.endsAt.getTime() + travel) };
}
const TRAVEL_MINUTES = 30;

/** Once someone is booked, their open offers for sessions at the same time are closed (and refilled). */
export async function withdrawClashingOffers(
  scope: StaffingScope,
  personId: string,
  session: SessionSnapshot,
) {
  const { start, end } = withTravel(session);
  for (const other of await scope.repos.clashingOpenOffers(personId, start, end, session.id)) {
    await scope.repos.setOfferStatus(other.id, 'WITHDRAWN');
    await editOfferMessage(scope, other, 'offer.clash_edit');
    await staffSession(scope, other.sessionId);
  }
}

export async function withdrawOpenOffers(scope: StaffingScope, session: SessionSnapshot, role: OfferRole) {
  for (const other of await scope.repos.openOffers(session.id, role)) {
    await scope.repos.setOfferStatus(other.id, 'WITHDRAWN');
    await editOfferMessage(scope, other, 'offer.filled_edit', session);
  }
}
