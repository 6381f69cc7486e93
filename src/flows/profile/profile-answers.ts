import { parseLanguages } from '../../domain/languages.ts';
import {
  type PartOfDay,
  PartOfDaySchema,
  WEEKDAYS,
  type Weekday,
} from '../../domain/matching/availability.ts';
import type { ThemeKey } from '../../domain/themes.ts';
import type { WijkKey } from '../../domain/wijken.ts';
import { t } from '../../i18n/index.ts';
import { type FlowContext, type FlowInput, stay, type Transition } from '../types.ts';
import { onException, onPause } from './date-answers.ts';
import { type Typed, typeAvailability, typeThemes, typeWijken } from './picker-typing.ts';
import { isTheme, isWijk } from './profile-format.ts';
import { parseMaxPerMonth } from './profile-parse.ts';
import { save } from './profile-save.ts';
import type { ProfileState, Section } from './profile-state.ts';
import { PROFILE_THEMES, promptFor } from './profile-view.ts';
import { PRESETS, toggleSlot } from './weekly-parse.ts';

type Result = Transition<ProfileState>;

const DONE_WORDS = ['klaar', 'done', 'ok', 'oke', 'opslaan', 'save', 'gereed'];

/** Opens a section: toggles start from what is stored. */
export function enter(state: ProfileState, section: Section, ctx: FlowContext): Result {
  const p = state.profile;
  const draft = p
    ? {
        wijken: p.wijken.filter(isWijk),
        anywhere: p.anywhere,
        themes: p.themes.filter(isTheme),
        weekly: p.availability.weekly,
      }
    : {};
  const next: ProfileState = { ...state, step: section, draft, saving: undefined };
  return stay(next, promptFor(next, ctx));
}

