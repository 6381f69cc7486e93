import { parseLanguages } from './languages.ts';
import { matchThemes, type ThemeKey } from './themes.ts';
import { matchWijk, type WijkKey } from './wijken.ts';

/** One volunteer as an import file describes them, validated. */
export interface VolunteerRow {
  name: string;
  platform: 'TELEGRAM' | 'SLACK' | 'LOCAL';
  /** The person's id on that platform (Telegram user id, Slack user id, web chat key): the import key. */
  account: string;
  level: 'TRAINEE' | 'CERTIFIED' | 'SENIOR';
  languages: string[];
  wijken: WijkKey[];
  themes: ThemeKey[];
  maxPerMonth: number;
}

export type RowResult = { ok: true; row: VolunteerRow } | { ok: false; errors: string[] };

/** Column names as a spreadsheet may have them (Dutch or English) → our field. */
const HEADERS: Record<string, keyof VolunteerRow> = {
  naam: 'name',
  name: 'name',
  platform: 'platform',
  kanaal: 'platform',
  account: 'account',
  id: 'account',
  niveau: 'level',
  level: 'level',
  talen: 'languages',
  languages: 'languages',
  wijken: 'wijken',
  wijk: 'wijken',
  neighbourhoods: 'wijken',
  themas: 'themes',
  'thema’s': 'themes',
  "thema's": 'themes',
  themes: 'themes',
  max_per_maand: 'maxPerMonth',
  maxpermaand: 'maxPerMonth',
  max_per_month: 'maxPerMonth',
  maxpermonth: 'maxPerMonth',
};

const LEVELS: Record<string, VolunteerRow['level']> = {
  trainee: 'TRAINEE',
  leerling: 'TRAINEE',
  'leerling-begeleider': 'TRAINEE',
  'in opleiding': 'TRAINEE',
  gecertificeerd: 'CERTIFIED',
  certified: 'CERTIFIED',
  senior: 'SENIOR',
};

const PLATFORMS: Record<string, VolunteerRow['platform']> = {
  telegram: 'TELEGRAM',
  slack: 'SLACK',
  local: 'LOCAL',
  webchat: 'LOCAL',
  web: 'LOCAL',
};

/** The field a header names, or null for a column we do not know. */
export function headerField(header: string): keyof VolunteerRow | null {
  return (
    HEADERS[header.trim().toLowerCase().replace(/\s+/g, '_')] ?? HEADERS[header.trim().toLowerCase()] ?? null
  );
}

const list = (v: string) =>
  v
    .split(/[;|,]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Validates one record (field → raw text); every problem is reported, in Dutch, for the operator. */
export function parseVolunteerRow(raw: Partial<Record<keyof VolunteerRow, string>>): RowResult {
  const errors: string[] = [];
  const name = (raw.name ?? '').replace(/\s+/g, ' ').trim();
  if (!name) errors.push('naam ontbreekt');
  else if (name.length > 80) errors.push('naam is langer dan 80 tekens');
  const platform = PLATFORMS[(raw.platform ?? '').trim().toLowerCase()];
  if (!platform)
    errors.push(`platform "${(raw.platform ?? '').trim()}" onbekend (telegram, slack of webchat)`);
  const account = (raw.account ?? '').trim();
  if (!account) errors.push('account ontbreekt');
  else if (account.length > 200 || /\s/.test(account))
    errors.push(`account "${account.slice(0, 40)}" ongeldig`);
  const levelText = (raw.level ?? '').trim().toLowerCase();
  const level = levelText ? LEVELS[levelText] : 'TRAINEE';
  if (!level) errors.push(`niveau "${levelText}" onbekend (in opleiding, gecertificeerd, senior)`);
  const langs = parseLanguages(raw.languages ?? '');
  if (langs.unknown.length) errors.push(`taal onbekend: ${langs.unknown.join(', ')}`);
  const languages = langs.codes.length ? langs.codes : ['nl'];
  const wijken: WijkKey[] = [];
  for (const part of list(raw.wijken ?? '')) {
    const w = matchWijk(part);
    if (w) {
      if (!wijken.includes(w)) wijken.push(w);
    } else errors.push(`wijk "${part}" onbekend`);
  }
  const themes: ThemeKey[] = [];
  for (const part of list(raw.themes ?? '')) {
    const found = matchThemes(part);
    if (found.length === 0) errors.push(`thema "${part}" onbekend`);
    for (const t of found) if (!themes.includes(t)) themes.push(t);
  }
  const maxText = (raw.maxPerMonth ?? '').trim();
  const maxPerMonth = maxText ? Number(maxText) : 2;
  if (!Number.isInteger(maxPerMonth) || maxPerMonth < 0 || maxPerMonth > 20)
    errors.push(`max per maand "${maxText}" moet een heel getal van 0 tot 20 zijn`);
  if (errors.length || !platform || !level) return { ok: false, errors };
  return { ok: true, row: { name, platform, account, level, languages, wijken, themes, maxPerMonth } };
}
