import type { Parsed } from './profile-parse.ts';

/**
 * What typed words do to a picker's selection: add to it (the default, "ook", "also"), take away
 * ("niet meer", "not"), or replace it ("alleen", "only"). Nothing here saves: the picker shows the
 * result and waits for Done, as it does after a tap.
 */
export type ChoiceMode = 'add' | 'remove' | 'only';

/** One part of a typed answer and what it asks for ("zondagmiddag ook" → add "zondagmiddag"). */
export interface TypedClause {
  mode: ChoiceMode;
  /** The clause without the words that set its mode. */
  text: string;
}

/**
 * Splits "zondagmiddag ook, maar maandag niet meer" into clauses with their mode. A clause ends at
 * a sentence mark, "maar"/"but", or a comma before a mode word ("niet op ma, wel op zo"); a plain
 * comma does not end one, so "ma, di, wo avond niet meer" takes all three days away. A clause that
 * asks for two things at once ("alleen niet maandag") is `mixed`: better to ask than to guess.
 */
export function readClauses(text: string): Parsed<TypedClause[], 'mixed'> {
  const clauses: TypedClause[] = [];
  for (const raw of text.split(CLAUSE_END)) {
    const piece = raw?.trim();
    if (!piece) continue;
    let rest = piece;
    const modes = new Set<ChoiceMode>();
    for (const [mode, words] of MODE_WORDS) {
      const stripped = rest.replace(words, ' ');
      if (stripped !== rest) modes.add(mode);
      rest = stripped;
    }
    if (modes.size > 1) return { ok: false, error: 'mixed', detail: piece.slice(0, 60) };
    const [mode = 'add'] = modes;
    clauses.push({ mode, text: rest.replace(/\s+/g, ' ').trim() });
  }
  return { ok: true, value: clauses };
}

/** The selection after the clauses, each read by `parse` (which names what it did not understand). */
export function applyClauses<T extends string>(
  current: readonly T[],
  clauses: readonly TypedClause[],
  parse: (text: string) => Parsed<T[], string>,
): Parsed<T[], 'unknown'> {
  let selection = [...current];
  for (const clause of clauses) {
    if (!clause.text) return { ok: false, error: 'unknown', detail: undefined };
    const r = parse(clause.text);
    if (!r.ok) return { ok: false, error: 'unknown', detail: r.detail ?? clause.text };
    if (clause.mode === 'only') selection = [...r.value];
    else if (clause.mode === 'remove') selection = selection.filter((x) => !r.value.includes(x));
    else selection = [...selection, ...r.value.filter((x) => !selection.includes(x))];
  }
  return { ok: true, value: selection };
}

/** What changed between two selections, for the reply that says so. */
export function changes<T>(before: readonly T[], after: readonly T[]): { added: T[]; removed: T[] } {
  return {
    added: after.filter((x) => !before.includes(x)),
    removed: before.filter((x) => !after.includes(x)),
  };
}

const CLAUSE_END =
  /\s*(?:[;\n]|[.!?](?:\s+|$)|\b(?:maar|but)\b|,(?=\s*(?:wel|ook|also|niet|not|geen|no|alleen|only)\b))\s*/i;

/** Longer phrases first, so "niet meer" is taken as a whole and "alleen nog" is not read as adding. */
const MODE_WORDS: ReadonlyArray<readonly [ChoiceMode, RegExp]> = [
  [
    'only',
    /\b(?:alleen nog maar|alleen nog|alleen maar|alleen(?! zijn)|enkel|uitsluitend|nog maar|only|just)\b/gi,
  ],
  [
    'remove',
    /\b(?:niet meer|niet langer|nooit meer|niet|geen|nooit|no longer|not any ?more|any ?more|not|no more|no|never|zonder|without|weg|eraf|eruit|verwijder(?:en)?|haal|remove|delete|drop)\b/gi,
  ],
  ['add', /\b(?:ook nog|ook|also|too|as well|erbij|extra|plus|wel|toevoegen|voeg|toe|add|nog)\b/gi],
];
