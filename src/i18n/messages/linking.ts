// Linking chat accounts (/koppel): the same person on Telegram, Slack and the web chat.
export const linking = {
  'link.code': {
    nl: 'Je koppelcode is *{code}* (geldig tot {until}).\nOpen de andere app (Slack, Telegram of de webchat) en typ daar: /koppel {code}',
    en: 'Your link code is *{code}* (valid until {until}).\nOpen the other app (Slack, Telegram or the web chat) and type there: /link {code}',
  },
  'link.need_onboarding': {
    nl: 'Ben je al aangemeld in een andere app? Vraag daar een code met /koppel en typ hier: /koppel <code>. Nieuw? Meld je aan met /start.',
    en: 'Already signed up in another app? Ask for a code there with /link and type here: /link <code>. New? Sign up with /start.',
  },
  'link.invalid': {
    nl: 'Die koppelcode ken ik niet of hij is verlopen. Vraag in de andere app een nieuwe met /koppel.',
    en: "I don't know that link code, or it has expired. Ask for a new one in the other app with /link.",
  },
  'link.same_person': {
    nl: 'Deze app is al aan jou gekoppeld.',
    en: 'This app is already linked to you.',
  },
  'link.done': {
    nl: 'Gekoppeld! Ik ken je nu in: {platforms}. Waar wil je mijn berichten krijgen?',
    en: 'Linked! I now know you on: {platforms}. Where would you like to get my messages?',
  },
  'link.channels': {
    nl: 'Ik bereik je nu via {current}. Je bent gekoppeld in: {platforms}. Kies waar je mijn berichten wilt krijgen:',
    en: 'I reach you on {current} now. You are linked on: {platforms}. Choose where to get my messages:',
  },
  'link.prefer': { nl: 'Via {platform}', en: 'On {platform}' },
  'link.preferred': {
    nl: 'Afgesproken: ik stuur je berichten voortaan via {platform}.',
    en: "Agreed: I'll send you messages on {platform} from now on.",
  },
  'link.unknown_platform': {
    nl: 'Daar ben je (nog) niet gekoppeld. Typ /koppel om een code te krijgen.',
    en: "You aren't linked there (yet). Type /link to get a code.",
  },
  'platform.SLACK': { nl: 'Slack', en: 'Slack' },
  'platform.TELEGRAM': { nl: 'Telegram', en: 'Telegram' },
  'platform.LOCAL': { nl: 'de webchat', en: 'the web chat' },
} as const;
