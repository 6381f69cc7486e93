// Coordinators' invites (/uitnodigen) and broadcasts (/rondsturen).
export const invites = {
  'invitecode.usage': {
    nl: 'Voor wie is de uitnodiging? Typ bijvoorbeeld /uitnodigen vrijwilliger, /uitnodigen coordinator of /uitnodigen partner.',
    en: 'Who is the invite for? Type for example /invite volunteer, /invite coordinator or /invite partner.',
  },
  'invitecode.unknown_role': {
    nl: '"{role}" ken ik niet als rol. Een uitnodiging kan voor een vrijwilliger, coördinator of partner: typ /uitnodigen vrijwilliger, /uitnodigen coordinator of /uitnodigen partner.',
    en: 'I don\'t know "{role}" as a role. An invite can be for a volunteer, coordinator or partner: type /invite volunteer, /invite coordinator or /invite partner.',
  },
  'invitecode.created': {
    nl: 'Uitnodiging als {role} aangemaakt. De code werkt één keer en is {days} dagen geldig:\n{code}',
    en: 'Invite as {role} created. The code works once and is valid for {days} days:\n{code}',
  },
  'invitecode.telegram_link': {
    nl: 'Via Telegram: stuur deze link door, één tik en de aanmelding begint:\n{url}',
    en: 'On Telegram: forward this link; one tap starts the sign-up:\n{url}',
  },
  'invitecode.other_channels': {
    nl: 'In Slack of de webchat: typ /start {code} aan de bot.',
    en: 'In Slack or the web chat: send /start {code} to the bot.',
  },
} as const;

export const broadcasts = {
  'broadcast.usage': {
    nl: '"{unknown}" ken ik niet als wijk of niveau. Typ /rondsturen voor alle vrijwilligers, of bijvoorbeeld /rondsturen Overvecht of /rondsturen senior.',
    en: 'I don\'t know "{unknown}" as a wijk or level. Type /broadcast for all volunteers, or for example /broadcast Overvecht or /broadcast senior.',
  },
  'broadcast.in_wijk': { nl: 'in {wijk}', en: 'in {wijk}' },
  // The "you were busy with …" hint after /help during a broadcast (found missing by test/fuzz).
  'flowname.broadcast': { nl: 'een bericht rondsturen', en: 'sending a message round' },
  'broadcast.ask_text': {
    nl: 'Typ het bericht voor de vrijwilligers{filter}. Je ziet eerst een voorbeeld met het aantal ontvangers; er gaat pas iets weg als je bevestigt. /stop om te stoppen.',
    en: 'Type the message for the volunteers{filter}. You first see a preview with the number of recipients; nothing is sent until you confirm. /stop to stop.',
  },
  'broadcast.nobody': {
    nl: 'Er is geen vrijwilliger{filter} die dit bericht nu kan ontvangen. Er is niets verstuurd.',
    en: 'No volunteer{filter} can receive this message now. Nothing was sent.',
  },
  'broadcast.preview': {
    nl: 'Voorbeeld – dit bericht gaat naar {count} {count|vrijwilliger|vrijwilligers}{filter}:',
    en: 'Preview – this message goes to {count} {count|volunteer|volunteers}{filter}:',
  },
  'broadcast.preview_skipped': {
    nl: '{skipped} overgeslagen: {optedOut} {optedOut|wil|willen} geen rondzendberichten, {paused} gepauzeerd, {unreachable} niet bereikbaar.',
    en: '{skipped} skipped: {optedOut} opted out of broadcasts, {paused} paused, {unreachable} unreachable.',
  },
  'broadcast.send_button': { nl: '📣 Verstuur naar {count}', en: '📣 Send to {count}' },
  'broadcast.cancel_button': { nl: 'Annuleren', en: 'Cancel' },
  'broadcast.cancelled': { nl: 'Geannuleerd; er is niets verstuurd.', en: 'Cancelled; nothing was sent.' },
  'broadcast.already_done': {
    nl: 'Dit bericht is al verstuurd of geannuleerd; er gebeurt niets meer.',
    en: 'This message has already been sent or cancelled; nothing more happens.',
  },
  'broadcast.sent': {
    nl: 'Verstuurd naar {sent} {sent|vrijwilliger|vrijwilligers}. {skipped} overgeslagen ({optedOut} afgemeld, {paused} gepauzeerd, {unreachable} niet bereikbaar).',
    en: 'Sent to {sent} {sent|volunteer|volunteers}. {skipped} skipped ({optedOut} opted out, {paused} paused, {unreachable} unreachable).',
  },
  'broadcast.header': { nl: '📣 Bericht van {name}:', en: '📣 Message from {name}:' },
  'broadcast.optout_button': { nl: 'Geen rondzendberichten meer', en: 'No more broadcasts' },
  'broadcast.optin_button': { nl: 'Toch weer ontvangen', en: 'Receive them again' },
  'broadcast.opted_out': {
    nl: 'Goed, je krijgt geen rondzendberichten meer. Aanbiedingen en herinneringen voor je dialogen blijven komen.',
    en: 'Fine, you will get no more broadcasts. Offers and reminders for your dialogues still come.',
  },
  'broadcast.opted_in': {
    nl: 'Je ontvangt rondzendberichten weer.',
    en: 'You receive broadcasts again.',
  },
  'broadcast.optout_not_volunteer': {
    nl: 'Rondzendberichten gaan alleen naar vrijwilligers; voor jou valt er niets aan te passen.',
    en: 'Broadcasts only go to volunteers; there is nothing to change for you.',
  },
} as const;
