/** The harvest interview, its approval and report, and the nudges when it is late. */
export const harvest = {
  'flowname.harvest': { nl: 'de oogst', en: 'the harvest' },
  'harvest.none': {
    nl: 'Ik vind geen afgelopen dialoog van jou waarvan de oogst nog open staat.',
    en: 'I cannot find a past dialogue of yours whose harvest is still open.',
  },
  'harvest.not_yours': {
    nl: 'Alleen de begeleiders van deze dialoog kunnen de oogst insturen.',
    en: 'Only the facilitators of this dialogue can submit its harvest.',
  },
  'harvest.already': {
    nl: 'De oogst van de dialoog ({label}) is al goedgekeurd. Dank je wel!',
    en: 'The harvest of the dialogue ({label}) has already been approved. Thank you!',
  },
  'harvest.intro': {
    nl: 'Fijn dat je even tijd maakt voor de oogst van de dialoog bij {label}. Ik stel een paar korte vragen, één voor één. Elke vraag mag je overslaan, en met /stop pauzeer je; /oogst gaat later verder waar je was. Spraakberichten en foto’s (van een flip-over) zijn ook welkom.',
    en: 'Thanks for taking a moment for the harvest of the dialogue at {label}. I will ask a few short questions, one at a time. You can skip any of them, and /stop pauses; /harvest picks up where you were. Voice notes and photos (of a flip chart) are welcome too.',
  },
  'harvest.resume': {
    nl: 'We gaan verder met de oogst van de dialoog bij {label}.',
    en: 'Let us continue the harvest of the dialogue at {label}.',
  },
  'harvest.q.participants': {
    nl: '1/9 Hoeveel mensen deden er mee?',
    en: '1/9 How many people took part?',
  },
  'harvest.q.topics': {
    nl: '2/9 Waar ging het gesprek over? Een paar woorden of zinnen is genoeg.',
    en: '2/9 What was the conversation about? A few words or sentences are enough.',
  },
  'harvest.q.touched': {
    nl: '3/9 Wat raakte de mensen aan tafel? Wat gaf energie?',
    en: '3/9 What touched the people at the table? What gave energy?',
  },
  'harvest.q.quotes': {
    nl: '4/9 Zijn er uitspraken die je letterlijk wilt bewaren? Zonder namen; één per regel.',
    en: '4/9 Are there sayings you want to keep word for word? No names; one per line.',
  },
  'harvest.q.ideas': {
    nl: '5/9 Welke ideeën en acties kwamen op? Wie wil wat doen?',
    en: '5/9 Which ideas and actions came up? Who wants to do what?',
  },
  'harvest.q.signals': {
    nl: '6/9 Zijn er signalen voor beleid, voor de gemeente of de wijk?',
    en: '6/9 Are there signals for policy, for the municipality or the neighbourhood?',
  },
  'harvest.q.partner': {
    nl: '7/9 Wat moet {organisation} vooral horen?',
    en: '7/9 What should {organisation} hear most of all?',
  },
  'harvest.q.names': {
    nl: '8/9 Zijn er namen die ik moet weglaten? Noem ze gerust (gescheiden door komma’s); ze komen nergens in de oogst terecht.',
    en: '8/9 Are there names I should leave out? Just list them (separated by commas); they will not appear anywhere in the harvest.',
  },
  'harvest.q.reflection': {
    nl: '9/9 Tot slot, voor de leergemeenschap: wat neem je zelf mee uit deze dialoog? Dit deel blijft binnen de organisatie en gaat nooit naar de partner.',
    en: '9/9 Finally, for the learning community: what do you take away yourself? This stays within the organisation and never goes to the partner.',
  },
  'harvest.participants_noted': {
    nl: 'Genoteerd ✓ Deelnemers: {count}',
    en: 'Noted ✓ Participants: {count}',
  },
  'harvest.participants_unclear': {
    nl: 'Daar kon ik geen aantal uit halen. Hoeveel mensen deden er (ongeveer) mee? Typ bijvoorbeeld "12" of "ongeveer twaalf", of druk op Overslaan als je het niet weet.',
    en: 'I could not find a number in that. How many people took part (roughly)? Type for example "12" or "about twelve", or press Skip if you do not know.',
  },
  'harvest.participants_too_many': {
    nl: 'Meer dan {max} mensen? Dat klopt vast niet helemaal. Typ het aantal deelnemers, bijvoorbeeld "12", of druk op Overslaan.',
    en: 'More than {max} people? That does not look quite right. Type the number of participants, for example "12", or press Skip.',
  },
  'harvest.skip': { nl: 'Overslaan', en: 'Skip' },
  'harvest.media_kept': {
    nl: 'Dank je, ik heb je {kind} bij de oogst bewaard. Een coördinator kijkt ernaar; wil je de kern ook even in een paar woorden typen? Of druk op Overslaan.',
    en: 'Thank you, I have kept your {kind} with the harvest. A coordinator will look at it; could you also type the gist in a few words? Or press Skip.',
  },
  'harvest.kind.voice': { nl: 'spraakbericht', en: 'voice note' },
  'harvest.kind.photo': { nl: 'foto', en: 'photo' },
  'harvest.kind.document': { nl: 'bestand', en: 'file' },
  'harvest.media_coordinator': {
    nl: '📎 Bij de oogst van aanvraag #{number} ({organisation}) is een {kind} binnengekomen. Er is geen automatische uitwerking ingesteld; wil je het bekijken?',
    en: '📎 A {kind} came in with the harvest of request #{number} ({organisation}). No automatic transcription is configured; could you take a look?',
  },
  'harvest.review': {
    nl: 'Dit is de oogst zoals ik hem zou delen met {organisation} (namen en contactgegevens heb ik weggehaald):\n\n{body}\n\nTyp "weg 3" om onderdeel 3 te schrappen, "intern 3" om het niet te delen (alleen voor de organisatie) of "delen 3" om dat terug te draaien. Niets gaat weg voordat je op Goedkeuren drukt.',
    en: 'This is the harvest as I would share it with {organisation} (I removed names and contact details):\n\n{body}\n\nType "drop 3" to remove item 3, "internal 3" to keep it from the partner (organisation only) or "share 3" to undo that. Nothing is sent before you press Approve.',
  },
  'harvest.review_help': {
    nl: 'Dat begreep ik niet. Typ bijvoorbeeld "weg 2", "intern 2" of "delen 2", of druk op Goedkeuren.',
    en: 'I did not understand that. Type for example "drop 2", "internal 2" or "share 2", or press Approve.',
  },
  'harvest.no_item.many': {
    nl: 'Er is geen onderdeel {n}: de oogst heeft onderdelen 1 tot en met {last}. Typ bijvoorbeeld "weg {last}", of druk op Goedkeuren.',
    en: 'There is no item {n}: the harvest has items 1 to {last}. Type for example "drop {last}", or press Approve.',
  },
  'harvest.no_item.one': {
    nl: 'Er is geen onderdeel {n}: de oogst heeft alleen onderdeel 1. Typ bijvoorbeeld "weg 1", of druk op Goedkeuren.',
    en: 'There is no item {n}: the harvest has only item 1. Type for example "drop 1", or press Approve.',
  },
  'harvest.no_item.none': {
    nl: 'Er is geen onderdeel {n}: deze oogst heeft geen genummerde onderdelen. Druk op Goedkeuren om hem zo te delen.',
    en: 'There is no item {n}: this harvest has no numbered items. Press Approve to share it as it is.',
  },
  'harvest.approve': { nl: '✅ Goedkeuren en delen', en: '✅ Approve and share' },
  'harvest.approved': {
    nl: 'Dank je wel! De oogst is goedgekeurd en gedeeld met {organisation}. Je reflectie blijft binnen de leergemeenschap.',
    en: 'Thank you! The harvest is approved and shared with {organisation}. Your reflection stays within the learning community.',
  },
  'harvest.approved_no_partner': {
    nl: 'Dank je wel! De oogst is goedgekeurd; een coördinator zorgt dat hij bij de partner komt.',
    en: 'Thank you! The harvest is approved; a coordinator will make sure it reaches the partner.',
  },
  'harvest.section.insight': { nl: 'Wat mensen raakte', en: 'What touched people' },
  'harvest.section.quote': { nl: 'Uitspraken', en: 'Sayings' },
  'harvest.section.idea': { nl: 'Ideeën en acties', en: 'Ideas and actions' },
  'harvest.section.signal': { nl: 'Signalen voor beleid', en: 'Signals for policy' },
  'harvest.section.partner': { nl: 'Voor jullie', en: 'For you' },
  'harvest.participants': { nl: 'Deelnemers: {count}', en: 'Participants: {count}' },
  'harvest.themes': { nl: 'Thema’s: {themes}', en: 'Themes: {themes}' },
  'harvest.internal': { nl: '(intern)', en: '(internal)' },
  'harvest.dropped': { nl: '(geschrapt)', en: '(dropped)' },
  'harvest.paraphrase': { nl: '(in eigen woorden)', en: '(paraphrased)' },
  'harvest.empty': { nl: '(nog niets ingevuld)', en: '(nothing filled in yet)' },
  'harvest.report_title': {
    nl: 'Oogst van de dialoog bij {organisation}, {when}',
    en: 'Harvest of the dialogue at {organisation}, {when}',
  },
  'harvest.report_message': {
    nl: '🌱 De oogst van jullie dialoog van {when} is klaar. Dank voor het gastvrij ontvangen!\n\n{body}\n\nHet volledige verslag zit als bestand bij dit bericht.',
    en: '🌱 The harvest of your dialogue on {when} is ready. Thank you for hosting!\n\n{body}\n\nThe full report is attached to this message.',
  },
  'harvest.ask': {
    nl: '🌱 Hoe was de dialoog bij {organisation}? Zullen we nu even de oogst ophalen? Het duurt een paar minuten. Later kan ook: typ dan /oogst.',
    en: '🌱 How was the dialogue at {organisation}? Shall we collect the harvest now? It takes a few minutes. Later is fine too: just type /harvest.',
  },
  'harvest.nudge': {
    nl: '🌱 Geen haast, maar de oogst van de dialoog bij {organisation} staat nog open. Zullen we hem samen invullen? Typ /oogst wanneer het je uitkomt.',
    en: '🌱 No rush, but the harvest of the dialogue at {organisation} is still open. Shall we fill it in together? Type /harvest whenever it suits you.',
  },
  'harvest.start_now': { nl: 'Nu beginnen', en: 'Start now' },
  'harvest.alert_coordinator': {
    nl: '⏰ De oogst van aanvraag #{number} ({organisation}, {when}) is na twee herinneringen nog niet binnen. Begeleider: {lead}.',
    en: '⏰ The harvest of request #{number} ({organisation}, {when}) has not come in after two reminders. Facilitator: {lead}.',
  },
  'harvest.reading.voice': {
    nl: '🎧 Ik luister naar je spraakbericht… Je kunt intussen gewoon verder.',
    en: '🎧 Listening to your voice note… You can carry on meanwhile.',
  },
  'harvest.reading.photo': {
    nl: '👀 Ik bekijk je foto… Je kunt intussen gewoon verder.',
    en: '👀 Looking at your photo… You can carry on meanwhile.',
  },
  'harvest.reading.document': {
    nl: '👀 Ik bekijk je bestand… Je kunt intussen gewoon verder.',
    en: '👀 Looking at your file… You can carry on meanwhile.',
  },
  'harvest.heard': {
    nl: 'Uit je {kind} heb ik dit bij je antwoord gezet:\n\n{text}\n\nKlopt er iets niet? Bij het nakijken kun je elk onderdeel schrappen.',
    en: 'From your {kind} I added this to your answer:\n\n{text}\n\nSomething wrong? You can drop any item when you review.',
  },
  'harvest.heard_later': {
    nl: 'Uit je {kind} heb ik tekst bij je oogst gezet. Met /oogst ga je verder.',
    en: 'I added text from your {kind} to your harvest. /harvest picks up where you were.',
  },
  'harvest.read_failed': {
    nl: 'Sorry, het lukte me niet om je {kind} uit te werken. Ik heb het bewaard en een coördinator kijkt ernaar. Wil je de kern in een paar woorden typen?',
    en: 'Sorry, I could not work out your {kind}. I have kept it and a coordinator will look at it. Could you type the gist in a few words?',
  },
  'harvest.media_coordinator_failed': {
    nl: '📎 Bij de oogst van aanvraag #{number} ({organisation}) is een {kind} binnengekomen dat ik niet kon uitwerken. Wil je het bekijken?',
    en: '📎 A {kind} came in with the harvest of request #{number} ({organisation}) that I could not work out. Could you take a look?',
  },
  'harvest.drafting': {
    nl: '✍️ Dank je! Ik zet de oogst voor je op een rij… een ogenblik.',
    en: '✍️ Thank you! I am putting the harvest together for you… one moment.',
  },
  'harvest.draft_fallback': {
    nl: 'Het samenvatten lukte nu niet; hieronder staat de oogst zoals je hem zelf gaf.',
    en: 'Summarising did not work just now; below is the harvest as you gave it.',
  },
} as const;
