import { DateTime } from 'luxon';
import type { ReminderKind } from '../../domain/reminder-plan.ts';
import { type Locale, t } from '../../i18n/index.ts';
import { sessionDetails, when, where } from '../staffing/offer-text.ts';
import type { SessionSnapshot } from '../staffing/types.ts';
import { openingQuestions } from './questions.ts';

function mapLink(session: SessionSnapshot): string {
  if (session.online || !session.address) return '—';
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${session.address}, Utrecht`)}`;
}

function contactLine(session: SessionSnapshot): string {
  return [session.contact.name, session.contact.phone, session.contact.email].filter(Boolean).join(', ');
}

/** A reminder's text and buttons (button rows not yet stored as tokens), in the recipient's language. */
export function reminderMessage(
  kind: ReminderKind,
  session: SessionSnapshot,
  l: Locale,
  zone: string,
  assignmentId: string | null,
) {
  const cant = assignmentId
    ? [{ label: t(l, 'reminder.cant'), action: 'act.cantmake', value: assignmentId }]
    : [];
  switch (kind) {
    case 'week_before':
      return {
        text: t(l, 'reminder.week_before', { details: sessionDetails(session, zone, l) }),
        buttons: [
          [{ label: t(l, 'reminder.coming'), action: 'act.coming', value: assignmentId ?? '' }, ...cant],
        ],
      };
    case 'day_before':
      return {
        text: t(l, 'reminder.day_before', {
          details: sessionDetails(session, zone, l),
          map: mapLink(session),
          contact: contactLine(session),
          questions: openingQuestions(session, l)
            .map((q) => `• ${q}`)
            .join('\n'),
        }),
        buttons: [cant],
      };
    case 'nudge':
      return {
        text: t(l, 'reminder.nudge', {
          time: DateTime.fromJSDate(session.startsAt, { zone }).toFormat('HH:mm'),
          organisation: session.organisation,
          where: where(session, l),
        }),
        buttons: [cant],
      };
    case 'partner_check':
      return {
        text: t(l, 'reminder.partner_check', {
          when: when(session, zone, l),
          participants: session.expectedParticipants,
        }),
        buttons: [
          [
            { label: t(l, 'reminder.partner_ok'), action: 'act.partner.ok', value: session.id },
            { label: t(l, 'reminder.partner_changed'), action: 'act.partner.changed', value: session.id },
          ],
        ],
      };
  }
}
