export const offers = {
  'offer.ask': {
    nl: 'Wil jij deze dialoog begeleiden?\n\n{details}\n\nReageer graag vóór {deadline}.',
    en: 'Would you like to facilitate this dialogue?\n\n{details}\n\nPlease reply before {deadline}.',
  },
  'offer.ask_trainee': {
    nl: 'Wil jij als begeleider in opleiding meelopen bij deze dialoog, naast een ervaren begeleider?\n\n{details}\n\nReageer graag vóór {deadline}.',
    en: 'Would you like to join this dialogue as a trainee, next to an experienced facilitator?\n\n{details}\n\nPlease reply before {deadline}.',
  },
  'offer.accept': { nl: '✅ Ja, ik doe het', en: "✅ Yes, I'll do it" },
  'offer.decline': { nl: 'Nee, deze keer niet', en: 'Not this time' },
  'offer.details': {
    nl: 'Thema: {theme}\nWanneer: {when}\nWaar: {where}\nVoor: {organisation}\nWie aan tafel: {targetGroup} (ongeveer {participants})\nTaal: {languages}',
    en: 'Theme: {theme}\nWhen: {when}\nWhere: {where}\nFor: {organisation}\nAt the table: {targetGroup} (about {participants})\nLanguage: {languages}',
  },
  'offer.accepted': {
    nl: 'Top, dank je wel! Je begeleidt deze dialoog als {role}. Je krijgt vooraf nog herinneringen met alle praktische informatie.',
    en: "Great, thank you! You'll facilitate this dialogue as {role}. You'll get reminders with all the practical details beforehand.",
  },
  'offer.role.LEAD': { nl: 'hoofdbegeleider', en: 'lead facilitator' },
  'offer.role.CO': { nl: 'tweede begeleider', en: 'co-facilitator' },
  'offer.role.TRAINEE': { nl: 'begeleider in opleiding', en: 'trainee facilitator' },
  'offer.already_filled': {
    nl: 'Dank je wel voor je reactie! Deze dialoog is intussen al vervuld, dus we hebben je nu niet nodig.',
    en: 'Thank you for replying! This dialogue has already been filled, so we do not need you this time.',
  },
  'offer.filled_edit': {
    nl: '{original}\n\n— Al vervuld — dank je!',
    en: '{original}\n\n— Already filled — thank you!',
  },
  'offer.clash_edit': {
    nl: '{original}\n\n— Je bent op dat moment al ingeroosterd voor een andere dialoog; ik vraag iemand anders.',
    en: "{original}\n\n— You're already booked for another dialogue at that time; I'll ask someone else.",
  },
  'offer.cancelled_edit': {
    nl: '{original}\n\n— Deze dialoog gaat niet door.',
    en: '{original}\n\n— This dialogue has been cancelled.',
  },
  'offer.clash': {
    nl: 'Dank je! Maar je bent op dat moment al ingeroosterd voor een andere dialoog, dus ik vraag iemand anders.',
    en: "Thank you! But you're already booked for another dialogue at that time, so I'll ask someone else.",
  },
  'offer.monthly_max': {
    nl: 'Dank je! Maar daarmee zou je in die maand boven je eigen maximum aan dialogen komen, dus ik vraag iemand anders. Je maximum pas je aan met /profiel.',
    en: "Thank you! But that would take you above your own maximum of dialogues for that month, so I'll ask someone else. You can change your maximum with /profile.",
  },
  'offer.expired_edit': {
    nl: '{original}\n\n— Dit aanbod is verlopen.',
    en: '{original}\n\n— This offer has expired.',
  },
  'offer.no_longer_open': {
    nl: 'Dit aanbod staat niet meer open (verlopen of al beantwoord). Er verandert niets.',
    en: 'This offer is no longer open (expired or already answered). Nothing changes.',
  },
  'offer.declined': {
    nl: 'Geen probleem, dank je dat je het laat weten. Wil je zeggen waarom? Dan houden we er rekening mee (mag ook niet).',
    en: "No problem, thanks for letting us know. Would you like to say why? We'll take it into account (you don't have to).",
  },
  'offer.reason.day': { nl: 'Die dag/tijd past niet', en: "That day/time doesn't suit me" },
  'offer.reason.theme': { nl: 'Het thema past niet', en: "The theme doesn't suit me" },
  'offer.reason.distance': { nl: 'Te ver weg', en: 'Too far away' },
  'offer.reason.skip': { nl: 'Liever niet zeggen', en: "I'd rather not say" },
  'offer.reason_thanks': { nl: 'Dank je, genoteerd.', en: 'Thanks, noted.' },
  'offer.typed.declined_noted': {
    nl: 'Geen probleem, dank je dat je het laat weten. Ik heb genoteerd: "{reason}". Daar houden we rekening mee.',
    en: 'No problem, thanks for letting us know. I\'ve noted: "{reason}". We\'ll take it into account.',
  },
  'offer.typed.unclear': {
    nl: 'Ik weet niet zeker of je hiermee op het aanbod antwoordt. Kies hieronder wat je wilt, of typ bijvoorbeeld "ja, ik kom" of "nee, ik kan niet".',
    en: 'I\'m not sure whether this answers the offer. Please choose below, or type for example "yes, I can" or "no, I can\'t".',
  },
  'offer.typed.which': {
    nl: 'Je hebt {count} open aanbiedingen. Over welke gaat het? Kies hieronder per dialoog.',
    en: 'You have {count} open offers. Which one do you mean? Please choose below for each dialogue.',
  },
  'offer.typed.item': { nl: '{when} — {organisation}', en: '{when} — {organisation}' },
  'offer.typed.item_unknown': { nl: 'Een open aanbod', en: 'An open offer' },
  'staffing.staffed_partner': {
    nl: 'Goed nieuws over je aanvraag #{number}: de dialoog op {when} wordt begeleid door {names}. Je hoort vooraf nog van ons.',
    en: 'Good news about your request #{number}: the dialogue on {when} will be facilitated by {names}. You will hear from us again beforehand.',
  },
  'staffing.staffed_coordinator': {
    nl: '✅ Aanvraag #{number} ({organisation}, {when}) is rond: {names}.',
    en: '✅ Request #{number} ({organisation}, {when}) is staffed: {names}.',
  },
  'staffing.nobody': {
    nl: '⚠️ Niemand meer om te vragen voor aanvraag #{number} ({organisation}, {when}, {role}). In aanmerking: {eligible}. {excluded}{suggestions}Met /kandidaten {number} zie je wie je zelf kunt toewijzen.',
    en: '⚠️ Nobody left to ask for request #{number} ({organisation}, {when}, {role}). Eligible: {eligible}. {excluded}{suggestions}Use /candidates {number} to see whom you can assign yourself.',
  },
  'staffing.excluded_line': {
    nl: 'Niet in aanmerking (soms om meer redenen tegelijk): {list}. ',
    en: 'Not eligible (sometimes for several reasons at once): {list}. ',
  },
  'staffing.suggestions_line': { nl: 'Wat zou helpen: {list}. ', en: 'What would help: {list}. ' },
  'staffing.handed_back_coordinator': {
    nl: '↩️ {name} heeft de dialoog van aanvraag #{number} ({when}) teruggegeven. Ik zoek een vervanger.',
    en: '↩️ {name} handed back the dialogue of request #{number} ({when}). I am looking for a replacement.',
  },
  'staffing.handed_back_partner': {
    nl: 'Even ter info: een begeleider van je dialoog op {when} kan helaas niet meer. We zoeken een vervanger en laten het je weten.',
    en: "Just so you know: a facilitator of your dialogue on {when} can no longer make it. We're finding a replacement and will let you know.",
  },
} as const;

