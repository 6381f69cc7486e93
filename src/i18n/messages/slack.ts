// Text that only Slack shows: App Home, the request modal, slash-command acknowledgements.
// Dutch and English side by side; values are inserted as plain text (the Slack adapter escapes them).
export const slack = {
  'slack.command.answer_in_dm': {
    nl: 'Ik antwoord je in ons privégesprek (Apps → Dialoogbot).',
    en: "I'll answer you in our direct messages (Apps → Dialoogbot).",
  },
  'slack.button.chosen': { nl: '➜ {label}', en: '➜ {label}' },
  'slack.home.hello': { nl: 'Hoi {name}!', en: 'Hi {name}!' },
  'slack.home.not_onboarded': {
    nl: 'Je bent nog niet aangemeld. Stuur me een bericht of gebruik `/dialoog start` om te beginnen.',
    en: "You haven't signed up yet. Send me a message or use `/dialoog start` to begin.",
  },
  'slack.home.partner.header': { nl: 'Aanvragen van {organisation}', en: 'Requests of {organisation}' },
  'slack.home.partner.none': {
    nl: 'Nog geen aanvragen. Vraag een dialoog aan via het formulier of typ `/dialoog aanvragen`.',
    en: 'No requests yet. Request a dialogue with the form or type `/dialoog aanvragen`.',
  },
  'slack.home.request_line': {
    nl: '*#{number}* · {theme} · {when}\n_{status}_',
    en: '*#{number}* · {theme} · {when}\n_{status}_',
  },
  'slack.home.form_button': { nl: '📝 Aanvraag via formulier', en: '📝 Request via form' },
  'slack.home.chat_button': { nl: '💬 Aanvraag stap voor stap', en: '💬 Request step by step' },
  'slack.home.volunteer.offers': { nl: 'Openstaande aanbiedingen', en: 'Open offers' },
  'slack.home.volunteer.no_offers': {
    nl: 'Er staan nu geen aanbiedingen voor je open.',
    en: 'There are no open offers for you right now.',
  },
  'slack.home.offer_line': {
    nl: '*{theme}* · {organisation} · {when}\nReageer vóór {expires}',
    en: '*{theme}* · {organisation} · {when}\nPlease answer before {expires}',
  },
  'slack.home.volunteer.upcoming': { nl: 'Jouw komende dialogen', en: 'Your upcoming dialogues' },
  'slack.home.volunteer.no_upcoming': {
    nl: 'Je hebt geen dialogen gepland.',
    en: "You don't have any dialogues planned.",
  },
  'slack.home.session_line': {
    nl: '*{theme}* · {organisation} · {when} ({role})',
    en: '*{theme}* · {organisation} · {when} ({role})',
  },
  'slack.home.facilitator.LEAD': { nl: 'begeleider', en: 'facilitator' },
  'slack.home.facilitator.CO': { nl: 'co-begeleider', en: 'co-facilitator' },
  'slack.home.facilitator.TRAINEE': { nl: 'meeloper', en: 'trainee' },
  'slack.home.coordinator.header': { nl: 'Overzicht', en: 'Overview' },
  'slack.home.coordinator.counts': {
    nl: 'Nieuw: *{submitted}* · In behandeling: *{inProgress}* · Bezet: *{staffed}* · Afgerond: *{done}*',
    en: 'New: *{submitted}* · In progress: *{inProgress}* · Staffed: *{staffed}* · Completed: *{done}*',
  },
  'slack.home.coordinator.open': { nl: 'Open aanvragen', en: 'Open requests' },
  'slack.home.coordinator.none_open': { nl: 'Geen open aanvragen.', en: 'No open requests.' },
  'slack.home.coordinator.request_line': {
    nl: '*#{number}* · {organisation} · {theme} · {when}\n_{status}_',
    en: '*#{number}* · {organisation} · {theme} · {when}\n_{status}_',
  },
  'slack.home.more': { nl: '…en nog {count} meer.', en: '…and {count} more.' },
  'slack.home.updated': { nl: 'Bijgewerkt: {when}', en: 'Updated: {when}' },
  'slack.form.title': { nl: 'Dialoog aanvragen', en: 'Request a dialogue' },
  'slack.form.submit': { nl: 'Naar overzicht', en: 'To summary' },
  'slack.form.close': { nl: 'Annuleren', en: 'Cancel' },
  'slack.form.intro': {
    nl: 'Vul alles in en klik op *Naar overzicht*. Je krijgt dan een overzicht in ons privégesprek, waar je de aanvraag controleert en verstuurt.',
    en: "Fill in everything and click *To summary*. You'll get a summary in our direct messages, where you check and submit the request.",
  },
  'slack.form.select': { nl: 'Kies…', en: 'Choose…' },
} as const;
