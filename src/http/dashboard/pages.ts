import { DateTime } from 'luxon';
import type { AuditRow, AuditSubject, CalendarSession, PipelineRequest } from '../../db/dashboard-queries.ts';
import { digestChartSvgs } from '../../domain/charts.ts';
import type { DigestEntry } from '../../domain/harvest-digest.ts';
import { type ThemeKey, themeName } from '../../domain/themes.ts';
import { formatDateTime } from '../../domain/time.ts';
import { hasKey, type Locale, type MessageKey, t } from '../../i18n/index.ts';
import { barChartSvg } from './bar-chart.ts';
import { Html, html } from './html.ts';

const REQUEST_STATUSES = ['SUBMITTED', 'APPROVED', 'STAFFING', 'STAFFED', 'DONE', 'DECLINED', 'CANCELLED'];

const theme = (key: string, l: Locale) =>
  hasKey(`theme.${key}`) ? t(l, `theme.${key}` as MessageKey) : themeName(key as ThemeKey, l) || key;

export function pipelinePage(rows: PipelineRequest[], l: Locale, zone: string): Html {
  if (rows.length === 0) return html`<p>${t(l, 'dashboard.pipeline.empty')}</p>`;
  return html`${REQUEST_STATUSES.map((status) => {
    const list = rows.filter((r) => r.status === status);
    return html`<section data-testid="status-${status}">
<h2>${t(l, `status.${status}` as MessageKey)} (<span data-testid="count">${list.length}</span>)</h2>
${
  list.length
    ? html`<table><thead><tr><th>${t(l, 'dashboard.col.request')}</th><th>${t(l, 'dashboard.col.organisation')}</th>
<th>${t(l, 'dashboard.col.theme')}</th><th>${t(l, 'dashboard.col.first_session')}</th></tr></thead><tbody>
${list.map(
  (
    r,
  ) => html`<tr data-testid="request-row"><td>#${r.number}</td><td>${r.organisation}</td><td>${theme(r.theme, l)}</td>
<td>${r.firstStart ? formatDateTime(r.firstStart, zone, l) : '—'}</td></tr>`,
)}</tbody></table>`
    : ''
}</section>`;
  })}`;
}

export function calendarPage(sessions: CalendarSession[], l: Locale, zone: string, weeks: number): Html {
  const heading = html`<p>${t(l, 'dashboard.calendar.heading', { weeks })}</p>`;
  if (sessions.length === 0) return html`${heading}<p>${t(l, 'dashboard.calendar.empty')}</p>`;
  const byWeek = new Map<string, CalendarSession[]>();
  for (const s of sessions) {
    const week = DateTime.fromJSDate(s.startsAt, { zone }).startOf('week').toISODate() ?? '';
    byWeek.set(week, [...(byWeek.get(week) ?? []), s]);
  }
  return html`${heading}${[...byWeek].map(([week, list]) => {
    const date = DateTime.fromISO(week, { zone }).setLocale(l).toLocaleString(DateTime.DATE_FULL);
    return html`<section data-testid="week"><h2>${t(l, 'dashboard.calendar.week', { date })}</h2>
<table><thead><tr><th>${t(l, 'dashboard.col.when')}</th><th>${t(l, 'dashboard.col.request')}</th>
<th>${t(l, 'dashboard.col.organisation')}</th><th>${t(l, 'dashboard.col.facilitators')}</th>
<th>${t(l, 'dashboard.col.missing')}</th></tr></thead><tbody>
${list.map((s) => {
  const leads = s.facilitators.filter((f) => f.role !== 'TRAINEE').length;
  const missing = Math.max(0, s.needed - leads);
  const cancelled = s.status === 'CANCELLED';
  const names = s.facilitators.map((f) => (f.role === 'TRAINEE' ? `${f.name} (trainee)` : f.name)).join(', ');
  return html`<tr data-testid="session-row"><td>${formatDateTime(s.startsAt, zone, l)}</td><td>#${s.number}</td>
<td>${s.organisation}</td><td>${names || t(l, 'dashboard.calendar.nobody')}</td>
<td class="${cancelled ? '' : missing ? 'missing' : 'ok'}" data-testid="missing">${
    cancelled
      ? t(l, 'dashboard.calendar.cancelled')
      : missing
        ? String(missing)
        : t(l, 'dashboard.calendar.complete')
  }</td></tr>`;
})}</tbody></table></section>`;
  })}`;
}

