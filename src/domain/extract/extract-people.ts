import { parseParticipants } from '../intake-parse.ts';
import { fold, tidy } from './text.ts';

const GROUP_NOUNS =
  'ouderen senioren 65-plussers jongeren jongvolwassenen tieners kinderen ouders moeders vaders vrouwen mannen ' +
  'bewoners buurtbewoners wijkbewoners omwonenden mantelzorgers statushouders nieuwkomers vluchtelingen ' +
  'asielzoekers migranten expats leerlingen scholieren studenten docenten leraren vrijwilligers professionals ' +
  'medewerkers huurders ondernemers buren deelneemsters ' +
  'elderly seniors pensioners youngsters teenagers youth children kids parents mothers mums moms fathers women men ' +
  'residents neighbours neighbors tenants carers caregivers refugees newcomers asylum-seekers migrants expats ' +
  'internationals students pupils teachers volunteers staff professionals entrepreneurs';
const GENERIC_NOUNS = 'deelnemers mensen personen pers participants people persons attendees guests gasten';
const GROUP = new Set(GROUP_NOUNS.split(' '));
const GENERIC = GENERIC_NOUNS.split(' ');
const noun = (list: Iterable<string>): string => [...list].map((w) => w.replace('-', '[- ]')).join('|');
const NUM_WORDS =
  '(?:\\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|' +
  'zeventien|achttien|negentien|[a-z]*twintig|[a-z]*dertig|[a-z]*veertig|[a-z]*vijftig|[a-z]*zestig|honderd|' +
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|' +
  'eighteen|nineteen|twenty(?:[- ][a-z]+)?|thirty(?:[- ][a-z]+)?|forty(?:[- ][a-z]+)?|fifty|sixty|hundred|dozen)';
const RANGE = `${NUM_WORDS}(?:\\s*(?:-|–|tot|à|a|to|or|of)\\s*${NUM_WORDS})?`;
const QUANT =
  "(?:een stuk of|ongeveer|ong\\.?|zo'?n|circa|ca\\.?|rond de|rond|maximaal|max\\.?|hooguit|minimaal|minstens|" +
  'tussen de|about|around|approximately|approx\\.?|roughly|some|up to|at most|max|at least|between|maybe)';
const NOT_A_COUNT = /\d[:.]\d/;

/** Where a head count was found, and which noun it counted (for the target group). */
interface Headcount {
  value: number;
  noun: string | null;
  index: number;
}

/** "een stuk of vijftien ouderen", "15-20 deelnemers", "about twenty people": the number to plan for. */
export function extractParticipants(text: string): number | null {
  return findHeadcount(text)?.value ?? null;
}

