export const intake = {
  'intake.intro': {
    nl: 'Fijn dat je een dialoog wilt aanvragen! Ik stel je een paar vragen, één voor één. Met ⬅️ Terug ga je een stap terug, met /stop stop je. Je kunt ook later verdergaan: ik onthoud waar je was.\n\nLiever alles in één bericht? Beschrijf dan gewoon wat je zoekt (wat, waarom, voor wie, waar, wanneer); dan vraag ik alleen wat ontbreekt.',
    en: "Great that you want to request a dialogue! I'll ask you a few questions, one at a time. ⬅️ Back goes one step back, /stop stops. You can also continue later: I'll remember where you were.\n\nRather write it all in one message? Just describe what you are looking for (what, why, for whom, where, when); I'll then only ask what is missing.",
  },
  'intake.resume_or_restart': {
    nl: 'Je was al bezig met een aanvraag. Wil je verdergaan waar je was, of opnieuw beginnen?',
    en: 'You had already started a request. Do you want to continue where you left off, or start again?',
  },
  'intake.resume': { nl: 'Verdergaan', en: 'Continue' },
  'intake.restart': { nl: 'Opnieuw beginnen', en: 'Start again' },
  'intake.ask.organisation': {
    nl: 'Voor welke organisatie is de dialoog?',
    en: 'Which organisation is the dialogue for?',
  },
  'intake.ask.theme': { nl: 'Over welk thema gaat de dialoog?', en: 'What is the theme of the dialogue?' },
  'intake.ask.goal': {
    nl: 'Wat is het doel? Waarom dit gesprek, en waarom nu? (een paar zinnen)',
    en: 'What is the goal? Why this conversation, and why now? (a few sentences)',
  },
  'intake.ask.targetGroup': {
    nl: 'Wie wil je aan tafel hebben? (bijvoorbeeld: ouderen uit de buurt, jongeren, ouders van de school)',
    en: 'Who do you want at the table? (for example: older residents, young people, parents at the school)',
  },
  'intake.ask.participants': {
    nl: 'Hoeveel deelnemers verwacht je ongeveer? (een getal)',
    en: 'About how many participants do you expect? (a number)',
  },
  'intake.ask.languages': {
    nl: 'In welke taal of talen wordt het gesprek gevoerd? Kies een knop of typ de talen (bijvoorbeeld: Nederlands en Arabisch).',
    en: 'In which language or languages will the conversation be held? Choose a button or type the languages (for example: Dutch and Arabic).',
  },
  'intake.lang.nl': { nl: 'Nederlands', en: 'Dutch' },
  'intake.lang.en': { nl: 'Engels', en: 'English' },
  'intake.lang.nl_en': { nl: 'Nederlands + Engels', en: 'Dutch + English' },
  'intake.ask.locationType': {
    nl: 'Vindt de dialoog plaats op een locatie, of online?',
    en: 'Will the dialogue take place at a location, or online?',
  },
  'intake.location.onsite': { nl: '📍 Op locatie', en: '📍 At a location' },
  'intake.location.online': { nl: '💻 Online', en: '💻 Online' },
  'intake.ask.wijk': {
    nl: 'In welke wijk? Kies een wijk of typ de naam van de buurt.',
    en: 'In which neighbourhood (wijk)? Choose one or type the name of the area.',
  },
  'intake.ask.address': {
    nl: 'Wat is het adres van de locatie? (straat, huisnummer en eventueel de naam van het gebouw)',
    en: 'What is the address of the venue? (street, number and the name of the building, if any)',
  },
  'intake.ask.date': {
    nl: 'Wanneer zou de dialoog kunnen plaatsvinden? Typ datum en begintijd, bijvoorbeeld: {example}',
    en: 'When could the dialogue take place? Type the date and start time, for example: {example}',
  },
  'intake.ask.more_dates': {
    nl: 'Genoteerd: {dates}\nWil je nog een datum als optie toevoegen?',
    en: 'Noted: {dates}\nWould you like to add another date option?',
  },
  'intake.more_dates.add': { nl: '➕ Nog een datum', en: '➕ Another date' },
  'intake.more_dates.enough': { nl: 'Nee, verder', en: 'No, continue' },
  'intake.ask.scheduleMode': {
    nl: 'Je gaf {count} data op. Zijn dit alternatieven (één ervan is genoeg) of een reeks (alle data)?',
    en: 'You gave {count} dates. Are these alternatives (one of them will do) or a series (all dates)?',
  },
  'intake.schedule.alternatives': { nl: 'Alternatieven', en: 'Alternatives' },
  'intake.schedule.series': { nl: 'Een reeks', en: 'A series' },
  'intake.ask.duration': {
    nl: 'Hoe lang duurt de dialoog? Kies of typ het aantal minuten.',
    en: 'How long will the dialogue last? Choose or type the number of minutes.',
  },
  'intake.ask.coDesign': {
    nl: 'Wil je de gespreksvorm en openingsvragen samen met ons ontwerpen (co-design)?',
    en: 'Would you like to design the conversation format and opening questions together with us (co-design)?',
  },
  'intake.ask.accessibility': {
    nl: 'Zijn er wensen voor toegankelijkheid? (bijvoorbeeld rolstoeltoegankelijk, ringleiding, tolk, eenvoudige taal) Typ ze, of kies "Geen".',
    en: 'Any accessibility needs? (for example wheelchair access, hearing loop, interpreter, plain language) Type them, or choose "None".',
  },
  'intake.ask.contactName': {
    nl: 'Wie is de contactpersoon voor deze dialoog?',
    en: 'Who is the contact person for this dialogue?',
  },
  'intake.contact.me': { nl: 'Ik ({name})', en: 'Me ({name})' },
  'intake.contact.same': {
    nl: 'Zelfde als vorige keer: {name}, {reach}',
    en: 'Same as last time: {name}, {reach}',
  },
  'intake.ask.contactReach': {
    nl: 'Hoe kunnen we {name} bereiken? Typ een e-mailadres of telefoonnummer (of allebei).',
    en: 'How can we reach {name}? Type an e-mail address or phone number (or both).',
  },
  'intake.summary': {
    nl: 'Zo ziet je aanvraag eruit:\n\n{summary}\n\nKlopt alles? Verstuur de aanvraag, of kies wat je wilt wijzigen.',
    en: 'This is your request:\n\n{summary}\n\nIs everything right? Submit the request, or choose what to change.',
  },
  'intake.confirm': { nl: '✅ Versturen', en: '✅ Submit' },
  'intake.change': { nl: '✏️ Wijzig: {field}', en: '✏️ Change: {field}' },
  'intake.cancel': { nl: '🗑️ Aanvraag annuleren', en: '🗑️ Cancel request' },
  'intake.cancel_confirm': {
    nl: 'Weet je zeker dat je deze aanvraag wilt weggooien? Er is nog niets verstuurd.',
    en: 'Are you sure you want to discard this request? Nothing has been submitted yet.',
  },
  'intake.cancel_yes': { nl: 'Ja, weggooien', en: 'Yes, discard' },
  'intake.cancel_no': { nl: 'Nee, terug naar de samenvatting', en: 'No, back to the summary' },
  'intake.cancelled': {
    nl: 'De aanvraag is geannuleerd; ik heb niets verstuurd. Met /aanvragen begin je een nieuwe.',
    en: 'The request has been cancelled; nothing was submitted. Use /request to start a new one.',
  },
  'intake.submitted': {
    nl: 'Dank je wel! Je aanvraag #{number} is verstuurd. Een coördinator bekijkt hem en we zoeken dialoogbegeleiders. Je hoort van mij zodra er nieuws is. Met /mijnaanvragen zie je de status.',
    en: "Thank you! Your request #{number} has been submitted. A coordinator will review it and we'll look for facilitators. I'll let you know as soon as there is news. Use /myrequests to see its status.",
  },
  'intake.notify_coordinator': {
    nl: '📬 Nieuwe aanvraag #{number} van {organisation}\n\n{summary}',
    en: '📬 New request #{number} from {organisation}\n\n{summary}',
  },
  'intake.use_buttons_or_type': {
    nl: 'Kies een van de knoppen, of typ je antwoord.',
    en: 'Choose one of the buttons, or type your answer.',
  },
  'intake.use_buttons': {
    nl: 'Kies een van de knoppen hieronder.',
    en: 'Please choose one of the buttons below.',
  },
} as const;

