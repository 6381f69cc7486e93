import { hasKey, type Locale, t } from '../i18n/index.ts';
import type { ThemeKey } from './themes.ts';

/** A suggested conversation format and appreciative opening questions, for a coordinator to edit. */
export interface CodesignSuggestion {
  format: string;
  /** Three to five open, appreciative questions. */
  questions: string[];
  source: 'library' | 'llm';
}

export interface CodesignInput {
  theme: ThemeKey | null;
  targetGroup: string | null;
  locale: Locale;
  online?: boolean | null;
  participants?: number | null;
}

export const TARGET_KINDS = [
  'ouderen',
  'jongeren',
  'ouders',
  'nieuwkomers',
  'mantelzorgers',
  'professionals',
  'bewoners',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** Word beginnings per kind of target group, Dutch and English. First kind that matches wins. */
const KIND_WORDS: ReadonlyArray<readonly [TargetKind, RegExp]> = [
  ['mantelzorgers', /\b(?:mantelzorg|informele zorg|carer|caregiver)/],
  [
    'nieuwkomers',
    /\b(?:nieuwkomer|statushouder|vluchteling|asielzoeker|refugee|newcomer|asylum|migrant|expat|international)/,
  ],
  ['ouderen', /\b(?:ouderen|oudere|senior|65|elderly|older|pensioner|bejaard)/],
  ['ouders', /\b(?:ouders|moeders|vaders|parent|mother|father|mum|mom)/],
  [
    'jongeren',
    /\b(?:jongere|jongvolwassen|tiener|scholier|leerling|student|young|youth|teen|pupil|kinderen|children|kids)/,
  ],
  [
    'professionals',
    /\b(?:professional|medewerker|docent|leraar|leraren|teacher|staff|ambtena|civil servant|zorgverlener|wijkteam)/,
  ],
  ['bewoners', /\b(?:bewoner|buurtbewoner|huurder|buren|resident|tenant|neighbo)/],
];

/** Which kind of target group a free-text description is, or null when it says nothing we know. */
export function targetKind(targetGroup: string | null): TargetKind | null {
  if (!targetGroup) return null;
  const s = targetGroup
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return KIND_WORDS.find(([, re]) => re.test(s))?.[0] ?? null;
}

/**
 * The library suggestion: the theme's format (plus notes for the target group, online and large
 * groups) and 3–5 questions — the theme's first three, one for the target group, then the
 * theme's fourth. Pure: everything comes from the message catalogue.
 */
export function suggestCodesign(input: CodesignInput): CodesignSuggestion {
  const theme = input.theme ?? 'anders';
  const l = input.locale;
  const kind = targetKind(input.targetGroup);
  const text = (key: string): string | null => (hasKey(key) ? t(l, key) : null);
  const notes = [
    kind ? text(`codesign.group.${kind}.note`) : null,
    input.online ? text('codesign.format.online') : null,
    (input.participants ?? 0) > 20 ? text('codesign.format.large') : null,
  ];
  const themed = [1, 2, 3, 4].map((n) => text(`codesign.q.${theme}.${n}`));
  const questions = [...themed.slice(0, 3), kind ? text(`codesign.group.${kind}.q`) : null, themed[3] ?? null]
    .filter((q): q is string => Boolean(q))
    .slice(0, 5);
  const format = [text(`codesign.format.${theme}`), ...notes].filter(Boolean).join(' ');
  return { format, questions, source: 'library' };
}
