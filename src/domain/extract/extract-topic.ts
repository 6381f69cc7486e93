import { matchThemes, type ThemeKey } from '../themes.ts';
import { capitalise, fold, sentences, tidy } from './text.ts';

/**
 * Words besides the guided form's theme keywords (themes.ts) that point at a theme in running
 * text. Word beginnings, matched at a word start.
 */
const MORE_WORDS: Readonly<Partial<Record<ThemeKey, readonly string[]>>> = {
  eenzaamheid: [
    'vereenzam',
    'sociaal isolement',
    'sociale contacten',
    'niemand om',
    'lonely',
    'social isolation',
  ],
  armoede: [
    'rondkomen',
    'geldzorgen',
    'schulden',
    'energiearmoede',
    'laag inkomen',
    'weinig geld',
    'low income',
    'make ends meet',
    'food bank',
    'money worries',
    'financial stress',
  ],
  burgerparticipatie: [
    'bewonersinitiatie',
    'meepraten',
    'wijkraad',
    'omgevingsvisie',
    'buurtbudget',
    'invloed',
    'have a say',
    'participation',
    'local democracy',
    'zeggenschap',
  ],
  leefbaarheid: [
    'sociale cohesie',
    'social cohesion',
    'ontmoeting in de buurt',
    'overlast',
    'veiligheid',
    'zwerfafval',
    'samenleven',
    'polarisatie',
    'spanningen',
    'nuisance',
    'living together',
    'liveability',
    'livability',
    'prettig samen',
  ],
  gezondheid: [
    'bewegen',
    'leefstijl',
    'depressie',
    'stress',
    'burn-out',
    'welbevinden',
    'healthy',
    'well-being',
  ],
  'informele-zorg': [
    'mantelzorger',
    'zorgen voor een naaste',
    'zorg voor een naaste',
    'informal carer',
    'caring for',
  ],
  wonen: [
    'woningnood',
    'woningzoekend',
    'huurwoning',
    'woningcorporatie',
    'huisvesting',
    'tenants',
    'housing shortage',
    'landlord',
    'nieuwbouw',
  ],
  klimaat: [
    'verduurzam',
    'warmtepomp',
    'hittestress',
    'klimaatadaptatie',
    'zonnepanelen',
    'energietransitie',
    'vergroening',
    'groen in de wijk',
    'global warming',
    'heat stress',
    'heatwave',
    'heat wave',
    'climate adaptation',
    'energy transition',
    'solar panels',
    'green',
  ],
  onderwijs: ['kansengelijkheid', 'leerkracht', 'studenten', 'students', 'schools', 'classroom', 'klas'],
  asiel: ['asielzoeker', 'noodopvang', 'azc', 'asylum seeker', 'refugees'],
};

/**
 * The theme: a theme named after "over", "thema" or "about" wins; else the theme named in the
 * most sentences, the first named on a tie. 'anders' only when the text says so.
 */
export function extractTheme(text: string): ThemeKey | null {
  const f = fold(text);
  for (const m of f.matchAll(
    /\b(?:thema|onderwerp|over|rond|rondom|about|theme|topic|on the subject of|gaat over)\s*:?\s+((?:[a-z'-]+\s+){0,2}[a-z'-]+)/g,
  )) {
    const t = themesIn(m[1] ?? '')[0];
    if (t) return t;
  }
  const score = new Map<ThemeKey, number>();
  const first = new Map<ThemeKey, number>();
  sentences(text).forEach((s, i) => {
    for (const t of themesIn(s)) {
      score.set(t, (score.get(t) ?? 0) + 1);
      if (!first.has(t)) first.set(t, i);
    }
  });
  const ranked = [...score.entries()].sort(
    (a, b) => b[1] - a[1] || (first.get(a[0]) ?? 0) - (first.get(b[0]) ?? 0),
  );
  return ranked[0]?.[0] ?? null;
}

function themesIn(s: string): ThemeKey[] {
  const found: ThemeKey[] = matchThemes(s).filter((t) => t !== 'anders');
  const f = ` ${fold(s).replace(/[^a-z0-9'-]+/g, ' ')}`;
  // The longest phrase first: "heat stress" is about the climate before "stress" is about health.
  const more: [ThemeKey, number][] = [];
  for (const [key, words] of Object.entries(MORE_WORDS) as [ThemeKey, readonly string[]][]) {
    const longest = Math.max(0, ...words.filter((w) => f.includes(` ${w}`)).map((w) => w.length));
    if (!found.includes(key) && longest > 0) more.push([key, longest]);
  }
  return [...found, ...more.sort((a, b) => b[1] - a[1]).map(([key]) => key)];
}

/**
 * Cues that introduce the why; the goal is what follows the cue ("…, omdat er veel spanningen zijn").
 * A label with a colon ("Doel: …") has no word boundary after it, so it stands outside the `\b`.
 */
const GOAL_CUES =
  /\b(?:doel:|aanleiding:|aim:|goal:|purpose:|(?:het doel is(?: om| dat)?|ons doel is(?: om| dat)?|de aanleiding is(?: dat)?|omdat|zodat|we merken dat|wij merken dat|we zien dat|we zien steeds|we willen dat|wij willen dat|we willen graag dat|we hopen dat|we hopen|over hoe|hoe kunnen|the aim is(?: to)?|our aim is(?: to)?|the goal is(?: to)?|our goal is(?: to)?|the purpose is(?: to)?|because|so that|we hope to|we hope that|we have noticed that|we've noticed that|we notice that|we see that|about how|how can)\b)/i;

/** The why: the part of the first sentence that gives a reason or an aim. */
export function extractGoal(text: string): string | null {
  // A named why ("Doel: …", "omdat …") anywhere first; only then the colon after the topic.
  const candidates = sentences(text).filter((s) => !/@|\+?\d[\d\s-]{8,}/.test(s)); // a contact line is not a goal
  for (const s of candidates) {
    const m = s.match(GOAL_CUES);
    if (m) {
      const rest = tidy(s.slice((m.index ?? 0) + m[0].length));
      // "Het doel is dat …" keeps what follows; a cue at the very end keeps the whole sentence.
      const goal = rest.split(/\s+/).length >= 3 ? rest : tidy(s);
      if (goal.length >= 12) return capitalise(goal).slice(0, 500);
    }
  }
  for (const s of candidates) {
    // "een dialoog over wonen: de woningnood en wat dat doet met jongeren" (not the colon of "19:00")
    const colon = s.match(
      /\b(?:dialoog|gesprek|dialogue|conversation)\s+(?:over|about|on)\s+[^:]{2,40}(?<!\d):(?!\d)\s*(.{12,})/i,
    );
    if (colon?.[1]) return capitalise(tidy(colon[1])).slice(0, 500);
  }
  return null;
}