export function fairnessPage(
  rows: { name: string; level: string; count: number; maxPerMonth: number }[],
  l: Locale,
): Html {
  if (rows.length === 0) return html`<p>${t(l, 'coord.fairness.none')}</p>`;
  const chart = barChartSvg(
    rows.map((r) => ({ label: r.name, value: r.count })),
    { title: t(l, 'dashboard.fairness.heading') },
  );
  return html`<p>${t(l, 'dashboard.fairness.heading')}</p>
<table><thead><tr><th>${t(l, 'dashboard.col.volunteer')}</th><th>${t(l, 'dashboard.col.level')}</th>
<th>${t(l, 'dashboard.col.sessions')}</th><th>${t(l, 'dashboard.col.max')}</th></tr></thead><tbody>
${rows.map(
  (
    r,
  ) => html`<tr data-testid="fairness-row"><td>${r.name}</td><td>${t(l, `level.${r.level}` as MessageKey)}</td>
<td>${r.count}</td><td>${r.maxPerMonth}</td></tr>`,
)}</tbody></table><figure>${new Html(chart)}</figure>`;
}

export function themesPage(
  data: {
    entries: DigestEntry[];
    harvests: number;
    participants: number;
    themes: { key: string; count: number }[];
  },
  l: Locale,
  at: { zone: string; now: Date },
): Html {
  const heading = t(l, 'dashboard.themes.heading');
  if (data.harvests === 0) return html`<p>${heading}</p><p>${t(l, 'dashboard.themes.empty')}</p>`;
  const themes = barChartSvg(
    data.themes.map((x) => ({ label: theme(x.key, l), value: x.count })),
    { title: heading },
  );
  // The monthly digest's charts (src/domain/charts.ts): themes per wijk and dialogues per month.
  const digest = digestChartSvgs(data.entries, data.entries, {
    locale: l,
    zone: at.zone,
    end: DateTime.fromJSDate(at.now, { zone: at.zone }),
  });
  return html`<p>${t(l, 'dashboard.themes.summary', { harvests: data.harvests, participants: data.participants })}</p>
<h2>${heading}</h2><figure data-testid="themes-chart">${new Html(themes)}</figure>
<figure data-testid="wijken-chart">${new Html(digest.themesPerWijk)}</figure>
<figure data-testid="months-chart">${new Html(digest.dialoguesPerMonth)}</figure>`;
}

export function auditPage(
  data: { rows: AuditRow[]; total: number },
  at: { page: number; perPage: number },
  l: Locale,
  zone: string,
): Html {
  if (data.total === 0) return html`<p>${t(l, 'dashboard.audit.empty')}</p>`;
  const pages = Math.max(1, Math.ceil(data.total / at.perPage));
  const link = (p: number, key: MessageKey, rel: string) =>
    html`<a href="/dashboard/audit?page=${p}" rel="${rel}" data-testid="page-${rel}">${t(l, key)}</a>`;
  const pager = html`<p class="pager">${at.page > 1 ? link(at.page - 1, 'dashboard.page.newer', 'prev') : ''}
<span>${t(l, 'dashboard.page.of', { page: at.page, pages })}</span>
${at.page < pages ? link(at.page + 1, 'dashboard.page.older', 'next') : ''}</p>`;
  return html`${pager}<table><thead><tr><th>${t(l, 'dashboard.col.time')}</th><th>${t(l, 'dashboard.col.actor')}</th>
<th>${t(l, 'dashboard.col.action')}</th><th>${t(l, 'dashboard.col.subject')}</th><th>${t(l, 'dashboard.col.details')}</th></tr></thead><tbody>
${data.rows.map(
  (r) => html`<tr data-testid="audit-row"><td>${formatDateTime(r.createdAt, zone, l)}</td>
<td>${r.actor ? subjectLabel('person', r.actor, l, zone) : t(l, 'dashboard.audit.system')}</td><td title="${r.action}">${actionLabel(r.action, l)}</td>
<td>${subjectLabel(r.subjectType, r.subject, l, zone)}</td><td>${details(r, l, zone)}</td></tr>`,
)}</tbody></table>${pager}`;
}

