import { DateTime } from 'luxon';
import { t } from '../../i18n/index.ts';
import type { FlowContext, Transition } from '../types.ts';
import { formatDay } from './profile-format.ts';
import { addDays, localToday, parseLocalDate } from './profile-parse.ts';
import { isWholeDayOff } from './profile-patch.ts';
import { after, save } from './profile-save.ts';
import { MAX_EXCEPTIONS, type ProfileState } from './profile-state.ts';

type Result = Transition<ProfileState>;
/** One answer as the section handlers see it: typed text or a pressed button, and how to refuse it. */
export interface Answer {
  typed: string | null;
  button: { action: string; value?: string } | null;
  refuse: (message: string) => Result;
}

const OFF_WORDS = [
  'uit',
  'off',
  'einde',
  'beeindigen',
  'beëindigen',
  'geen',
  'geen pauze',
  'end',
  'stoppen met pauze',
];
const REMOVE = /^\s*(?:weg|verwijder\w*|haal\s+\S+\s+weg|haal|schrap|remove|delete|wel op|toch wel|toch)\b/i;

/** A date the volunteer cannot (added), or one to remove again. */
export function onException(state: ProfileState, a: Answer, ctx: FlowContext): Result {
  const { typed, button, refuse } = a;
  const l = ctx.locale;
  const exceptions = state.profile?.availability.exceptions ?? [];
  const remove = (date: string): Result =>
    exceptions.some((e) => e.date === date)
      ? save(state, { removeException: date }, 'exceptions')
      : refuse(t(l, 'profile.invalid.exception_missing', { date: formatDay(date, l) }));
  if (button?.action === 'remove') return remove(button.value ?? '');
  if (typed === null) return refuse(t(l, 'profile.use_buttons'));
  const removing = REMOVE.test(typed);
  const r = parseLocalDate(typed, ctx);
  if (!r.ok) return refuse(dateError(ctx, r.error));
  if (removing) return remove(r.value);
  if (exceptions.some((e) => isWholeDayOff(e, r.value)))
    return refuse(t(l, 'profile.invalid.exception_exists', { date: formatDay(r.value, l) }));
  if (exceptions.length >= MAX_EXCEPTIONS)
    return refuse(t(l, 'profile.invalid.exceptions_full', { max: MAX_EXCEPTIONS }));
  return save(state, { addUnavailable: r.value }, 'exceptions');
}

/** A pause until a date (by button or typed), or its end. */
export function onPause(state: ProfileState, a: Answer, ctx: FlowContext): Result {
  const { typed, button, refuse } = a;
  const l = ctx.locale;
  const today = localToday(ctx.now, ctx.zone);
  const choice = button?.action === 'pause' ? (button.value ?? '') : null;
  if (choice === 'off' || (typed !== null && OFF_WORDS.includes(typed.toLowerCase()))) {
    if (!state.profile?.pausedUntil) return after(state, [{ text: t(l, 'profile.not_paused') }], ctx);
    return save(state, { pausedUntil: null }, 'pause', 'unpause');
  }
  if (choice) {
    const [unit, n] = choice.split(':');
    const count = Number(n);
    if (!(count > 0)) return refuse(t(l, 'profile.use_buttons'));
    const until =
      unit === 'weeks'
        ? addDays(today, 7 * count)
        : (DateTime.fromISO(today).plus({ months: count }).toISODate() ?? today);
    return save(state, { pausedUntil: until }, 'pause', 'pause');
  }
  if (typed === null) return refuse(t(l, 'profile.use_buttons'));
  const r = parseLocalDate(typed, ctx);
  if (!r.ok) return refuse(dateError(ctx, r.error));
  return save(state, { pausedUntil: r.value }, 'pause', 'pause');
}

function dateError(ctx: FlowContext, error: 'unparsed' | 'in_past' | 'too_far'): string {
  const example = DateTime.fromJSDate(ctx.now, { zone: ctx.zone }).plus({ days: 14 }).toFormat('d-M-yyyy');
  return t(ctx.locale, `profile.invalid.date.${error}`, { example });
}
