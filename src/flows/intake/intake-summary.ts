import { languageName } from '../../domain/languages.ts';
import { formatDateTime } from '../../domain/time.ts';
import { WIJKEN } from '../../domain/wijken.ts';
import { type Locale, t } from '../../i18n/index.ts';
import type { Draft } from './intake-state.ts';

interface SummaryContext {
  locale: Locale;
  zone: string;
}

/** The request as readable lines, "Field: value", in the reader's language. */
export function renderSummary(draft: Draft, ctx: SummaryContext): string {
  const l = ctx.locale;
  const lines: [string, string | undefined][] = [
    ['field.organisation', draft.organisation],
    ['field.theme', draft.theme ? t(l, `theme.${draft.theme}`) : undefined],
    ['field.goal', draft.goal],
    ['field.targetGroup', draft.targetGroup],
    ['field.participants', draft.participants?.toString()],
    ['field.languages', draft.languages?.map((c) => languageName(c, l)).join(', ')],
    ['field.location', location(draft, l)],
    ['field.dates', dates(draft, ctx)],
    [
      'field.duration',
      draft.durationMinutes ? t(l, 'value.minutes', { minutes: draft.durationMinutes }) : undefined,
    ],
    [
      'field.coDesign',
      draft.coDesign === undefined ? undefined : t(l, draft.coDesign ? 'common.yes' : 'common.no'),
    ],
    [
      'field.accessibility',
      draft.accessibility === undefined ? undefined : draft.accessibility || t(l, 'common.none'),
    ],
    ['field.contact', contact(draft)],
  ];
  return lines
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${t(l, k as Parameters<typeof t>[1])}: ${v}`)
    .join('\n');
}

function location(draft: Draft, l: Locale): string | undefined {
  if (draft.online === undefined) return undefined;
  if (draft.online) return t(l, 'value.online');
  const wijk = WIJKEN.find((w) => w.key === draft.wijk)?.name ?? draft.wijk;
  return [draft.address, wijk].filter(Boolean).join(', ');
}

function dates(draft: Draft, ctx: SummaryContext): string | undefined {
  const list = draft.dates ?? [];
  if (list.length === 0) return undefined;
  const text = list.map((d) => formatDateTime(d, ctx.zone, ctx.locale)).join('; ');
  if (list.length === 1) return text;
  return `${text} ${t(ctx.locale, draft.scheduleMode === 'SERIES' ? 'value.series' : 'value.alternatives')}`;
}

function contact(draft: Draft): string | undefined {
  if (!draft.contactName) return undefined;
  return [draft.contactName, draft.contactEmail, draft.contactPhone].filter(Boolean).join(' · ');
}
