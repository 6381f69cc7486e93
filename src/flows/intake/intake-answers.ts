import {
  parseContact,
  parseDateTime,
  parseDuration,
  parseParticipants,
  parseYesNo,
  validateFreeText,
} from '../../domain/intake-parse.ts';
import { parseLanguages } from '../../domain/languages.ts';
import { matchTheme } from '../../domain/themes.ts';
import { exampleDate } from '../../domain/time.ts';
import { matchWijk, WIJKEN } from '../../domain/wijken.ts';
import { t } from '../../i18n/index.ts';
import type { FlowContext } from '../types.ts';
import { type Draft, MAX_DATE_OPTIONS, type Step } from './intake-state.ts';

/** What answering needs to know: the clock and the language (not who is answering; forms use it too). */
export type AnswerContext = Pick<FlowContext, 'now' | 'zone' | 'locale'>;

/** An answer for one step: the updated draft, or a polite explanation of what was wrong. */
export type AnswerResult = { ok: true; draft: Draft; next?: Step } | { ok: false; message: string };

const LIMITS = {
  organisation: { min: 2, max: 120 },
  goal: { min: 10, max: 1000 },
  targetGroup: { min: 3, max: 300 },
  address: { min: 5, max: 200 },
  accessibility: { min: 1, max: 500 },
  contactName: { min: 2, max: 80 },
} as const;

export const PARTICIPANTS = { min: 2, max: 200 };
export const DURATION = { min: 30, max: 480 };

function freeText(field: keyof typeof LIMITS, text: string, ctx: AnswerContext, ask: string) {
  const r = validateFreeText(text, LIMITS[field]);
  if (r.ok) return r;
  const l = ctx.locale;
  if (r.error === 'empty') return { ok: false as const, message: t(l, 'invalid.empty', { ask }) };
  if (r.error === 'too_short')
    return { ok: false as const, message: t(l, 'invalid.too_short', { limit: LIMITS[field].min }) };
  return {
    ok: false as const,
    message: t(l, 'invalid.too_long', { length: text.trim().length, limit: LIMITS[field].max }),
  };
}

/**
 * Interprets one answer (typed text or a button's value) for a step.
 * `value` is the button value when a button was pressed, else the typed text.
 */
export function applyAnswer(
  step: Step,
  value: string,
  fromButton: boolean,
  draft: Draft,
  ctx: AnswerContext,
): AnswerResult {
  const l = ctx.locale;
  const ok = (patch: Partial<Draft>, next?: Step): AnswerResult => ({
    ok: true,
    draft: { ...draft, ...patch },
    next,
  });
  const fail = (message: string): AnswerResult => ({ ok: false, message });
  switch (step) {
    case 'organisation':
    case 'goal':
    case 'targetGroup':
    case 'address': {
      const r = freeText(step, value, ctx, t(l, `intake.ask.${step}`));
      return r.ok ? ok({ [step]: r.value }) : r;
    }
    case 'theme': {
      const theme = matchTheme(value);
      return theme ? ok({ theme }) : fail(t(l, 'invalid.theme'));
    }
    case 'participants': {
      const r = parseParticipants(value);
      if (r.ok) return ok({ participants: r.value });
      return fail(t(l, `invalid.participants.${r.error}`, PARTICIPANTS));
    }
    case 'languages': {
      const r = parseLanguages(value);
      if (r.unknown.length > 0 || r.codes.length === 0) {
        return fail(
          t(l, 'invalid.languages', { unknown: r.unknown.join(', ') || value.trim().slice(0, 40) }),
        );
      }
      return ok({ languages: r.codes });
    }
    case 'locationType': {
      const v = value.trim().toLowerCase();
      if (v === 'online') return ok({ online: true, wijk: undefined, address: undefined });
      if (v === 'onsite' || /locatie|location|op ?site|ter plaatse|fysiek|in person/.test(v))
        return ok({ online: false });
      return fail(t(l, 'intake.use_buttons'));
    }
    case 'wijk': {
      const wijk = matchWijk(value);
      if (wijk) return ok({ wijk });
      return fail(
        t(l, 'invalid.wijk', {
          text: value.trim().slice(0, 60),
          wijken: WIJKEN.map((w) => w.name).join(', '),
        }),
      );
    }
    case 'date': {
      const example = exampleDate(ctx.now, ctx.zone);
      const dates = draft.dates ?? [];
      if (dates.length >= MAX_DATE_OPTIONS)
        return fail(t(l, 'invalid.date.max_options', { max: MAX_DATE_OPTIONS }));
      const r = parseDateTime(value, { now: ctx.now, zone: ctx.zone });
      if (!r.ok) return fail(t(l, `invalid.date.${r.error}`, { example }));
      const iso = r.start.toISOString();
      if (dates.includes(iso)) return fail(t(l, 'invalid.date.duplicate'));
      return ok({ dates: [...dates, iso] });
    }
    case 'moreDates': {
      const v = fromButton ? value : yesNo(value);
      if (v === 'add' || v === 'yes') {
        if ((draft.dates?.length ?? 0) >= MAX_DATE_OPTIONS) {
          return fail(t(l, 'invalid.date.max_options', { max: MAX_DATE_OPTIONS }));
        }
        return ok({}, 'date');
      }
      if (v === 'enough' || v === 'no')
        return ok({ scheduleMode: (draft.dates?.length ?? 0) > 1 ? draft.scheduleMode : 'ALTERNATIVES' });
      return fail(t(l, 'intake.use_buttons'));
    }
    case 'scheduleMode': {
      const v = value.trim().toUpperCase();
      if (v === 'SERIES' || /REEKS|ALLE/.test(v)) return ok({ scheduleMode: 'SERIES' });
      if (v === 'ALTERNATIVES' || /ALTERNATI|EEN ERVAN|ÉÉN/.test(v))
        return ok({ scheduleMode: 'ALTERNATIVES' });
      return fail(t(l, 'intake.use_buttons'));
    }
    case 'duration': {
      const r = parseDuration(value);
      if (r.ok) return ok({ durationMinutes: r.value });
      return fail(t(l, `invalid.duration.${r.error}`, DURATION));
    }
    case 'coDesign': {
      const v = yesNo(value);
      if (v === null) return fail(t(l, 'invalid.yes_no'));
      return ok({ coDesign: v === 'yes' });
    }
    case 'accessibility': {
      if (fromButton && value === 'none') return ok({ accessibility: null });
      const v = value.trim().toLowerCase();
      if (['geen', 'none', 'nee', 'no', 'n.v.t.', 'nvt', '-'].includes(v)) return ok({ accessibility: null });
      const r = freeText('accessibility', value, ctx, t(l, 'intake.ask.accessibility'));
      return r.ok ? ok({ accessibility: r.value }) : r;
    }
    case 'contactName': {
      const r = freeText('contactName', value.replace(/\s+/g, ' '), ctx, t(l, 'intake.ask.contactName'));
      return r.ok ? ok({ contactName: r.value }) : r;
    }
    case 'contactReach': {
      const c = parseContact(value);
      if (!c.email && !c.phone) return fail(t(l, 'invalid.contact'));
      return ok({ contactEmail: c.email, contactPhone: c.phone });
    }
    default:
      return fail(t(l, 'intake.use_buttons'));
  }
}

function yesNo(value: string): 'yes' | 'no' | null {
  const v = value.trim().toLowerCase();
  if (v === 'yes' || v === 'no') return v;
  const parsed = parseYesNo(value);
  return parsed === null ? null : parsed ? 'yes' : 'no';
}
