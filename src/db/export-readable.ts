import { DateTime } from 'luxon';
import { HARVEST_SECTIONS } from '../domain/harvest.ts';
import { languageName } from '../domain/languages.ts';
import { THEME_KEYS, type ThemeKey, themeName } from '../domain/themes.ts';
import { matchWijk, wijkName } from '../domain/wijken.ts';
import { hasKey, type Locale, type MessageKey, t } from '../i18n/index.ts';

export type ExportTable = 'requests' | 'sessions' | 'harvests';

/** The columns of each export, so a CSV without rows still has its header line. */
export const EXPORT_COLUMNS: Record<ExportTable, readonly string[]> = {
  requests: [
    'number',
    'status',
    'organisation',
    'theme',
    'goal',
    'targetGroup',
    'expectedParticipants',
    'languages',
    'online',
    'wijk',
    'address',
    'durationMinutes',
    'scheduleMode',
    'coDesign',
    'accessibility',
    'contactName',
    'contactEmail',
    'contactPhone',
    'sessions',
    'sessionDates',
    'createdAt',
  ],
  sessions: [
    'requestNumber',
    'organisation',
    'theme',
    'startsAt',
    'endsAt',
    'status',
    'online',
    'wijk',
    'facilitatorsNeeded',
    'facilitators',
    'trainees',
    'harvest',
  ],
  harvests: [
    'requestNumber',
    'organisation',
    'wijk',
    'sessionStart',
    'participants',
    'themes',
    'tags',
    'section',
    'text',
  ],
};

const ZONE = 'Europe/Amsterdam';

/**
 * One row as a coordinator reads it in a spreadsheet: status, theme, wijk, language and section
 * codes as words, yes/no instead of true/false, session dates in local time. The JSON export keeps
 * the codes; this is for the CSV only.
 */
export function readableRow(
  table: ExportTable,
  row: Record<string, unknown>,
  l: Locale,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  const label = (key: string, fallback: unknown) => (hasKey(key) ? t(l, key) : fallback);
  const yesNo = (v: unknown) => (typeof v === 'boolean' ? t(l, v ? 'export.yes' : 'export.no') : v);
  const theme = (v: unknown) => (typeof v === 'string' && v ? themeText(v, l) : v);
  const wijk = (v: unknown) => {
    const key = typeof v === 'string' ? matchWijk(v) : null;
    return key ? wijkName(key) : v;
  };
  if ('online' in row) out.online = yesNo(row.online);
  if ('coDesign' in row) out.coDesign = yesNo(row.coDesign);
  if ('theme' in row) out.theme = theme(row.theme);
  if ('wijk' in row) out.wijk = wijk(row.wijk);
  if (table === 'requests') {
    out.status = label(`status.${String(row.status)}`, row.status);
    out.scheduleMode = label(`export.schedule.${String(row.scheduleMode)}`, row.scheduleMode);
    out.languages = String(row.languages ?? '')
      .split(';')
      .filter(Boolean)
      .map((c) => languageName(c, l))
      .join(', ');
    out.sessionDates = String(row.sessionDates ?? '')
      .split(';')
      .filter(Boolean)
      .map((iso) => DateTime.fromISO(iso, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm'))
      .join(', ');
  }
  if (table === 'sessions') {
    out.status = label(`dashboard.session_status.${String(row.status)}`, row.status);
    out.harvest = row.harvest ? label(`export.harvest.${String(row.harvest)}`, row.harvest) : '';
  }
  if (table === 'harvests') {
    out.themes = String(row.themes ?? '')
      .split(';')
      .filter(Boolean)
      .map((k) => themeText(k, l))
      .join(', ');
    const section = String(row.section ?? '');
    out.section = (HARVEST_SECTIONS as readonly string[]).includes(section)
      ? t(l, `harvest.section.${section}` as MessageKey)
      : section;
  }
  return out;
}

function themeText(key: string, l: Locale): string {
  return (THEME_KEYS as readonly string[]).includes(key) ? themeName(key as ThemeKey, l) : key;
}
