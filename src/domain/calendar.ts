import { createEvent } from 'ics';

export interface InviteInput {
  /** Stable per session, so every change updates the same calendar event. */
  uid: string;
  /** Raised on every change; calendars keep the highest. */
  sequence: number;
  cancelled: boolean;
  start: Date;
  end: Date;
  title: string;
  description: string;
  location: string;
  /** Who sends the invite. Outlook and RFC 5546 expect an ORGANIZER on REQUEST and CANCEL. */
  organizer?: { name: string; email: string };
}

/** Used when the organisation has not configured its own address; `.invalid` can never receive mail. */
export const DEFAULT_ORGANIZER = { name: 'Dialoogbot', email: 'noreply@dialoogbot.invalid' };

export interface InviteFile {
  filename: string;
  mimeType: string;
  contentBase64: string;
}

const utc = (d: Date): [number, number, number, number, number] => [
  d.getUTCFullYear(),
  d.getUTCMonth() + 1,
  d.getUTCDate(),
  d.getUTCHours(),
  d.getUTCMinutes(),
];

/** A calendar invite (.ics): METHOD:REQUEST for a booking or change, METHOD:CANCEL for a cancellation. */
export function calendarInvite(input: InviteInput): InviteFile {
  const { error, value } = createEvent({
    productId: 'dialoogbot/ics',
    method: input.cancelled ? 'CANCEL' : 'REQUEST',
    uid: input.uid,
    sequence: input.sequence,
    status: input.cancelled ? 'CANCELLED' : 'CONFIRMED',
    start: utc(input.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utc(input.end),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: input.title,
    description: input.description,
    location: input.location,
    organizer: input.organizer ?? DEFAULT_ORGANIZER,
  });
  if (error || !value) throw new Error(`calendar invite could not be made: ${error?.message ?? 'empty'}`);
  return {
    filename: input.cancelled ? 'dialoog-geannuleerd.ics' : 'dialoog.ics',
    mimeType: 'text/calendar; charset=utf-8',
    contentBase64: Buffer.from(value, 'utf8').toString('base64'),
  };
}
