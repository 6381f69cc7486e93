/** Stakeholders per wijk, "what was done with it", reflections and the monthly digest. */
export const harvestExtra = {
  'harvest.changed_by_other': {
    nl: 'Je mede-begeleider heeft intussen ook iets aan deze oogst toegevoegd. Zodat er niets verloren gaat, keur ik deze versie nog niet goed: typ /oogst, dan zie je het bijgewerkte concept en kun je het goedkeuren.',
    en: 'Your co-facilitator has added to this harvest in the meantime. So that nothing gets lost, I am not approving this version yet: type /harvest to see the updated draft and approve it.',
  },
  'stakeholders.help': {
    nl: 'Zo beheer je belanghebbenden per wijk (zij krijgen goedgekeurde oogsten uit hun wijk):\n/belanghebbenden toevoegen <wijk>; <naam of organisatie>; <e-mail>; chat: <naam in de bot>\n(e-mail en/of chat; wie alleen een e-mailadres heeft, krijgt de oogst via jullie: ik stuur zelf geen e-mail)\n/belanghebbenden <wijk> – de lijst van één wijk\n/belanghebbenden weg <nummer> – iemand van de lijst halen',
    en: 'How to manage stakeholders per wijk (they get approved harvests from their wijk):\n/stakeholders add <wijk>; <name or organisation>; <e-mail>; chat: <name in the bot>\n(e-mail and/or chat; someone with only an e-mail address gets the harvest through you: I send no e-mail myself)\n/stakeholders <wijk> – the list of one wijk\n/stakeholders remove <number> – take someone off the list',
  },
  'stakeholders.list': { nl: 'Belanghebbenden ({wijk}):', en: 'Stakeholders ({wijk}):' },
  'stakeholders.all_wijken': { nl: 'alle wijken', en: 'all wijken' },
  'stakeholders.none': {
    nl: 'Er staan nog geen belanghebbenden op de lijst.',
    en: 'There are no stakeholders on the list yet.',
  },
  'stakeholders.unknown_wijk': {
    nl: 'De wijk “{wijk}” ken ik niet. Gebruik een Utrechtse wijk, bijvoorbeeld Overvecht of Zuidwest.',
    en: 'I do not know the wijk “{wijk}”. Use a Utrecht wijk, for example Overvecht or Zuidwest.',
  },
  'stakeholders.bad_email': {
    nl: '“{email}” lijkt geen geldig e-mailadres. Wil je het nog eens proberen?',
    en: '“{email}” does not look like a valid e-mail address. Would you try again?',
  },
  'stakeholders.person_unknown': {
    nl: 'Ik vind niemand met de naam “{name}” die al bij de bot is aangemeld. Vraag diegene eerst /start te sturen, of gebruik een e-mailadres.',
    en: 'I cannot find anyone called “{name}” who has signed up with the bot. Ask them to send /start first, or use an e-mail address.',
  },
  'stakeholders.person_ambiguous': {
    nl: 'Er zijn meerdere mensen met de naam “{name}”. Gebruik een e-mailadres, of vraag diegene een herkenbare naam te kiezen.',
    en: 'Several people are called “{name}”. Use an e-mail address, or ask them to choose a name one can tell apart.',
  },
  'stakeholders.incomplete': {
    nl: 'Ik heb een naam (of organisatie) nodig en een e-mailadres of een chatnaam.',
    en: 'I need a name (or organisation) and an e-mail address or a chat name.',
  },
  'stakeholders.added': {
    nl: 'Toegevoegd als belanghebbende in {wijk}: {contact}',
    en: 'Added as a stakeholder in {wijk}: {contact}',
  },
  'stakeholders.duplicate': {
    nl: 'Die staat al op de lijst voor {wijk}: {contact}. Ik voeg hem niet nog een keer toe.',
    en: 'That one is already on the list for {wijk}: {contact}. I will not add it again.',
  },
  'stakeholders.removed': {
    nl: '{name} ({wijk}) staat niet meer op de lijst.',
    en: '{name} ({wijk}) is off the list.',
  },
  'stakeholders.no_such': {
    nl: 'Nummer {number} staat niet op de lijst. Typ /belanghebbenden voor de lijst.',
    en: 'Number {number} is not on the list. Type /stakeholders for the list.',
  },
  'stakeholders.by_email': { nl: 'e-mail {email} (doorsturen)', en: 'e-mail {email} (to forward)' },
  'stakeholders.by_chat': { nl: 'in de chat als {name}', en: 'in chat as {name}' },
  'stakeholders.by_chat_unreachable': {
    nl: '{name}, nu niet bereikbaar in de chat',
    en: '{name}, not reachable in chat right now',
  },
  'stakeholders.report_message': {
    nl: '🌱 Je staat bij ons als belanghebbende voor {wijk}. Dit is de goedgekeurde oogst van de dialoog bij {organisation} op {when}:\n\n{body}\n\nHet verslag zit als bestand bij dit bericht.',
    en: '🌱 You are one of our stakeholders for {wijk}. This is the approved harvest of the dialogue at {organisation} on {when}:\n\n{body}\n\nThe report is attached to this message.',
  },
  'stakeholders.forward': {
    nl: 'Door te sturen: de oogst van aanvraag #{number} ({organisation}, {wijk}) is goedgekeurd. Deze belanghebbenden hebben alleen een e-mailadres; ik verstuur zelf geen e-mail, dus wil jij het bijgevoegde document doorsturen?\n{list}',
    en: 'To forward: the harvest of request #{number} ({organisation}, {wijk}) was approved. These stakeholders only have an e-mail address; I send no e-mail myself, so would you forward the attached document?\n{list}',
  },
  'flowname.outcome': { nl: 'wat er met de opbrengst is gedaan', en: 'what was done with the harvest' },
  'outcome.button': { nl: 'Vertel wat jullie ermee deden', en: 'Tell us what you did with it' },
  'outcome.ask': {
    nl: 'Wat is er met de opbrengst van de dialoog ({label}) gedaan? Een paar zinnen is genoeg; de begeleiders lezen mee. Met /stop laat je het rusten.',
    en: 'What was done with the harvest of the dialogue ({label})? A few sentences are enough; the facilitators will read it. /stop leaves it for now.',
  },
  'outcome.none': {
    nl: 'Ik vind geen gedeelde oogst waarvoor jij kunt vastleggen wat ermee is gedaan. Heeft de oogst een nummer? Typ dan /opbrengst <nummer>.',
    en: 'I cannot find a shared harvest you can record this for. Does it have a number? Then type /outcome <number>.',
  },
  'outcome.none.no_request': {
    nl: 'Ik heb gekeken naar aanvraag #{number}, maar die vind ik niet (of hij is niet van jou). Typ /opbrengst zonder nummer voor de nieuwste gedeelde oogst.',
    en: 'I looked for request #{number}, but I cannot find it (or it is not yours). Type /outcome without a number for the newest shared harvest.',
  },
  'outcome.none.no_harvest': {
    nl: 'Aanvraag #{number} heeft nog geen oogst: de begeleiders hebben er nog niets over ingevuld. Zodra de oogst is goedgekeurd kun je hier vastleggen wat ermee is gedaan.',
    en: 'Request #{number} has no harvest yet: the facilitators have not filled it in. Once the harvest is approved you can record here what was done with it.',
  },
  'outcome.none.not_approved': {
    nl: 'De oogst van aanvraag #{number} is nog niet goedgekeurd, dus nog niet gedeeld. Na goedkeuring kun je hier vastleggen wat ermee is gedaan.',
    en: 'The harvest of request #{number} has not been approved yet, so it is not shared yet. After approval you can record here what was done with it.',
  },
  'outcome.too_short': {
    nl: 'Kun je iets meer vertellen? Een paar woorden is genoeg.',
    en: 'Could you tell a little more? A few words are enough.',
  },
  'outcome.too_long': {
    nl: 'Dat is wat lang; kun je het in minder dan {max} tekens zeggen?',
    en: 'That is rather long; could you say it in fewer than {max} characters?',
  },
  'outcome.saved': {
    nl: 'Dank je wel! Het staat bij de oogst, en de begeleiders ({count}) horen het van me.',
    en: 'Thank you! It is stored with the harvest, and I will tell the facilitators ({count}).',
  },
  'outcome.saved_nobody': {
    nl: 'Dank je wel! Het staat bij de oogst. De begeleiders kan ik nu niet bereiken; de coördinatoren zien het in het overzicht.',
    en: 'Thank you! It is stored with the harvest. I cannot reach the facilitators right now; the coordinators see it in the digest.',
  },
  'outcome.facilitator': {
    nl: 'Goed nieuws over de dialoog bij {organisation} ({when}). Dit is er met de opbrengst gedaan:\n\n{text}\n\nDank je wel voor je inzet!',
    en: 'Good news about the dialogue at {organisation} ({when}). This is what was done with the harvest:\n\n{text}\n\nThank you for your work!',
  },
  'reflections.header_theme': {
    nl: 'Reflecties van begeleiders van de afgelopen 12 maanden ({count}), per thema. Geanonimiseerd: zonder namen, dialogen of partners.',
    en: 'Facilitators’ reflections of the last 12 months ({count}), by theme. Anonymised: no names, dialogues or partners.',
  },
  'reflections.header_month': {
    nl: 'Reflecties van begeleiders van de afgelopen 12 maanden ({count}), per maand. Geanonimiseerd: zonder namen, dialogen of partners.',
    en: 'Facilitators’ reflections of the last 12 months ({count}), by month. Anonymised: no names, dialogues or partners.',
  },
  'reflections.footer': {
    nl: 'Alleen voor coördinatoren, om te zien waar training of intervisie helpt. /reflecties maand groepeert per maand.',
    en: 'For coordinators only, to see where training or peer review helps. /reflections month groups by month.',
  },
  'reflections.none': {
    nl: 'Er zijn nog geen reflecties van de afgelopen 12 maanden.',
    en: 'There are no reflections from the last 12 months yet.',
  },
  'reflections.no_theme': { nl: 'Zonder thema', en: 'No theme' },
  'reflections.more': { nl: '… en nog {count}', en: '… and {count} more' },
  'reflections.help': {
    nl: 'Gebruik /reflecties (per thema) of /reflecties maand (per maand).',
    en: 'Use /reflections (by theme) or /reflections month (by month).',
  },
} as const;

