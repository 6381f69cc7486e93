import { parseContact, parseEmail } from '../intake-parse.ts';
import { fold, tidy } from './text.ts';

export interface ExtractedContact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

const PARTICLE = "(?:van|de|der|den|het|ter|ten|te|el|al|da|dos|du|le|la|von|'t|in 't)";
const NAME_WORD = "\\p{Lu}[\\p{Ll}'’-]+(?:-\\p{Lu}[\\p{Ll}'’-]+)?";
// Particles come after the first name only: "Pieter van Leeuwen", but "Dirk Mulder van Stichting X" stops.
const NAME = `(${NAME_WORD}(?:[ \\t]+(?:${PARTICLE}[ \\t]+){0,3}${NAME_WORD})?(?:[ \\t]+${NAME_WORD})?)`;
const CLOSING =
  /^(?:met )?(?:vriendelijke|hartelijke|warme|lieve)? ?groet(?:en|jes)?|^(?:vr(?:iendelijke)?\.? ?gr(?:oet)?\.?|mvg|groetjes|dank(?:je)?(?: wel)?|bedankt|alvast bedankt|(?:kind|best|warm) regards|regards|best wishes|best|cheers|thanks|thank you|many thanks|sincerely|yours)\b/i;

/** The contact person, their e-mail address and phone number (normalised as the guided form does). */
export function extractContact(text: string): ExtractedContact {
  let email: string | null = null;
  let phone: string | null = null;
  for (const line of text.split(/\n/)) {
    const c = parseContact(line);
    email ??= c.email ?? firstEmail(line);
    phone ??= c.phone;
  }
  return { name: extractName(text), email, phone };
}

function firstEmail(line: string): string | null {
  for (const m of line.matchAll(/[^\s<>(),;:]+@[^\s<>(),;:]+/g)) {
    const e = parseEmail(m[0]);
    if (e) return e;
  }
  return null;
}

function extractName(text: string): string | null {
  // The cue is case-insensitive, the name is not: "ik ben blij" is no name.
  const intro = afterCue(
    text,
    /(?:mijn naam is|ik ben|ik heet|my name is|i am|i'm|this is|(?:hallo|hoi|hi|hello),? hier|contactpersoon(?: is)?:?|contact person(?: is)?:?|contact:|naam:|name:|neem contact op met|contact met|contact me,?)[ \t]+/giu,
    new RegExp(`^${NAME}`, 'u'),
  );
  const signed = signature(text);
  // "I'm Grace from …" … "Regards, Grace Mensah": the fuller form of the same name.
  if (intro && signed?.startsWith(intro)) return cleanName(signed);
  if (intro && !NOT_A_NAME.test(fold(intro))) return cleanName(intro);
  return signed ? cleanName(signed) : null;
}

/** The name after a closing ("Met vriendelijke groet,\nFatima", "… Groet, Joost", "Best, Omar Haddad, 06…"). */
function signature(text: string): string | null {
  const inline = afterCue(
    text,
    /(?:^|[.!?\n]\s*|\s)(?:met vriendelijke groet|vriendelijke groet|hartelijke groet|groetjes|groeten|groet|mvg|vr\.? ?gr\.?|kind regards|best regards|best wishes|regards|best|cheers|thanks|thank you|sincerely)[,!.]?[ \t]+/giu,
    new RegExp(`^${NAME}(?=\\s*(?:$|[,(.|–-]|\\n))`, 'u'),
  );
  if (inline && !NOT_A_NAME.test(fold(inline))) return inline;
  const lines = text.split(/\n/).map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!CLOSING.test(line)) continue;
    const sameLine = line.replace(CLOSING, '').replace(/^[\s,.!:-]+/, '');
    const candidates = [sameLine, ...lines.slice(i + 1, i + 4)];
    for (const c of candidates) {
      const m = c.match(new RegExp(`^${NAME}\\s*(?:[,(|–-].*)?$`, 'u'));
      if (m?.[1] && !NOT_A_NAME.test(fold(m[1]))) return m[1];
    }
  }
  return null;
}

/** The first match of `value` right after a match of `cue` (which must have the g flag). */
function afterCue(text: string, cue: RegExp, value: RegExp): string | null {
  for (const m of text.matchAll(cue)) {
    const v = text.slice((m.index ?? 0) + m[0].length).match(value);
    if (v?.[1]) return v[1];
  }
  return null;
}

