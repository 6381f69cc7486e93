// Privacy rights in chat (AVG/GDPR): the statement, the export and the erasure.
export const privacy = {
  'privacy.statement': {
    nl: 'Privacy (versie {version})\n\nWat ik bewaar: je naam, je chat-account(s), je rol en organisatie, je vrijwilligersprofiel, je aanvragen, aanbiedingen en inzetten, en de berichten die je me stuurt en ik jou stuur. Waarvoor: om dialogen te organiseren, en niets anders. Met wie: coördinatoren van de organisatie; partners en begeleiders van een dialoog zien elkaars voornaam en contactgegevens die bij die dialoog horen. Een taalmodel (als dat aan staat) krijgt alleen de tekst van een aanvraag, bij een aanbieder die de organisatie kiest.\n\nHoe lang: gesprekken die je niet afmaakt en verlopen knoppen worden opgeruimd; de tekst van berichten in onze logboeken wordt na een vaste termijn gewist. Anonieme aantallen blijven.\n\nJouw rechten:\n/mijngegevens – je krijgt alles wat ik over je bewaar als bestand\n/vergeetmij – ik wis je gegevens (na bevestiging)\nVragen of een klacht? Neem contact op met de coördinator; je kunt ook terecht bij de Autoriteit Persoonsgegevens.',
    en: 'Privacy (version {version})\n\nWhat I keep: your name, your chat account(s), your role and organisation, your volunteer profile, your requests, offers and assignments, and the messages you send me and I send you. What for: organising dialogues, nothing else. Who sees it: the organisation’s coordinators; partners and facilitators of a dialogue see each other’s first name and the contact details that belong to that dialogue. A language model (when switched on) only gets the text of a request, at a provider the organisation chooses.\n\nHow long: conversations you don’t finish and expired buttons are cleaned up; the text of messages in our logs is erased after a fixed period. Anonymous counts stay.\n\nYour rights:\n/mydata – you get everything I keep about you as a file\n/forgetme – I erase your data (after you confirm)\nQuestions or a complaint? Contact the coordinator; you can also turn to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
  },
  'privacy.export_ready': {
    nl: 'Hier is alles wat ik over je bewaar, als JSON-bestand ({tables} onderdelen). Bewaar het goed: er staan persoonlijke gegevens in.',
    en: 'Here is everything I keep about you, as a JSON file ({tables} parts). Keep it safe: it contains personal data.',
  },
  'privacy.export_sent': {
    nl: 'Je gegevens komen eraan als bestand.',
    en: 'Your data is on its way as a file.',
  },
  'privacy.erase_confirm': {
    nl: 'Weet je het zeker? Als je op “Wis mijn gegevens” drukt, wis ik meteen je naam, je chat-account, je profiel, je lidmaatschap van een organisatie en de tekst van onze berichten. Open aanbiedingen vervallen en dialogen die je zou begeleiden geef ik terug (er wordt een vervanger gezocht). Aanvragen blijven bij je organisatie, zonder jouw naam en contactgegevens. Daarna ken ik je niet meer en stuur ik je ook geen bericht meer – ook geen bevestiging.\n\nWil je eerst een kopie? Typ dan /mijngegevens.',
    en: 'Are you sure? When you press “Erase my data”, I erase at once your name, your chat account, your profile, your membership of an organisation and the text of our messages. Open offers lapse and dialogues you would facilitate are handed back (a replacement is sought). Requests stay with your organisation, without your name and contact details. After that I no longer know you and I will not message you again – not even to confirm.\n\nWant a copy first? Type /mydata.',
  },
  'privacy.erase_yes': { nl: '🗑️ Wis mijn gegevens', en: '🗑️ Erase my data' },
  'privacy.erase_no': { nl: 'Nee, bewaren', en: 'No, keep them' },
  'privacy.erase_kept': {
    nl: 'Goed, ik heb niets gewist.',
    en: 'All right, I have erased nothing.',
  },
  'privacy.erase_need_onboarding': {
    nl: 'Ik bewaar nog niets over je behalve dit gesprek. Wil je toch alles wissen? Druk dan op de knop.',
    en: 'I keep nothing about you yet apart from this conversation. Still want everything erased? Press the button.',
  },
} as const;