export const intakeFreeText = {
  'intake.codesign_proposal': {
    nl: 'Je wilde de dialoog samen vormgeven. Een eerste voorstel om op te reageren:\n\nGespreksvorm: {format}\n\nOpeningsvragen:\n{questions}\n\nEen coördinator neemt contact op om het samen af te maken.',
    en: 'You wanted to shape the dialogue together. A first proposal to react to:\n\nFormat: {format}\n\nOpening questions:\n{questions}\n\nA coordinator will contact you to finish it together.',
  },
  'intake.free_text_understood': {
    nl: 'Dank je! Uit je bericht heb ik dit begrepen:\n\n{summary}\n\nIk vraag nog even naar wat ontbreekt; aan het eind kun je alles controleren en wijzigen.',
    en: "Thank you! From your message I understood this:\n\n{summary}\n\nI'll ask about what is still missing; at the end you can check and change everything.",
  },
  'intake.free_text_nothing': {
    nl: 'Ik kon uit je bericht nog niet veel halen, dus ik stel je de vragen één voor één.',
    en: "I couldn't get much from your message yet, so I'll ask the questions one at a time.",
  },
  'intake.free_text_failed': {
    nl: 'Het lukte niet om je bericht in één keer te lezen. Geen probleem: ik stel je de vragen één voor één.',
    en: "I couldn't read your message in one go. No problem: I'll ask the questions one at a time.",
  },
} as const;
