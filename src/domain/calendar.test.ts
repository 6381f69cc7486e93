import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarInvite } from './calendar.ts';

const parse = (b64: string) => {
  const cal = new ICAL.Component(ICAL.parse(Buffer.from(b64, 'base64').toString('utf8')));
  const event = cal.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return { cal, event };
};

describe('calendar invites', () => {
  const base = {
    uid: 'session-abc@dialoogbot',
    start: new Date('2026-12-08T18:30:00Z'),
    end: new Date('2026-12-08T20:00:00Z'),
    title: 'Dialoog: Eenzaamheid',
    description: 'Buurtcentrum De Leeuw — "samen" & <meer>; nieuwe regel\nhier',
    location: 'Gloriosa 1, Overvecht, Utrecht',
  };

  it('books with METHOD:REQUEST, a stable UID and the sequence given', () => {
    const { cal, event } = parse(calendarInvite({ ...base, sequence: 0, cancelled: false }).contentBase64);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('uid')).toBe(base.uid);
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(
      base.start.toISOString(),
    );
    expect(event.getFirstPropertyValue('description')).toBe(base.description);
  });

  it('names an ORGANIZER (Outlook wants one), the configured one when given', () => {
    const plain = parse(calendarInvite({ ...base, sequence: 0, cancelled: false }).contentBase64).event;
    expect(String(plain.getFirstPropertyValue('organizer')).toLowerCase()).toBe(
      'mailto:noreply@dialoogbot.invalid',
    );
    const own = parse(
      calendarInvite({
        ...base,
        sequence: 1,
        cancelled: true,
        organizer: { name: 'Dialoog Utrecht', email: 'planning@example.org' },
      }).contentBase64,
    ).event;
    expect(String(own.getFirstPropertyValue('organizer')).toLowerCase()).toBe('mailto:planning@example.org');
    expect(own.getFirstProperty('organizer')?.getParameter('cn')).toBe('Dialoog Utrecht');
  });

  it('a change keeps the UID with a higher SEQUENCE; a cancellation is METHOD:CANCEL', () => {
    const moved = parse(
      calendarInvite({ ...base, sequence: 1, cancelled: false, start: new Date('2026-12-09T18:30:00Z') })
        .contentBase64,
    );
    expect(moved.event.getFirstPropertyValue('uid')).toBe(base.uid);
    expect(moved.event.getFirstPropertyValue('sequence')).toBe(1);
    const cancelled = parse(calendarInvite({ ...base, sequence: 2, cancelled: true }).contentBase64);
    expect(cancelled.cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.event.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