/** The action in words; an action without a text yet shows its code. */
function actionLabel(action: string, l: Locale): string {
  const key = `audit.action.${action}`;
  return hasKey(key) ? t(l, key) : action;
}

/** What the entry was about, in words; never an internal id. */
function subjectLabel(type: string, subject: AuditSubject | null, l: Locale, zone: string): string {
  if (subject?.kind === 'request') return t(l, 'audit.subject.request', subject);
  if (subject?.kind === 'session')
    return t(l, 'audit.subject.session', {
      number: subject.number,
      when: formatDateTime(subject.startsAt, zone, l),
    });
  if (subject?.kind === 'person') return subject.name;
  if (subject?.kind === 'erased') return t(l, 'audit.subject.erased');
  if (subject?.kind === 'gone') return t(l, 'audit.subject.gone');
  const key = `audit.type.${type}`;
  const typeName = hasKey(key) ? t(l, key) : type;
  if (subject?.kind !== 'key') return typeName;
  const setting = `audit.setting.${subject.key}`;
  return hasKey(setting) ? t(l, setting) : `${typeName}: ${subject.key}`;
}

/** A value in words where the catalogues have it: levels, roles, channels, on/off, export kinds. */
function valueLabel(v: string, l: Locale): string {
  for (const key of [`audit.value.${v}`, `level.${v}`, `offer.role.${v}`, `role.${v}`, `platform.${v}`])
    if (hasKey(key)) return t(l, key);
  return v;
}

/** A profile field the entry names (profile.updated), in words; an unknown one as it is. */
function fieldLabel(field: string, l: Locale): string {
  const key = `audit.field.${field}`;
  return hasKey(key) ? t(l, key) : field;
}

/** Our row ids (Prisma's cuid shape): they mean nothing to a reader, so they are left out. */
const ID_SHAPE = /^c[a-z0-9]{24}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The entry's details as "key: value" pairs: times in the app's zone, a named person by name, no ids. */
function details(row: AuditRow, l: Locale, zone: string): string {
  const value = row.details;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return '';
  const show = (v: unknown): string | null => {
    if (typeof v === 'string') {
      if (ID_SHAPE.test(v)) return null;
      const at = ISO_TIME.test(v) ? new Date(v) : null;
      return at && !Number.isNaN(at.getTime()) ? formatDateTime(at, zone, l) : valueLabel(v, l);
    }
    if (typeof v === 'boolean') return valueLabel(String(v), l);
    if (Array.isArray(v)) {
      const parts = v.map(show).filter((x) => x !== null);
      return parts.length ? parts.join(', ') : null;
    }
    if (v && typeof v === 'object') return pairs(v as Record<string, unknown>) || null;
    return v === null || v === undefined ? null : String(v);
  };
  const pairs = (o: Record<string, unknown>): string =>
    Object.entries(o)
      .filter(([k]) => !/(^id|Id|Ids)$/.test(k))
      .flatMap(([k, v]) => {
        const s =
          k === 'fields' && Array.isArray(v) ? v.map((f) => fieldLabel(String(f), l)).join(', ') : show(v);
        const word = `audit.detail.${k}`;
        return s === null ? [] : [`${hasKey(word) ? t(l, word) : k}: ${s}`];
      })
      .join(' · ');
  const who = row.person ? subjectLabel('person', row.person, l, zone) : '';
  const text = [who && `${t(l, 'audit.detail.person')}: ${who}`, pairs(value as Record<string, unknown>)]
    .filter(Boolean)
    .join(' · ');
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

export const EXPORTS = ['requests', 'sessions', 'harvests'] as const;
export type ExportName = (typeof EXPORTS)[number];

export function exportsPage(l: Locale): Html {
  return html`<p>${t(l, 'dashboard.exports.explain')}</p>${EXPORTS.map(
    (kind) => html`<div class="card"><h2>${t(l, `dashboard.exports.${kind}`)}</h2>
<a class="button" href="/dashboard/export/${kind}.csv" download data-testid="export-${kind}-csv">CSV</a>
<a class="button" href="/dashboard/export/${kind}.json" download data-testid="export-${kind}-json">JSON</a></div>`,
  )}`;
}
