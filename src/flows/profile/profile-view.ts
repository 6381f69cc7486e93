import { DateTime } from 'luxon';
import { type PartOfDay, WEEKDAYS } from '../../domain/matching/availability.ts';
import { THEME_KEYS, type ThemeKey, themeName } from '../../domain/themes.ts';
import { WIJKEN } from '../../domain/wijken.ts';
import { type Locale, t } from '../../i18n/index.ts';
import type { ButtonSpec, FlowContext, Reply } from '../types.ts';
import {
  exceptionsText,
  exceptionText,
  formatDay,
  languagesText,
  pauseText,
  SHOWN_EXCEPTIONS,
  themesText,
  upcomingExceptions,
  weeklyText,
  wijkenText,
} from './profile-format.ts';
import { localToday, parseLocalDate } from './profile-parse.ts';
import { type ProfileSnapshot, type ProfileState, SECTIONS } from './profile-state.ts';
import { PRESETS } from './weekly-parse.ts';

const PARTS: readonly PartOfDay[] = ['morning', 'afternoon', 'evening'];
/** Themes a volunteer can prefer ('anders' is only for requests). */
export const PROFILE_THEMES = THEME_KEYS.filter((k): k is Exclude<ThemeKey, 'anders'> => k !== 'anders');

/** The question for the current step, with its buttons. */
export function promptFor(state: ProfileState, ctx: FlowContext): Reply[] {
  const l = ctx.locale;
  const p = state.profile;
  if (!p) return [];
  const back: ButtonSpec[] = [{ label: t(l, 'common.back'), action: 'back' }];
  const doneAndBack: ButtonSpec[] = [{ label: t(l, 'profile.done'), action: 'done' }, ...back];
  switch (state.step) {
    case 'menu':
      return [overviewReply(p, ctx)];
    case 'languages':
      return [
        {
          text: t(l, 'profile.ask.languages', { current: languagesText(p.languages, l) }),
          buttons: [
            [
              { label: t(l, 'profile.lang.nl'), action: 'answer', value: 'nl' },
              { label: t(l, 'profile.lang.nl_en'), action: 'answer', value: 'nl, en' },
            ],
            back,
          ],
        },
      ];
    case 'wijken': {
      const chosen = state.draft.wijken ?? [];
      const anywhere = state.draft.anywhere ?? false;
      const toggles = WIJKEN.map((w) => toggle(l, w.name, w.key, chosen.includes(w.key)));
      return [
        {
          text: t(l, 'profile.ask.wijken', { current: wijkenText(chosen, anywhere, l) }),
          buttons: [
            ...pairs(toggles),
            [toggle(l, t(l, 'profile.anywhere'), 'anywhere', anywhere)],
            doneAndBack,
          ],
        },
      ];
    }
    case 'themes': {
      const chosen = state.draft.themes ?? [];
      const toggles = PROFILE_THEMES.map((k) => toggle(l, themeName(k, l), k, chosen.includes(k)));
      return [
        {
          text: t(l, 'profile.ask.themes', { current: themesText(chosen, l) }),
          buttons: [...pairs(toggles), doneAndBack],
        },
      ];
    }
    case 'availability': {
      const weekly = state.draft.weekly ?? {};
      const rows = WEEKDAYS.map((day) =>
        PARTS.map((part) =>
          toggle(
            l,
            `${t(l, `profile.day.${day}`)} ${t(l, `profile.part.${part}`)}`,
            `${day}:${part}`,
            (weekly[day] ?? []).includes(part),
          ),
        ),
      );
      const presets = (Object.keys(PRESETS) as (keyof typeof PRESETS)[]).map((k) => ({
        label: t(l, `profile.preset.${k}`),
        action: 'preset',
        value: k,
      }));
      return [
        {
          text: t(l, 'profile.ask.availability', { current: weeklyText(weekly, l) }),
          buttons: [...rows, ...pairs(presets), doneAndBack],
        },
      ];
    }
    case 'exceptions': {
      const upcoming = upcomingExceptions(p.availability, localToday(ctx.now, ctx.zone));
      const removable = upcoming
        .filter((e) => e.kind === 'unavailable')
        .slice(0, SHOWN_EXCEPTIONS)
        .map((e) => ({
          label: t(l, 'profile.exception.remove', { date: exceptionText(e, l) }),
          action: 'remove',
          value: e.date,
        }));
      return [
        {
          text: t(l, 'profile.ask.exceptions', {
            example: exampleDay(ctx),
            current: exceptionsText(p.availability, localToday(ctx.now, ctx.zone), l),
          }),
          buttons: [...pairs(removable), back],
        },
      ];
    }
    case 'max':
      return [
        {
          text: t(l, 'profile.ask.max', { current: p.maxPerMonth }),
          buttons: [
            ['1', '2', '3', '4'].map((n) => ({ label: n, action: 'answer', value: n })),
            ['6', '8', '10'].map((n) => ({ label: n, action: 'answer', value: n })),
            back,
          ],
        },
      ];
    case 'pause': {
      const rows: ButtonSpec[][] = [
        [
          { label: t(l, 'profile.pause.weeks2'), action: 'pause', value: 'weeks:2' },
          { label: t(l, 'profile.pause.month1'), action: 'pause', value: 'months:1' },
          { label: t(l, 'profile.pause.months3'), action: 'pause', value: 'months:3' },
        ],
      ];
      if (p.pausedUntil) rows.push([{ label: t(l, 'profile.pause.off'), action: 'pause', value: 'off' }]);
      return [
        {
          text: t(l, 'profile.ask.pause', { example: exampleDay(ctx), current: pauseText(p.pausedUntil, l) }),
          buttons: [...rows, back],
        },
      ];
    }
    case 'broadcasts': {
      const current = t(l, p.broadcasts ? 'profile.value.yes' : 'profile.value.no');
      return [
        {
          text: t(l, 'profile.ask.broadcasts', { current }),
          buttons: [
            [
              { label: t(l, 'profile.broadcasts.on'), action: 'answer', value: 'yes' },
              { label: t(l, 'profile.broadcasts.off'), action: 'answer', value: 'no' },
            ],
            back,
          ],
        },
      ];
    }
    default:
      return [];
  }
}