const NOT_A_NAME =
  /^(?:stichting|buurtteam|wijkbureau|gemeente|bibliotheek|huis|team|de |het |the |utrecht|dialoog|vereniging|school|wij|we|ik|graag|ons)\b/;

function cleanName(s: string): string {
  return tidy(s.replace(/[’]/g, "'"));
}

/** Word endings that make a capitalised phrase an organisation ("Huurdersvereniging Oost", "Globe College"). */
const ORG_WORD =
  /(?:stichting|vereniging|buurtteam|buurthuis|centrum|wijkbureau|wijkraad|bibliotheek|gemeente|moskee|kerk|school|college|lyceum|universiteit|university|centre|center|werk|welzijn|corporatie|commissie|organisatie|ggd|foundation|association|library|municipality|council|network|netwerk|pastoraat|voedselbank|initiatief|collectief|platform|dock|cumulus)$/i;
const CAP = "\\p{Lu}[\\p{L}'’-]*";
const CONNECTOR = "(?:van|de|het|voor|der|den|'t|the|of|for|&)";
const CAP_SEQ = `${CAP}(?:[ \\t]+(?:${CONNECTOR}[ \\t]+){0,2}(?:${CAP}|\\d+\\b(?![ \\t]*\\d)))*`;
const TYPE_WORD =
  '[a-z]*(?:initiatief|commissie|vereniging|stichting|organisatie|team|netwerk|platform|collectief|werk)';
const STARTERS = new Set(
  'namens vanuit wij we ik hallo hoi beste dag hi hello dear on i our the de het een goedemiddag goedemorgen goedendag request dialoog thema'.split(
    ' ',
  ),
);

/** The requesting organisation: "namens Buurtteam Overvecht", "I work at Library Utrecht", a signature line. */
export function extractOrganisation(text: string, contactName: string | null): string | null {
  const trigger = afterCue(
    text,
    /\b(?:namens|vanuit|ik werk bij|ik werk voor|werkzaam bij|wij zijn|we zijn|wij van|we van|(?:wij|we),|on behalf of|i work (?:at|for)|we are|we're from|we are from|i'm (?:\p{L}+ )?(?:from|at)|i am (?:\p{L}+ )?(?:from|at)|this is \p{L}+ (?:\p{L}+ )?from|hier \p{L}+ (?:\p{L}+ )?van|ik ben [\p{L} ]{0,40}?\b(?:bij|van)|(?:coordinator|coördinator|medewerker|manager|director|teacher|leraar|docent|werker|worker|opbouwwerker) (?:bij|van|at|of|op))[ \t]+/giu,
    new RegExp(`^(?:(?:de|het|the)[ \\t]+)?((?:${TYPE_WORD}[ \\t]+)?${CAP_SEQ})`, 'u'),
  );
  const fromTrigger = trigger && cleanOrg(trigger);
  if (fromTrigger && !/^(?:Utrecht|Nederland|Zoom|Teams)$/.test(fromTrigger)) return fromTrigger;
  for (const m of text.matchAll(new RegExp(CAP_SEQ, 'gu'))) {
    const org = cleanOrg(m[0]);
    if (org && org !== contactName && org.split(/[ \t]+/).some((w) => ORG_WORD.test(w))) return org;
  }
  // A signature: the line after the contact's name that is not an address, number or e-mail.
  if (contactName) {
    const lines = text.split(/\n/).map((l) => l.trim());
    const at = lines.findIndex((l) => l.startsWith(contactName));
    for (const l of at >= 0 ? lines.slice(at + 1, at + 3) : []) {
      if (l && !/[@\d]|^(?:tel|mob|phone|e-?mail)/i.test(l) && /^\p{Lu}/u.test(l) && l.length < 60)
        return tidy(l);
    }
  }
  return null;
}

/** Drops sentence starters ("Namens", "De"), a trailing "I'd" and a possessive "'s". */
function cleanOrg(raw: string): string | null {
  const words = raw.split(/[ \t]+/);
  while (words.length > 0 && STARTERS.has(fold(words[0] ?? '')) && !ORG_WORD.test(words[0] ?? ''))
    words.shift();
  while (words.length > 0 && /^(?:I|I'[a-z]+|I’[a-z]+)$/.test(words.at(-1) ?? '')) words.pop();
  while (words.length > 0 && /^(?:van|de|het|voor|der|den|the|of|for|&)$/.test(words.at(-1) ?? ''))
    words.pop();
  const org = tidy(words.join(' ').replace(/['’]s$/, ''));
  return org.length >= 3 ? org : null;
}
