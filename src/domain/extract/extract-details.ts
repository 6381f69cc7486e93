import { parseDuration } from '../intake-parse.ts';
import { parseLanguages } from '../languages.ts';
import { fold, sentences, tidy } from './text.ts';

const LANGUAGE_CUE =
  /\b(?:taal|talen|language|languages|spreken|spreekt|speak|speaking|in het|in|tolk|interpreter|vertaling|translation|voertaal|-?talig|tweetalig|bilingual)\b/i;

/** Languages of the table as ISO 639-1 codes, from sentences that talk about language. */
export function extractLanguages(text: string): string[] {
  const codes: string[] = [];
  const add = (c: string): void => {
    if (!codes.includes(c)) codes.push(c);
  };
  for (const s of sentences(text)) {
    // "Nederlandstalig", "Engelstalige", "Arabic-speaking": a language named as an adjective.
    for (const m of s.matchAll(/\b(\p{L}+?)(?:-?talig(?:e)?|[- ]speaking)\b/giu)) {
      for (const c of parseLanguages(m[1] ?? '').codes) add(c);
    }
    if (!LANGUAGE_CUE.test(s)) continue;
    // Only language names count: in a sentence "de", "it" and "so" are words, not codes.
    const named = parseLanguages(s.replace(/\b[A-Za-z]{2}\b/g, (w) => (/^(NL|EN)$/.test(w) ? w : ' ')));
    for (const c of named.codes) add(c);
  }
  return codes;
}

const NUM_WORD =
  '(?:\\d+(?:[.,]\\d)?|een|twee|drie|vier|vijf|zes|anderhalf|one|two|three|four|five|six|an|a|half an?|one and a half)';

/** "anderhalf uur", "2 hours", "90 minuten": the planned length; not clock times ("om 7 uur"). */
export function extractDuration(text: string): number | null {
  const f = fold(text)
    .replace(
      /\ban hour and a half\b|\bone and a half hours?\b|\banderhalf uur\b|\been uur en een kwartier\b/g,
      (m) => (m.includes('kwartier') ? '75 minuten' : '90 minuten'),
    )
    .replace(/\been uur of (twee|drie|vier)\b/g, '$1 uur'); // "een uur of twee": about two hours
  const re = new RegExp(
    `(?<![\\d:.,])(${NUM_WORD}\\s*(?:tot|to|-|a|or|of)?\\s*(?:${NUM_WORD})?\\s*(?:uur|uurtje|hours?|hrs?|minuten|minutes|mins?|kwartier))\\b`,
    'g',
  );
  for (const m of f.matchAll(re)) {
    const before = f.slice(Math.max(0, (m.index ?? 0) - 8), m.index);
    if (/\b(?:om|at|tot|till|until|vanaf|from|van|by|voor|before|na|after|rond|around)\s*$/.test(before))
      continue;
    if (
      /^(?:een|a|an)\s+(?:uur|hour)$/.test(m[1] ?? '') &&
      !/\b(?:duur|duurt|lasts?|take|takes|for|ongeveer|about):?\s*$/.test(before)
    ) {
      // "een uur" alone is often a clock time ("om een uur"); accept it only after a duration cue.
      continue;
    }
    const r = parseDuration(m[1] ?? '');
    if (r.ok) return r.value;
  }
  return null;
}

const CODESIGN_YES =
  /(?:vragen|opzet|gespreksvorm|programma|format|questions)\b[^.!?]{0,30}\bsamen\b[^.!?]{0,20}(?:voorbereid|bedenk|ontwerp|uitwerk|maken|vormgeven|opstellen)|samen[^.!?]{0,20}(?:de |het )?(?:vragen|opzet|gespreksvorm|programma)\b[^.!?]{0,12}(?:voorbereid|bedenk|ontwerp|uitwerk|maken|vormgeven|opstellen)|co-?design|co-?creati|samen (?:met jullie |met u )?(?:de |het )?(?:gespreksvorm|vragen|opzet|programma|dialoog|gesprek)\s+(?:te )?(?:vorm|ontwerp|bedenk|uitwerk|voorbereid|maken|opzetten)|meedenken over (?:de )?(?:vragen|opzet|vorm|gespreksvorm)|denken graag mee|hulp bij (?:de )?(?:opzet|vragen|gespreksvorm)|design (?:the )?(?:conversation|questions|format|dialogue|session) together|(?:help|support)(?: us)? (?:with|in) (?:designing|shaping|the format|the questions|the set-?up)|work out the (?:format|questions) together|shape the (?:conversation|questions) together/;
const CODESIGN_NO =
  /geen co-?design|no co-?design|co-?design (?:is )?niet nodig|co-?design (?:is )?not needed|(?:vragen|opzet|gespreksvorm|programma) (?:hebben we |is )?al (?:klaar|bedacht|gemaakt|uitgewerkt)|hebben (?:de )?(?:vragen|opzet) al|already have (?:the |our )?(?:questions|format|programme|program)|don'?t need help with the (?:format|questions)|zelf de vragen|niet mee te denken/;

/** Whether the partner wants to co-design the conversation; null when the text does not say. */
export function extractCoDesign(text: string): boolean | null {
  const f = fold(text).replace(/[’‘]/g, "'");
  if (CODESIGN_NO.test(f)) return false;
  if (CODESIGN_YES.test(f)) return true;
  return null;
}

const ACCESS_STRONG =
  /rolstoel|drempel|\blift\b|invalide|mindervalide|slechthorend|\bdoof|\bdove\b|\bdoven|gebarentaal|gebarentolk|ringleiding|slechtziend|\bblind|rollator|scootmobiel|prikkelarm|wheelchair|step-free|hearing loop|hearing impair|sign language|\bdeaf|visually impaired|low-stimulus|quiet room/;
const ACCESS_CUE = new RegExp(`${ACCESS_STRONG.source}|toegankelijk|accessib|mobility`);
const ACCESS_NONE =
  /geen (?:bijzondere |speciale |extra )?(?:toegankelijkheids\w*|wensen|eisen|aandachtspunten)|no (?:special |particular )?(?:accessibility \w+|needs|requirements)|toegankelijkheid:? (?:geen|n\.?v\.?t)/;

/** Accessibility needs in the partner's words; null when none are named (or "none"). */
export function extractAccessibility(text: string): string | null {
  // Concrete needs first: "over toegankelijkheid van de stad" may be the topic, "rolstoel" is a need.
  for (const cue of [ACCESS_STRONG, ACCESS_CUE]) {
    for (const s of sentences(text)) {
      const f = fold(s);
      if (
        !cue.test(f) ||
        ACCESS_NONE.test(f) ||
        /(?:dialoog|gesprek|dialogue) (?:over|about) toegankelijk/.test(f)
      )
        continue;
      // In a long sentence keep the clause that mentions the need.
      const clause =
        s.length > 100 ? (s.split(/[;,]|\s(?:maar|but)\s/).find((c) => cue.test(fold(c))) ?? s) : s;
      return tidy(clause).slice(0, 500);
    }
  }
  return null;
}
