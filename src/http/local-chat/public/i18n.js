// UI chrome strings of the local web chat, Dutch and English side by side.
// The bot's own messages are NOT translated here: the server sends them in the persona's language.
// Placeholders look like {name}; fill them with t(lang, key, { name: '…' }).

export const LANGS = /** @type {const} */ (['nl', 'en']);
export const DEFAULT_LANG = 'nl';

export const STRINGS = {
  documentTitle: { nl: 'Dialoogbot — lokale webchat', en: 'Dialoogbot — local web chat' },
  tagline: { nl: 'Lokale webchat', en: 'Local web chat' },
  skipToInput: { nl: 'Naar het invoerveld', en: 'Skip to message input' },
  langToggle: { nl: 'English', en: 'Nederlands' },
  langToggleLabel: { nl: 'Switch the interface to English', en: 'Schakel de interface naar het Nederlands' },

  personasHeading: { nl: 'Demo-persona’s', en: 'Demo personas' },
  personasIntro: {
    nl: 'Kies als wie je met de bot chat. Berichten aan andere persona’s verschijnen live.',
    en: 'Choose who you chat with the bot as. Messages to other personas appear live.',
  },
  selectPersonaLabel: { nl: 'Chat als', en: 'Chat as' },
  personasLoading: { nl: 'Persona’s laden…', en: 'Loading personas…' },
  noPersonas: {
    nl: 'Nog geen persona’s. Maak een nieuwe gebruiker aan.',
    en: 'No personas yet. Create a new user.',
  },
  newPersona: { nl: '+ Nieuwe gebruiker', en: '+ New user' },
  newPersonaBusy: { nl: 'Aanmaken…', en: 'Creating…' },
  newPersonaTitle: {
    nl: 'Maak een nieuwe, nog niet aangemelde gebruiker en start het gesprek met /start',
    en: 'Create a brand-new user who has not signed up yet and start with /start',
  },
  retry: { nl: 'Opnieuw proberen', en: 'Try again' },

  'role.COORDINATOR': { nl: 'Coördinator', en: 'Coordinator' },
  'role.PARTNER': { nl: 'Partner', en: 'Partner' },
  'role.VOLUNTEER': { nl: 'Vrijwilliger', en: 'Volunteer' },
  'role.none': { nl: 'Nieuwe gebruiker', en: 'New user' },
  notOnboarded: { nl: 'nog niet aangemeld', en: 'not signed up yet' },
  unreadCount: { nl: '{n} ongelezen', en: '{n} unread' },
  unreadSr: { nl: '{n} ongelezen berichten', en: '{n} unread messages' },
  'locale.nl': { nl: 'Nederlands', en: 'Dutch' },
  'locale.en': { nl: 'Engels', en: 'English' },
  botLanguage: { nl: 'De bot spreekt {language}', en: 'The bot speaks {language}' },

  chattingAs: { nl: 'Je chat als {name}', en: 'You are chatting as {name}' },
  noPersonaSelected: { nl: 'Kies een persona', en: 'Choose a persona' },
  messagesLabel: { nl: 'Gesprek met Dialoogbot', en: 'Conversation with Dialoogbot' },
  messagesLoading: { nl: 'Berichten laden…', en: 'Loading messages…' },
  emptyConversation: {
    nl: 'Nog geen berichten. Stuur /start om te beginnen.',
    en: 'No messages yet. Send /start to begin.',
  },
  you: { nl: 'Jij', en: 'You' },
  bot: { nl: 'Dialoogbot', en: 'Dialoogbot' },
  today: { nl: 'Vandaag', en: 'Today' },
  yesterday: { nl: 'Gisteren', en: 'Yesterday' },
  replyOptions: { nl: 'Antwoordopties', en: 'Reply options' },
  earlierChoice: { nl: 'Keuze uit een eerder bericht', en: 'Choice from an earlier message' },
  attachment: { nl: 'Bijlage', en: 'Attachment' },
  typing: { nl: 'Dialoogbot is aan het typen…', en: 'Dialoogbot is typing…' },
  jumpToLatest: { nl: '↓ Nieuwe berichten', en: '↓ New messages' },

  inputLabel: { nl: 'Bericht aan Dialoogbot', en: 'Message to Dialoogbot' },
  inputPlaceholder: { nl: 'Typ een bericht…', en: 'Type a message…' },
  send: { nl: 'Verstuur', en: 'Send' },
  sending: { nl: 'Versturen…', en: 'Sending…' },
  enterHint: {
    nl: 'Enter verstuurt · Shift+Enter voor een nieuwe regel',
    en: 'Enter sends · Shift+Enter for a new line',
  },
  commandsLabel: { nl: 'Commando’s:', en: 'Commands:' },
  commandInsert: { nl: 'Zet {command} in het invoerveld', en: 'Put {command} in the input' },

  'connection.connecting': { nl: 'Verbinden…', en: 'Connecting…' },
  'connection.open': { nl: 'Live verbonden', en: 'Live' },
  'connection.retrying': { nl: 'Verbinding weg — opnieuw verbinden…', en: 'Connection lost — reconnecting…' },

  'error.network': {
    nl: 'De server is niet bereikbaar. Je bericht staat nog in het invoerveld; probeer het zo opnieuw.',
    en: 'The server cannot be reached. Your message is still in the input; please try again shortly.',
  },
  'error.networkButton': {
    nl: 'De server is niet bereikbaar. Probeer de knop zo opnieuw.',
    en: 'The server cannot be reached. Please try the button again shortly.',
  },
  'error.generic': { nl: 'Versturen is mislukt (fout {status}).', en: 'Sending failed (error {status}).' },
  'error.loadPersonas': {
    nl: 'De persona’s konden niet worden geladen.',
    en: 'The personas could not be loaded.',
  },
  'error.loadMessages': {
    nl: 'De berichten konden niet worden geladen.',
    en: 'The messages could not be loaded.',
  },
  'error.createPersona': {
    nl: 'Er kon geen nieuwe gebruiker worden aangemaakt.',
    en: 'A new user could not be created.',
  },
};

/**
 * Translate a UI string.
 * @param {string} lang 'nl' | 'en'
 * @param {string} key a key of STRINGS
 * @param {Record<string, string | number>} [vars]
 * @returns {string}
 */
export function t(lang, key, vars) {
  const entry = STRINGS[key];
  let text = entry ? (entry[lang] ?? entry[DEFAULT_LANG]) : key;
  if (vars) {
    for (const [name, value] of Object.entries(vars)) {
      text = text.split(`{${name}}`).join(String(value));
    }
  }
  return text;
}
