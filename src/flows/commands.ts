/** Command aliases (Dutch first, English second) mapped to their canonical name. */
const ALIASES: Record<string, string> = {
  start: 'start',
  help: 'help',
  hulp: 'help',
  stop: 'stop',
  annuleer: 'stop',
  cancel: 'stop',
  taal: 'taal',
  language: 'taal',
  aanvragen: 'aanvragen',
  aanvraag: 'aanvragen',
  request: 'aanvragen',
  mijnaanvragen: 'mijnaanvragen',
  myrequests: 'mijnaanvragen',
  mijnsessies: 'mijnsessies',
  kandidaten: 'kandidaten',
  candidates: 'kandidaten',
  instellingen: 'instellingen',
  settings: 'instellingen',
  eerlijkheid: 'eerlijkheid',
  fairness: 'eerlijkheid',
  niveau: 'niveau',
  gespreksvorm: 'gespreksvorm',
  codesign: 'gespreksvorm',
  level: 'niveau',
  mysessions: 'mijnsessies',
  koppel: 'koppel',
  link: 'koppel',
  profiel: 'profiel',
  profile: 'profiel',
  pauze: 'pauze',
  pause: 'pauze',
  oogst: 'oogst',
  harvest: 'oogst',
  belanghebbenden: 'belanghebbenden',
  stakeholders: 'belanghebbenden',
  reflecties: 'reflecties',
  reflections: 'reflecties',
  opbrengst: 'opbrengst',
  outcome: 'opbrengst',
  privacy: 'privacy',
  overzicht: 'overzicht',
  overview: 'overzicht',
  dashboard: 'dashboard',
  mijngegevens: 'mijngegevens',
  mydata: 'mijngegevens',
  vergeetmij: 'vergeetmij',
  uitnodigen: 'uitnodigen',
  invite: 'uitnodigen',
  rondsturen: 'rondsturen',
  broadcast: 'rondsturen',
  forgetme: 'vergeetmij',
};

/** Parses "/cmd args" (also "/cmd@botname args" as Telegram groups send it). */
export function parseCommand(text: string): { command: string; args: string } | null {
  const m = /^\/([A-Za-z_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return null;
  return { command: (m[1] ?? '').toLowerCase(), args: (m[2] ?? '').trim() };
}

export function canonicalCommand(command: string): string | null {
  return ALIASES[command.toLowerCase()] ?? null;
}
