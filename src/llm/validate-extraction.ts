import { DateTime } from 'luxon';
import { MAX_OPTIONS } from '../domain/extract/extract-dates.ts';
import {
  type DateOption,
  type ExtractedFields,
  type ExtractedRequest,
  missingFields,
} from '../domain/extract/extracted-request.ts';
import { DURATION_MINUTES, PARTICIPANTS, parseEmail, parsePhone } from '../domain/intake-parse.ts';
import { KNOWN_LANGUAGE_CODES } from '../domain/languages.ts';
import { echoesInstructions, phoneAppearsIn, wordsAppearIn } from './output-guards.ts';
import type { ExtractRequestOutput } from './output-schemas.ts';

export interface ValidationContext {
  /** The partner's message, to check that copied values were really in it. */
  text: string;
  /** Our system prompt, to drop any field that repeats it. */
  instructions: string;
  now: Date;
  zone: string;
}

const LIMITS = {
  organisation: 120,
  goal: 1000,
  targetGroup: 300,
  address: 200,
  accessibility: 500,
  name: 80,
};

/**
 * The model's answer made safe: every value checked against the domain's own rules and against
 * the message itself. Values that fail become null (the bot then asks for them); nothing the
 * model adds beyond the draft's fields survives.
 */
export function validateExtraction(out: ExtractRequestOutput, ctx: ValidationContext): ExtractedRequest {
  const str = (v: string | null, max: number): string | null => {
    const s = v?.replace(/\s+/g, ' ').trim() ?? '';
    if (!s || s.length > max || echoesInstructions(s, ctx.instructions, ctx.text)) return null;
    return s;
  };
  const copied = (v: string | null, max: number): string | null => {
    const s = str(v, max);
    return s && wordsAppearIn(s, ctx.text) ? s : null;
  };
  const email = out.contact.email ? parseEmail(out.contact.email) : null;
  const phone = out.contact.phone ? parsePhone(out.contact.phone) : null;
  const participants = out.expectedParticipants === null ? null : Math.round(out.expectedParticipants);
  const duration = out.durationMinutes === null ? null : Math.round(out.durationMinutes);
  const dateOptions = validDates(out.dateOptions, ctx);
  const durationMinutes = inRange(duration, DURATION_MINUTES) ?? rangeOf(dateOptions[0]);
  const fields: ExtractedFields = {
    organisation: copied(out.organisation, LIMITS.organisation),
    theme: out.theme,
    goal: str(out.goal, LIMITS.goal),
    targetGroup: str(out.targetGroup, LIMITS.targetGroup),
    expectedParticipants: inRange(participants, PARTICIPANTS),
    languages: [...new Set(out.languages.map((l) => l.trim().toLowerCase()))].filter((l) =>
      KNOWN_LANGUAGE_CODES.includes(l),
    ),
    location: {
      wijk: out.location.wijk,
      address: copied(out.location.address, LIMITS.address),
      online: out.location.online,
    },
    dateOptions: dateOptions.map((d) => ({
      start: d.start,
      end: d.end ?? plus(d.start, durationMinutes, ctx.zone),
    })),
    durationMinutes,
    coDesign: out.coDesign,
    accessibility: str(out.accessibility, LIMITS.accessibility),
    contact: {
      name: copied(out.contact.name, LIMITS.name),
      // Contact details are never invented: they must be in the message.
      email: email && ctx.text.toLowerCase().includes(email) ? email : null,
      phone: phone && phoneAppearsIn(phone, ctx.text) ? phone : null,
    },
  };
  return { ...fields, missing: missingFields(fields) };
}

/** Local wall-clock times (or ISO with offset) → ISO with the zone's offset; future, ≤ 2 years, ≤ 5. */
function validDates(options: ExtractRequestOutput['dateOptions'], ctx: ValidationContext): DateOption[] {
  const now = DateTime.fromJSDate(ctx.now, { zone: ctx.zone });
  const out: DateOption[] = [];
  for (const o of options) {
    const start = DateTime.fromISO(o.start.trim(), { zone: ctx.zone });
    if (!start.isValid || start <= now || start > now.plus({ years: 2 })) continue;
    const end = o.end ? DateTime.fromISO(o.end.trim(), { zone: ctx.zone }) : null;
    const okEnd = end?.isValid && end > start && end.diff(start, 'hours').hours <= 8 ? end : null;
    const iso = start.toISO({ suppressMilliseconds: true }) ?? '';
    if (out.some((d) => d.start === iso)) continue;
    out.push({ start: iso, end: okEnd ? (okEnd.toISO({ suppressMilliseconds: true }) ?? null) : null });
  }
  return out.slice(0, MAX_OPTIONS);
}

function inRange(n: number | null, lim: { min: number; max: number }): number | null {
  return n !== null && Number.isFinite(n) && n >= lim.min && n <= lim.max ? n : null;
}

function rangeOf(d: DateOption | undefined): number | null {
  if (!d?.end) return null;
  return inRange(
    Math.round(DateTime.fromISO(d.end).diff(DateTime.fromISO(d.start), 'minutes').minutes),
    DURATION_MINUTES,
  );
}

function plus(start: string, minutes: number | null, zone: string): string | null {
  if (minutes === null) return null;
  return DateTime.fromISO(start, { zone }).plus({ minutes }).toISO({ suppressMilliseconds: true }) ?? null;
}