/** The coordinators' digest (text and charts). */
export const digest = {
  'digest.title': { nl: 'Oogst-overzicht {from} t/m {to}', en: 'Harvest digest {from} to {to}' },
  'digest.counts': {
    nl: 'Dialogen: {dialogues} · deelnemers: {participants}',
    en: 'Dialogues: {dialogues} · participants: {participants}',
  },
  'digest.per_wijk': { nl: "Thema's per wijk:", en: 'Themes per wijk:' },
  'digest.per_theme': { nl: 'Per thema:', en: 'Per theme:' },
  'digest.quotes': { nl: 'Uitspraken:', en: 'Quotes:' },
  'digest.no_wijk': { nl: 'online / onbekend', en: 'online / unknown' },
  'digest.outcomes': {
    nl: 'Wat ermee gedaan is ({closed} van {total} teruggekoppeld):',
    en: 'What was done with them ({closed} of {total} reported back):',
  },
  'digest.chart_themes': { nl: "Thema's per wijk", en: 'Themes per wijk' },
  'digest.chart_months': { nl: 'Dialogen per maand', en: 'Dialogues per month' },
  'digest.chart_empty': { nl: 'Nog geen goedgekeurde oogsten', en: 'No approved harvests yet' },
  'digest.monthly_intro': {
    nl: 'Goedemorgen! Het oogst-overzicht van {month}, met twee grafieken hieronder.',
    en: 'Good morning! The harvest digest of {month}, with two charts below.',
  },
} as const;
