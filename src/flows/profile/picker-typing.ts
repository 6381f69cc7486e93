import { type PartOfDay, WEEKDAYS, type Weekday } from '../../domain/matching/availability.ts';
import type { ThemeKey } from '../../domain/themes.ts';
import { WIJKEN, wijkName } from '../../domain/wijken.ts';
import { type Locale, t } from '../../i18n/index.ts';
import { isTheme, isWijk, themesText, weeklyText } from './profile-format.ts';
import { fold, type Parsed, parseThemeList, parseWijkList } from './profile-parse.ts';
import type { ProfileDraft } from './profile-state.ts';
import { applyClauses, changes, readClauses } from './typed-choices.ts';
import { parseWeekly, sortSlots } from './weekly-parse.ts';

/** A typed answer in a picker: the new draft and a sentence saying what changed, or why not. */
export type Typed = { ok: true; draft: ProfileDraft; note: string } | { ok: false; message: string };

/** "zondagmiddag ook", "maandag niet meer", "alleen het weekend": applied to the weekly draft. */
export function typeAvailability(text: string, draft: ProfileDraft, l: Locale): Typed {
  const weekly = draft.weekly ?? {};
  const before = slotsOf(weekly);
  const invalid = (unknown: string) => t(l, 'profile.invalid.availability', { unknown });
  const after = CLEAR.test(fold(text)) ? { ok: true as const, value: [] } : edit(text, before, readWeekly);
  if (!after.ok) return after.error === 'mixed' ? mixed(l) : { ok: false, message: invalid(after.detail) };
  // Explicit time ranges are not in the picker: keep them on the days that have any part left.
  const next: ProfileDraft['weekly'] = {};
  for (const day of WEEKDAYS) {
    const parts = after.value.filter((s) => s.startsWith(`${day}:`)).map((s) => s.slice(4) as PartOfDay);
    const ranges = (weekly[day] ?? []).filter((s) => typeof s !== 'string');
    if (parts.length > 0) next[day] = sortSlots([...parts, ...ranges]);
  }
  const diff = changes(before, after.value);
  const show = (slots: string[]) => weeklyText(weeklyOf(slots), l);
  return { ok: true, draft: { ...draft, weekly: next }, note: note(diff, show, l) };
}

/** "Lombok ook", "Overvecht niet meer", "alleen Zuid", "overal": applied to the wijken draft. */
export function typeWijken(text: string, draft: ProfileDraft, l: Locale): Typed {
  const before: string[] = draft.anywhere ? [ANYWHERE] : (draft.wijken ?? []);
  const whole = parseWijkList(text);
  const after =
    whole.ok && whole.value.anywhere
      ? { ok: true as const, value: [ANYWHERE] }
      : edit(text, before, (s) => {
          const r = parseWijkList(s);
          return r.ok ? { ok: true, value: r.value.anywhere ? [ANYWHERE] : r.value.wijken } : r;
        });
  if (!after.ok) {
    if (after.error === 'mixed') return mixed(l);
    const wijken = WIJKEN.map((w) => w.name).join(', ');
    return { ok: false, message: t(l, 'profile.invalid.wijk', { text: after.detail, wijken }) };
  }
  // "Anywhere" and named wijken exclude each other, as the buttons do: what was just named wins.
  const added = changes(before, after.value).added;
  const named = added.length > 0 ? added : after.value;
  const anywhere = named.includes(ANYWHERE);
  const wijken = anywhere ? [] : after.value.filter(isWijk);
  const final = anywhere ? [ANYWHERE] : wijken;
  const show = (keys: string[]) =>
    keys.map((k) => (isWijk(k) ? wijkName(k) : t(l, 'profile.value.anywhere'))).join(', ');
  return { ok: true, draft: { ...draft, wijken, anywhere }, note: note(changes(before, final), show, l) };
}

/** "wonen ook", "klimaat niet meer", "alleen armoede", "geen voorkeur": applied to the themes draft. */
export function typeThemes(text: string, draft: ProfileDraft, l: Locale): Typed {
  const before: ThemeKey[] = draft.themes ?? [];
  const whole = parseThemeList(text);
  const after = whole.ok && whole.value.length === 0 ? whole : edit(text, before, parseThemeList);
  if (!after.ok) {
    if (after.error === 'mixed') return mixed(l);
    return { ok: false, message: t(l, 'profile.invalid.theme', { text: after.detail }) };
  }
  const themes = after.value.filter(isTheme);
  const show = (keys: ThemeKey[]) => themesText(keys, l);
  return { ok: true, draft: { ...draft, themes }, note: note(changes(before, themes), show, l) };
}

type Edited<T> = { ok: true; value: T[] } | { ok: false; error: 'mixed' | 'unknown'; detail: string };

function edit<T extends string>(
  text: string,
  current: T[],
  parse: (s: string) => Parsed<T[], string>,
): Edited<T> {
  const clauses = readClauses(text);
  if (!clauses.ok) return { ok: false, error: 'mixed', detail: clauses.detail ?? text };
  const r = applyClauses(current, clauses.value, parse);
  return r.ok ? r : { ok: false, error: 'unknown', detail: (r.detail ?? text).trim().slice(0, 60) };
}

function note<T>(diff: { added: T[]; removed: T[] }, show: (items: T[]) => string, l: Locale): string {
  const parts = [
    diff.added.length > 0 ? t(l, 'profile.typed.added', { items: show(diff.added) }) : '',
    diff.removed.length > 0 ? t(l, 'profile.typed.removed', { items: show(diff.removed) }) : '',
  ].filter(Boolean);
  if (parts.length === 0) return t(l, 'profile.typed.unchanged');
  return t(l, 'profile.typed.changed', { changes: parts.join(' ') });
}

const mixed = (l: Locale): Typed => ({ ok: false, message: t(l, 'profile.invalid.mixed') });

const ANYWHERE = 'anywhere';
const CLEAR = /^(?:geen|none|nooit|never|niets|nothing|alles wissen|wis alles|clear all|clear)[.!]?$/;

/** The picker's slots as "mon:evening" items, so typed changes are plain set operations. */
function slotsOf(weekly: ProfileDraft['weekly']): string[] {
  return WEEKDAYS.flatMap((day) =>
    (weekly?.[day] ?? []).filter((s): s is PartOfDay => typeof s === 'string').map((p) => `${day}:${p}`),
  );
}

function weeklyOf(slots: string[]): NonNullable<ProfileDraft['weekly']> {
  const out: NonNullable<ProfileDraft['weekly']> = {};
  for (const s of slots) {
    const day = s.slice(0, 3) as Weekday;
    out[day] = sortSlots([...(out[day] ?? []), s.slice(4) as PartOfDay]);
  }
  return out;
}

function readWeekly(text: string): Parsed<string[], string> {
  const r = parseWeekly(text);
  return r.ok ? { ok: true, value: slotsOf(r.value) } : r;
}