/** One answer in a section: a toggle, a typed value, or a button; bad input keeps the question. */
export function answer(state: ProfileState, section: Section, input: FlowInput, ctx: FlowContext): Result {
  const l = ctx.locale;
  const typed = input.kind === 'text' ? input.text.trim() : null;
  const button = input.kind === 'button' ? input : null;
  const refuse = (message: string): Result => {
    const prompt = promptFor(state, ctx).at(-1);
    return stay(state, [{ text: message, buttons: prompt?.buttons }]);
  };
  if (!typed && !button)
    return stay(state, [{ text: t(l, 'profile.use_buttons') }, ...promptFor(state, ctx)]);
  const isDone = button?.action === 'done' || (typed !== null && DONE_WORDS.includes(typed.toLowerCase()));

  switch (section) {
    case 'languages': {
      const text = button?.action === 'answer' ? (button.value ?? '') : (typed ?? '');
      if (!text) return refuse(t(l, 'profile.use_buttons'));
      const r = parseLanguages(text);
      if (r.unknown.length > 0)
        return refuse(t(l, 'profile.invalid.languages', { unknown: r.unknown.join(', ') }));
      if (r.codes.length === 0 && r.uncoded.length > 0)
        return refuse(t(l, 'profile.invalid.languages_uncoded', { uncoded: r.uncoded.join(', ') }));
      if (r.codes.length === 0)
        return refuse(t(l, 'profile.invalid.languages', { unknown: text.slice(0, 40) }));
      const note =
        r.uncoded.length > 0 ? t(l, 'profile.note.uncoded', { uncoded: r.uncoded.join(', ') }) : undefined;
      return save(state, { languages: r.codes }, 'languages', 'field', note);
    }
    case 'wijken': {
      const chosen = state.draft.wijken ?? [];
      if (button?.action === 'toggle') {
        const value = button.value ?? '';
        if (value === 'anywhere') return redraw(state, { anywhere: !state.draft.anywhere, wijken: [] }, ctx);
        if (!isWijk(value)) return refuse(t(l, 'profile.use_buttons'));
        const wijken: WijkKey[] = chosen.includes(value)
          ? chosen.filter((w) => w !== value)
          : [...chosen, value];
        return redraw(state, { wijken, anywhere: false }, ctx);
      }
      if (isDone) {
        if (!state.draft.anywhere && chosen.length === 0) return refuse(t(l, 'profile.invalid.wijk_none'));
        return save(
          state,
          { wijken: state.draft.anywhere ? [] : chosen, anywhere: !!state.draft.anywhere },
          'wijken',
        );
      }
      if (typed === null) return refuse(t(l, 'profile.use_buttons'));
      return typedChoice(state, typeWijken(typed, state.draft, l), ctx, refuse);
    }
    case 'themes': {
      const chosen = state.draft.themes ?? [];
      if (button?.action === 'toggle') {
        const value = button.value ?? '';
        if (!(PROFILE_THEMES as readonly string[]).includes(value))
          return refuse(t(l, 'profile.use_buttons'));
        const theme = value as ThemeKey;
        const themes = chosen.includes(theme) ? chosen.filter((k) => k !== theme) : [...chosen, theme];
        return redraw(state, { themes }, ctx);
      }
      if (isDone) return save(state, { themes: chosen }, 'themes');
      if (typed === null) return refuse(t(l, 'profile.use_buttons'));
      return typedChoice(state, typeThemes(typed, state.draft, l), ctx, refuse);
    }
    case 'availability': {
      const weekly = state.draft.weekly ?? {};
      if (button?.action === 'toggle') {
        const [day, part] = (button.value ?? '').split(':');
        const slot = PartOfDaySchema.safeParse(part);
        if (!WEEKDAYS.includes(day as Weekday) || !slot.success) return refuse(t(l, 'profile.use_buttons'));
        return redraw(state, { weekly: toggleSlot(weekly, day as Weekday, slot.data as PartOfDay) }, ctx);
      }
      if (button?.action === 'preset') {
        const preset = PRESETS[button.value as keyof typeof PRESETS];
        if (!preset) return refuse(t(l, 'profile.use_buttons'));
        return redraw(state, { weekly: structuredClone(preset) }, ctx);
      }
      if (isDone) return save(state, { weekly }, 'availability');
      if (typed === null) return refuse(t(l, 'profile.use_buttons'));
      return typedChoice(state, typeAvailability(typed, state.draft, l), ctx, refuse);
    }
    case 'exceptions':
      return onException(state, { typed, button, refuse }, ctx);
    case 'max': {
      const text = button?.action === 'answer' ? (button.value ?? '') : (typed ?? '');
      const r = parseMaxPerMonth(text);
      if (!r.ok) return refuse(t(l, `profile.invalid.max.${r.error}`, { value: r.detail ?? '' }));
      return save(state, { maxPerMonth: r.value }, 'max');
    }
    case 'pause':
      return onPause(state, { typed, button, refuse }, ctx);
    case 'broadcasts': {
      const choice = button?.action === 'answer' ? (button.value ?? '') : yesNo(typed ?? '');
      if (choice !== 'yes' && choice !== 'no') return refuse(t(l, 'profile.invalid.broadcasts'));
      return save(state, { broadcastOptOut: choice === 'no' }, 'broadcasts');
    }
  }
}

/** "ja"/"nee" (and a few ways to say them) typed instead of pressing a button. */
function yesNo(text: string): 'yes' | 'no' | null {
  const s = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (/^(?:ja|jawel|yes|yep|aan|on|graag|wel)$/.test(s)) return 'yes';
  if (/^(?:nee|neen|no|nope|uit|off|niet|liever niet|geen)$/.test(s)) return 'no';
  return null;
}

function redraw(state: ProfileState, patch: ProfileState['draft'], ctx: FlowContext): Result {
  const next: ProfileState = { ...state, draft: { ...state.draft, ...patch } };
  return stay(next, promptFor(next, ctx));
}

/**
 * Typing in a picker changes the selection like tapping does (added to it, unless the words say
 * otherwise) and says what changed; only Done saves, so a typed answer never silently replaces
 * what was chosen before.
 */
function typedChoice(
  state: ProfileState,
  typed: Typed,
  ctx: FlowContext,
  refuse: (message: string) => Result,
): Result {
  if (!typed.ok) return refuse(typed.message);
  const next: ProfileState = { ...state, draft: typed.draft };
  return stay(next, [{ text: typed.note }, ...promptFor(next, ctx)]);
}
