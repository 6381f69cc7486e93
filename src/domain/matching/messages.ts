// Dutch and English side by side, for the coordinator's view of a match. Same format as the
// catalogues in src/i18n/messages (can be spread into that catalogue as is). Placeholders: {name}.
export const matchingMessages = {
  'rule.excluded': {
    nl: 'uitgesloten voor deze sessie (al benaderd, afgezegd of door een coördinator)',
    en: 'excluded from this session (already asked, declined, or by a coordinator)',
  },
  'rule.on-team': { nl: 'zit al in het team van deze sessie', en: 'already on this session’s team' },
  'rule.paused': { nl: 'heeft een pauze', en: 'is taking a break' },
  'rule.level': { nl: 'niveau past niet bij deze rol', en: 'level does not fit this role' },
  'rule.no-certified-lead': {
    nl: 'nog geen gecertificeerde hoofdbegeleider om naast te leren',
    en: 'no certified lead yet to learn next to',
  },
  'rule.language': { nl: 'spreekt geen taal van deze tafel', en: 'speaks none of the table’s languages' },
  'rule.monthly-max': { nl: 'zit aan het eigen maandmaximum', en: 'at their own monthly maximum' },
  'rule.double-booked': {
    nl: 'heeft dan al een sessie (of te weinig reistijd ertussen)',
    en: 'already has a session then (or too little travel time between)',
  },
  'rule.unavailable': {
    nl: 'niet beschikbaar voor de hele sessie plus reistijd',
    en: 'not available for the whole session plus travel time',
  },

  'relax.ignoreLanguage': {
    nl: '{count} meer {count|zou|zouden} in aanmerking komen als de taaleis vervalt',
    en: '{count} more would qualify if the language requirement were dropped',
  },
  'relax.travelBuffer': {
    nl: '{count} meer {count|zou|zouden} in aanmerking komen zonder reistijdmarge (nu {minutes} minuten)',
    en: '{count} more would qualify without a travel buffer (now {minutes} minutes)',
  },
  'relax.monthlyMax': {
    nl: '{count} meer {count|zou|zouden} in aanmerking komen als het maandmaximum 1 hoger was',
    en: '{count} more would qualify if monthly maxima were 1 higher',
  },
  'relax.availability': {
    nl: '{count} meer {count|zou|zouden} in aanmerking komen als we ook buiten hun opgegeven tijden vragen',
    en: '{count} more would qualify if asked outside their stated availability',
  },

  'score.wijk.same': { nl: 'actief in {wijk}', en: 'active in {wijk}' },
  'score.wijk.neighbouring': { nl: 'actief naast {wijk}', en: 'active next to {wijk}' },
  'score.wijk.elsewhere': { nl: 'actief in een andere wijk dan {wijk}', en: 'active elsewhere than {wijk}' },
  'score.wijk.anywhere': { nl: 'gaat overal in de stad heen', en: 'goes anywhere in the city' },
  'score.wijk.online': { nl: 'online sessie: wijk telt niet', en: 'online session: wijk does not count' },
  'score.wijk.unknown': { nl: 'wijk van de sessie onbekend', en: 'session’s wijk unknown' },
  'score.theme.profile': { nl: '{theme} staat in het profiel', en: '{theme} is on their profile' },
  'score.theme.experience': {
    nl: 'begeleidde {count} keer een dialoog over {theme}',
    en: 'facilitated {count} {count|dialogue|dialogues} on {theme}',
  },
  'score.theme.none': { nl: 'nog geen ervaring met {theme}', en: 'no experience with {theme} yet' },
  'score.fairness.load': {
    nl: '{sessions} {sessions|sessie|sessies} in de laatste {days} dagen (ruimte voor {capacity})',
    en: '{sessions} {sessions|session|sessions} in the last {days} days (room for {capacity})',
  },
  'score.fairness.never': { nl: 'nog nooit ingezet', en: 'never served yet' },
  'score.fairness.last': {
    nl: 'laatste sessie {days} {days|dag|dagen} geleden',
    en: 'last session {days} {days|day|days} ago',
  },
  'score.declines.none': { nl: 'geen recente afzeggingen voor zoiets', en: 'no recent declines for similar' },
  'score.declines.similar': {
    nl: 'zei {count} keer nee tegen iets vergelijkbaars (laatste {days} dagen)',
    en: 'declined something similar {count} {count|time|times} (last {days} days)',
  },
  'score.diversity.no-team': { nl: 'nog geen team om mee te vergelijken', en: 'no team yet to compare with' },
  'score.diversity.table-language': {
    nl: 'brengt {language} mee, een taal van de tafel die het team nog mist',
    en: 'brings {language}, a table language the team lacks',
  },
  'score.diversity.other-language': {
    nl: 'brengt een extra taal mee ({language})',
    en: 'brings another language ({language})',
  },
  'score.diversity.levels': {
    nl: 'mengt ervaring (gecertificeerd en senior)',
    en: 'mixes experience (certified and senior)',
  },
  'score.diversity.none': { nl: 'lijkt op het team', en: 'similar to the team' },
  'score.trainee.progress': {
    nl: 'nog {needed} {needed|meeloopsessie|meeloopsessies} nodig ({done} gedaan)',
    en: '{needed} shadow {needed|session|sessions} still needed ({done} done)',
  },
  'score.trainee.senior-lead': { nl: 'leert naast een senior', en: 'learns next to a senior' },
} as const;

export type MatchingMessageKey = keyof typeof matchingMessages;
