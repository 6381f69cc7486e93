import { DateTime } from 'luxon';
import { scrub } from '../../domain/scrub.ts';
import { type ThemeKey, themeName } from '../../domain/themes.ts';
import { type Locale, t } from '../../i18n/index.ts';
import type { EffectScope } from '../effects.ts';
import type { EffectResult } from '../types.ts';
import type { ReflectionRow } from './extra-ports.ts';

const MAX_CHARS = 400;
const MAX_PER_GROUP = 12;

/** The reflection as /reflecties may show it: scrubbed with the session's names and a length cap. */
export function anonymiseReflection(text: string, names: string[]): string | null {
  const clean = scrub(text, { names: names.filter((n) => n.trim().length > 1) })
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length < 2) return null;
  return clean.length > MAX_CHARS ? `${clean.slice(0, MAX_CHARS - 1)}…` : clean;
}

/**
 * Groups reflections by theme or by month, each group sorted by text, so nothing ties a reflection
 * to a session, a partner or a facilitator. Pure, for /reflecties.
 */
export function groupReflections(
  rows: ReflectionRow[],
  by: 'theme' | 'month',
  opts: { locale: Locale; zone: string },
): { title: string; texts: string[] }[] {
  const groups = new Map<string, { title: string; sort: string; texts: string[] }>();
  for (const r of rows) {
    const keys =
      by === 'month'
        ? [DateTime.fromJSDate(r.approvedAt, { zone: opts.zone }).toFormat('yyyy-MM')]
        : r.themes.length
          ? r.themes
          : ['—'];
    for (const key of keys) {
      const title =
        by === 'month'
          ? DateTime.fromISO(`${key}-01`, { zone: opts.zone }).setLocale(opts.locale).toFormat('LLLL yyyy')
          : key === '—'
            ? t(opts.locale, 'reflections.no_theme')
            : themeName(key as ThemeKey, opts.locale);
      const g = groups.get(key) ?? { title, sort: by === 'month' ? key : title, texts: [] };
      g.texts.push(r.text);
      groups.set(key, g);
    }
  }
  return [...groups.values()]
    .sort((a, b) =>
      by === 'month'
        ? b.sort.localeCompare(a.sort)
        : b.texts.length - a.texts.length || a.sort.localeCompare(b.sort),
    )
    .map((g) => ({ title: g.title, texts: [...g.texts].sort((a, b) => a.localeCompare(b)) }));
}

/** `/reflecties [thema|maand]` (coordinators only): the learning community's reflections, anonymised. */
export async function reflectionsCommand(args: string, s: EffectScope): Promise<EffectResult> {
  const { ctx, repos } = s;
  const l = ctx.locale;
  if (!ctx.person.roles.includes('COORDINATOR')) {
    s.replies.push({ text: t(l, 'error.not_allowed', { role: t(l, 'role.COORDINATOR') }) });
    return { ok: false, error: 'not_allowed' };
  }
  const by = /^(maand|maanden|month|months)$/i.test(args.trim()) ? 'month' : 'theme';
  if (args.trim() && by === 'theme' && !/^(thema|themas|thema's|theme|themes)$/i.test(args.trim())) {
    s.replies.push({ text: t(l, 'reflections.help') });
    return { ok: false, error: 'bad_args' };
  }
  const since = DateTime.fromJSDate(ctx.now, { zone: ctx.zone }).minus({ months: 12 }).toJSDate();
  const rows = (await repos.harvestExtra.reflections(since)).flatMap((r) => {
    const text = anonymiseReflection(r.text, []);
    return text ? [{ ...r, text }] : [];
  });
  if (rows.length === 0) {
    s.replies.push({ text: t(l, 'reflections.none') });
    return { ok: true };
  }
  const groups = groupReflections(rows, by, { locale: l, zone: ctx.zone });
  const body = groups.flatMap((g) => [
    '',
    `*${g.title}* (${g.texts.length})`,
    ...g.texts.slice(0, MAX_PER_GROUP).map((x) => `– ${x}`),
    ...(g.texts.length > MAX_PER_GROUP
      ? [t(l, 'reflections.more', { count: g.texts.length - MAX_PER_GROUP })]
      : []),
  ]);
  s.replies.push({
    text: [
      t(l, by === 'month' ? 'reflections.header_month' : 'reflections.header_theme', { count: rows.length }),
      ...body,
      '',
      t(l, 'reflections.footer'),
    ].join('\n'),
  });
  return { ok: true };
}
