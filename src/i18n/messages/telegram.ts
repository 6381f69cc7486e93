// Texts only the Telegram channel uses: the command menu and platform limits.
// Placeholders are {name}; values are inserted as plain text.
export const telegram = {
  'telegram.file_too_large': {
    nl: 'Dit bestand is te groot voor mij ({size} MB; maximaal {max} MB via Telegram). Kun je een kleiner bestand sturen, of het in delen?',
    en: 'This file is too large for me ({size} MB; at most {max} MB through Telegram). Could you send a smaller file, or split it up?',
  },
  'telegram.command.start': { nl: 'Aanmelden of opnieuw beginnen', en: 'Sign up or start again' },
  'telegram.command.request': { nl: 'Een dialoog aanvragen', en: 'Request a dialogue' },
  'telegram.command.myrequests': { nl: 'Mijn aanvragen bekijken', en: 'See my requests' },
  'telegram.command.language': {
    nl: 'Taal kiezen (Nederlands/English)',
    en: 'Choose a language (Nederlands/English)',
  },
  'telegram.command.help': { nl: 'Wat kan ik hier doen?', en: 'What can I do here?' },
  'telegram.command.stop': { nl: 'Stoppen met wat nu loopt', en: 'Stop what is running now' },
} as const;