/** The whole profile with a button per part. */
export function overviewReply(p: ProfileSnapshot, ctx: FlowContext): Reply {
  const l = ctx.locale;
  const today = localToday(ctx.now, ctx.zone);
  const lines = [
    t(l, 'profile.line.languages', { value: languagesText(p.languages, l) }),
    t(l, 'profile.line.wijken', { value: wijkenText(p.wijken, p.anywhere, l) }),
    t(l, 'profile.line.themes', { value: themesText(p.themes, l) }),
    t(l, 'profile.line.availability', { value: weeklyText(p.availability.weekly, l) }),
    t(l, 'profile.line.exceptions', { value: exceptionsText(p.availability, today, l) }),
    t(l, 'profile.line.max', { value: p.maxPerMonth }),
    t(l, 'profile.line.pause', { value: pauseText(p.pausedUntil, l) }),
    t(l, 'profile.line.broadcasts', { value: t(l, p.broadcasts ? 'profile.value.yes' : 'profile.value.no') }),
    t(l, 'profile.line.level', {
      level: t(l, `profile.level.${p.level}`),
      certified: p.certifiedOn
        ? t(l, 'profile.value.certified_since', { date: formatDay(p.certifiedOn, l) })
        : t(l, 'profile.value.not_certified'),
    }),
  ];
  const edits = SECTIONS.map((s) => ({ label: t(l, `profile.edit.${s}`), action: 'edit', value: s }));
  return {
    text: t(l, 'profile.overview', { lines: lines.join('\n') }),
    buttons: [...pairs(edits), [{ label: t(l, 'profile.close'), action: 'close' }]],
  };
}

/** A date two weeks ahead in the way people type it ("13-12-2026"). */
function exampleDay(ctx: FlowContext): string {
  const r = parseLocalDate('over 2 weken', ctx);
  const date = r.ok ? r.value : localToday(ctx.now, ctx.zone);
  return DateTime.fromISO(date).toFormat('d-M-yyyy');
}

function toggle(l: Locale, label: string, value: string, on: boolean): ButtonSpec {
  return { label: on ? t(l, 'profile.selected', { label }) : label, action: 'toggle', value };
}

function pairs<T>(items: T[]): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += 2) rows.push(items.slice(i, i + 2));
  return rows;
}
