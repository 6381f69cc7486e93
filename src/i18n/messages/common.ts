// Dutch and English side by side, so a non-programmer can fix a sentence in one place.
// Placeholders are {name}; every value is inserted as plain text (adapters escape it).
export const common = {
  'common.back': { nl: '⬅️ Terug', en: '⬅️ Back' },
  'common.yes': { nl: 'Ja', en: 'Yes' },
  'common.no': { nl: 'Nee', en: 'No' },
  'common.none': { nl: 'Geen', en: 'None' },
  'common.cancel': { nl: 'Annuleren', en: 'Cancel' },
  'common.done': { nl: 'Klaar', en: 'Done' },
  'error.internal': {
    nl: 'Sorry, er ging bij mij iets mis. Je bericht is bewaard; probeer het zo nog eens.',
    en: 'Sorry, something went wrong on my side. Your message was kept; please try again in a moment.',
  },
  'error.stale_button': {
    nl: 'Deze knop hoort bij een eerdere vraag en werkt niet meer. Gebruik de knoppen onder mijn laatste bericht.',
    en: 'This button belongs to an earlier question and no longer works. Please use the buttons under my latest message.',
  },
  'error.foreign_button': {
    nl: 'Deze knop is niet voor jou bedoeld, dus ik doe er niets mee.',
    en: 'This button is not meant for you, so I will leave it alone.',
  },
  'error.too_long_message': {
    nl: 'Dat bericht is te lang voor mij ({length} tekens; maximaal {max}). Kun je het korter maken?',
    en: 'That message is too long for me ({length} characters; at most {max}). Could you make it shorter?',
  },
  'error.unknown_command': {
    nl: 'Het commando {command} ken ik niet. Typ /help om te zien wat je kunt doen.',
    en: "I don't know the command {command}. Type /help to see what you can do.",
  },
  'error.not_understood': {
    nl: 'Ik weet niet goed wat je bedoelt. Typ /help om te zien wat ik voor je kan doen.',
    en: "I'm not sure what you mean. Type /help to see what I can do for you.",
  },
  'error.not_allowed': {
    nl: 'Dat kan alleen als {role}. Typ /help om te zien wat je wel kunt doen.',
    en: 'Only a {role} can do that. Type /help to see what you can do.',
  },
  'error.media_not_expected': {
    nl: 'Dank je voor het bestand. Op dit moment kan ik er niets mee; stuur je antwoord als tekst.',
    en: "Thanks for the file. I can't use it at this point; please send your answer as text.",
  },
  greeting: { nl: 'Hallo {name}! 👋', en: 'Hello {name}! 👋' },
  'flow.stopped': {
    nl: 'Oké, ik ben gestopt. Niets is verstuurd. Typ /help om verder te gaan.',
    en: "Okay, I've stopped. Nothing was submitted. Type /help to carry on.",
  },
  'flow.nothing_to_stop': {
    nl: 'Er loopt op dit moment niets om te stoppen. Typ /help om te zien wat je kunt doen.',
    en: 'There is nothing running to stop right now. Type /help to see what you can do.',
  },
  'flow.expired': {
    nl: 'Je vorige gesprek met mij lag te lang stil en is gesloten.',
    en: 'Our previous conversation was idle for too long and has been closed.',
  },
  'flow.reset_after_update': {
    nl: 'Sorry, door een update van de bot kon ik ons gesprek niet voortzetten. Begin opnieuw met {command}; wat al was ingediend, blijft bewaard.',
    en: "Sorry, after an update of the bot I couldn't continue our conversation. Please start again with {command}; anything already submitted is kept.",
  },
  'flow.in_progress_hint': {
    nl: 'Je was ook nog bezig met {flow}; dat staat gewoon voor je klaar. Verder gaan? Beantwoord de vraag hierboven. Liever stoppen? Typ /stop.',
    en: "You were also in the middle of {flow}; it's still waiting for you. Want to carry on? Just answer the question above. Rather stop? Type /stop.",
  },
  'role.PARTNER': { nl: 'partner', en: 'partner' },
  'word.or': { nl: 'of', en: 'or' },
  'role.VOLUNTEER': { nl: 'vrijwilliger (dialoogbegeleider)', en: 'volunteer facilitator' },
  'role.COORDINATOR': { nl: 'coördinator', en: 'coordinator' },
  'flowname.onboarding': { nl: 'aanmelden', en: 'signing up' },
  'flowname.intake': { nl: 'een dialoog aanvragen', en: 'requesting a dialogue' },
  'flowname.language': { nl: 'taal kiezen', en: 'choosing a language' },
  'language.ask': {
    nl: 'In welke taal wil je dat ik schrijf?',
    en: 'Which language would you like me to use?',
  },
  'language.nl': { nl: '🇳🇱 Nederlands', en: '🇳🇱 Nederlands' },
  'language.en': { nl: '🇬🇧 English', en: '🇬🇧 English' },
  'language.set': {
    nl: 'Prima, ik schrijf je voortaan in het Nederlands.',
    en: "Fine, I'll write to you in English from now on.",
  },
  'language.unknown': {
    nl: 'Die taal ken ik niet. Kies Nederlands (nl) of English (en).',
    en: "I don't know that language. Choose Nederlands (nl) or English (en).",
  },
} as const;
