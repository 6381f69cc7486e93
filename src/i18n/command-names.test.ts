import { describe, expect, it } from 'vitest';
import { canonicalCommand } from '../flows/commands.ts';
import { catalogueEntries } from './index.ts';

/** Commands with a Dutch and an English name; /help, /start, /stop, /privacy and /dashboard are the same in both. */
const NAMES: [nl: string, en: string][] = [
  ['aanvragen', 'request'],
  ['mijnaanvragen', 'myrequests'],
  ['mijnsessies', 'mysessions'],
  ['kandidaten', 'candidates'],
  ['instellingen', 'settings'],
  ['eerlijkheid', 'fairness'],
  ['niveau', 'level'],
  ['gespreksvorm', 'codesign'],
  ['koppel', 'link'],
  ['profiel', 'profile'],
  ['pauze', 'pause'],
  ['oogst', 'harvest'],
  ['belanghebbenden', 'stakeholders'],
  ['reflecties', 'reflections'],
  ['opbrengst', 'outcome'],
  ['overzicht', 'overview'],
  ['mijngegevens', 'mydata'],
  ['vergeetmij', 'forgetme'],
  ['uitnodigen', 'invite'],
  ['rondsturen', 'broadcast'],
  ['taal', 'language'],
];

/** The /commands a text names (not parts of URLs, paths or "{n}/mnd"). */
const commandsIn = (text: string) => [...text.matchAll(/(?<![\w/.:}])\/([a-z]+)\b/g)].map((m) => m[1] ?? '');
/** Slack's slash command (registered in the Slack app, not a chat command). */
const SLACK_COMMAND = 'dialoog';

describe('command names in messages', () => {
  it('both names of each pair are the same command', () => {
    for (const [nl, en] of NAMES) expect(canonicalCommand(en), `/${en}`).toBe(canonicalCommand(nl));
  });

  it('English messages name the English commands, Dutch messages the Dutch ones', () => {
    const dutch = new Set(NAMES.map(([nl]) => nl));
    const english = new Set(NAMES.map(([, en]) => en));
    const wrong: string[] = [];
    for (const [key, texts] of catalogueEntries()) {
      for (const c of commandsIn(texts.en)) if (dutch.has(c)) wrong.push(`${key} (en): /${c}`);
      for (const c of commandsIn(texts.nl)) if (english.has(c)) wrong.push(`${key} (nl): /${c}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every command a message names exists', () => {
    const unknown = catalogueEntries().flatMap(([key, texts]) =>
      [...commandsIn(texts.nl), ...commandsIn(texts.en)]
        .filter((c) => c !== SLACK_COMMAND && canonicalCommand(c) === null)
        .map((c) => `${key}: /${c}`),
    );
    expect(unknown).toEqual([]);
  });
});