function findHeadcount(text: string): Headcount | null {
  const s = fold(text).replace(/[’‘`´]/g, "'");
  // Participants named as such beat other counts ("80 asielzoekers wonen er; 20 deelnemers").
  const patterns: Array<[RegExp, boolean]> = [
    [new RegExp(`\\b(?:${QUANT}\\s+)?(${RANGE})\\s+(?:[a-z'-]+\\s+){0,2}?(${noun(GENERIC)})\\b`, 'g'), true],
    [
      new RegExp(
        `\\b(?:deelnemers|aantal deelnemers|participants|aantal|number of participants)\\s*:?\\s*(?:${QUANT}\\s+)?(${RANGE})\\b`,
        'g',
      ),
      false,
    ],
    [new RegExp(`\\b${QUANT}\\s+(${RANGE})\\s+(?:[a-z'-]+\\s+){0,2}?(${noun(GROUP)})\\b`, 'g'), true],
    [new RegExp(`\\b(${RANGE})\\s+(?:[a-z'-]+\\s+){0,2}?(${noun(GROUP)})\\b`, 'g'), true],
    [new RegExp(`\\b(?:${QUANT}\\s+)?(${RANGE}) of them\\b`, 'g'), false],
    [new RegExp(`\\bmet z'?n (${NUM_WORDS})(?:en)?\\b`, 'g'), false],
    [
      new RegExp(
        `\\b(?:een stuk of|zo'?n|ongeveer|about|around) (${RANGE})\\b(?!\\s*(?:uur|minuten|hours|minutes|min|jaar|years|euro|procent|%))`,
        'g',
      ),
      false,
    ],
  ];
  for (const [re, hasNoun] of patterns) {
    for (const m of s.matchAll(re)) {
      const phrase = m[1] ?? '';
      if (NOT_A_COUNT.test(phrase)) continue; // "om 19.30 uur", "8.12" are not head counts
      const r = parseParticipants(phrase);
      if (r.ok) return { value: r.value, noun: hasNoun ? (m[2] ?? null) : null, index: m.index ?? 0 };
    }
  }
  return null;
}

const STOP = new Set(
  'de het een van in op over om onze ons wij we zo die dat the a an of on about our some new nieuwe'.split(
    ' ',
  ),
);
const EN_ADJECTIVES = new Set(
  'young older elderly local informal international single working lonely isolated vulnerable female male dutch'.split(
    ' ',
  ),
);
/** Dutch inflected adjectives ("alleenstaande", "jonge", "Marokkaanse") and a few English ones. */
const isAdjective = (w: string): boolean => {
  const f = fold(w);
  return !STOP.has(f) && (EN_ADJECTIVES.has(f) || (/^[a-z-]{4,}e$/.test(f) && !/(?:ie|ee)$/.test(f)));
};

/**
 * "alleenstaande ouderen uit de wijk", "statushouders en buurtbewoners", "young people aged 16-23":
 * the group the dialogue is for. The organisation's own name is left out ("Carers Utrecht").
 */
export function extractTargetGroup(text: string, organisation: string | null = null): string | null {
  const labelled = text.match(/\b(?:doelgroep|target group|voor wie)\s*(?:is|zijn|:|-)\s*([^.;\n]{3,120})/i);
  if (labelled?.[1]) return tidy(labelled[1]);
  const clean = organisation ? text.split(organisation).join(' — ') : text;
  const tokens = [...clean.matchAll(/[\p{L}\d'+-]+|[.,;:!?\n()—]/gu)];
  const words = tokens.map((m) => m[0]);
  const head = findHeadcount(clean);
  // Prefer the noun that was counted; else the first group noun in the text.
  const order = [...words.keys()];
  if (head?.noun) {
    const at = tokens.findIndex(
      (t) => (t.index ?? 0) >= head.index && fold(t[0]) === head.noun?.split(/[- ]/)[0],
    );
    if (at >= 0) order.unshift(at);
  }
  for (const i of order) {
    const span = groupAt(words, i);
    if (!span) continue;
    let [from, to] = span;
    while (from > 0 && from > span[0] - 2 && isAdjective(words[from - 1] ?? '')) from--;
    // "statushouders en buurtbewoners", "refugees and neighbours"
    if (/^(?:en|and|&)$/i.test(words[to] ?? '')) {
      const more =
        groupAt(words, to + 1) ?? (isAdjective(words[to + 1] ?? '') ? groupAt(words, to + 2) : null);
      if (more) to = more[1];
    }
    const rest = words.slice(to, to + 8).join(' ');
    const tail = rest.match(
      /^(?:(?:uit|van|in|from|of) (?:de|het|the|onze|our) (?:wijk|buurt|neighbourhood|neighborhood|area|moskee|school)|(?:van|aged|tussen|between) \d+\s*(?:-|tot|to|and|en)?\s*\d*\+?(?: jaar| years)?|met (?:een )?[\p{L}-]+ (?:achtergrond|beperking|migratieachtergrond)|with (?:a )?[\p{L}-]+ (?:background|disability)|die [\p{L} ]{3,40}?(?= [.,;:]|$)|\(?\d+\s*(?:-|tot)?\s*\d*\+?(?: jaar)?\)?)/u,
    );
    if (tail) to += tail[0].split(' ').length;
    return tidy(
      words
        .slice(from, to)
        .join(' ')
        .replace(/ ([),])/g, '$1')
        .replace(/\( /g, '('),
    );
  }
  return null;
}

/** The token span [from, to) of a group noun at i ("ouderen", "young people", "mensen met …"). */
function groupAt(words: string[], i: number): [number, number] | null {
  const w = fold(words[i] ?? '');
  const next = words[i + 1] ?? '';
  if (/^(?:young|older|oudere)$/.test(w) && /^(?:people|adults|mensen|residents|bewoners)$/i.test(next))
    return [i, i + 2];
  if (/^(?:mensen|people)$/.test(w) && /^(?:met|die|zonder|with|who|without)$/i.test(next)) return [i, i + 1];
  if (!GROUP.has(w)) return null;
  // A capitalised noun inside a name ("Carers Utrecht", "Residents Association") is no group.
  if (/^\p{Lu}/u.test(words[i] ?? '') && /^\p{Lu}/u.test(next)) return null;
  return [i, i + 1];
}