export const sessions = {
  'mysessions.none': {
    nl: 'Je hebt geen komende dialogen. Aanbiedingen krijg je hier in de chat.',
    en: 'You have no upcoming dialogues. Offers will reach you here in the chat.',
  },
  'mysessions.header': { nl: 'Je komende dialogen:', en: 'Your upcoming dialogues:' },
  'mysessions.line': {
    nl: '#{number} · {theme} · {when}\n{where} · {role}',
    en: '#{number} · {theme} · {when}\n{where} · {role}',
  },
  'mysessions.handback': { nl: '↩️ Teruggeven #{number}', en: '↩️ Hand back #{number}' },
  'handback.confirm': {
    nl: 'Weet je zeker dat je dialoog #{number} ({when}) wilt teruggeven? Dan zoek ik een vervanger.',
    en: 'Are you sure you want to hand back dialogue #{number} ({when})? I will then look for a replacement.',
  },
  'handback.yes': { nl: 'Ja, teruggeven', en: 'Yes, hand it back' },
  'handback.no': { nl: 'Nee, ik blijf', en: "No, I'll stay" },
  'handback.done': {
    nl: 'Oké, je hebt de dialoog teruggegeven. Dank je dat je het laat weten; ik zoek een vervanger.',
    en: "Okay, you've handed back the dialogue. Thanks for letting us know; I'll find a replacement.",
  },
  'handback.kept': { nl: 'Prima, je blijft ingeroosterd.', en: "Fine, you're still on the schedule." },
  'handback.gone': {
    nl: 'Deze dialoog staat niet (meer) op jouw naam, dus er verandert niets.',
    en: 'This dialogue is not (or no longer) assigned to you, so nothing changes.',
  },
} as const;
