export const onboarding = {
  'onboarding.welcome': {
    nl: 'Welkom bij Dialoogbot 👋 Ik help partners een dialoog aan te vragen en dialoogbegeleiders hun dialogen te regelen.\n\nWie ben jij?',
    en: 'Welcome to Dialoogbot 👋 I help partner organisations request a dialogue and facilitators organise their dialogues.\n\nWho are you?',
  },
  'onboarding.role.partner': { nl: 'Partnerorganisatie', en: 'Partner organisation' },
  'onboarding.role.volunteer': { nl: 'Vrijwilliger / dialoogbegeleider', en: 'Volunteer facilitator' },
  'onboarding.role.coordinator': { nl: 'Coördinator', en: 'Coordinator' },
  'onboarding.choose_role': {
    nl: 'Kies een van de knoppen: partner, vrijwilliger of coördinator.',
    en: 'Please choose one of the buttons: partner, volunteer or coordinator.',
  },
  'onboarding.ask_name': {
    nl: 'Hoe mag ik je noemen? (je voornaam is genoeg)',
    en: 'What may I call you? (your first name is enough)',
  },
  'onboarding.ask_organisation': {
    nl: 'Voor welke organisatie vraag je dialogen aan? (bijvoorbeeld: Buurtteam Overvecht)',
    en: 'Which organisation do you request dialogues for? (for example: Buurtteam Overvecht)',
  },
  'onboarding.ask_invite': {
    nl: 'Als {role} heb je een uitnodigingscode nodig van de coördinator. Wat is je code?',
    en: 'As a {role} you need an invite code from the coordinator. What is your code?',
  },
  'onboarding.invite_invalid': {
    nl: 'Die code ken ik niet, of hij is al gebruikt of verlopen. Controleer de code, of vraag de coördinator om een nieuwe. Typ /stop om te stoppen.',
    en: "I don't recognise that code, or it has been used or has expired. Check the code or ask the coordinator for a new one. Type /stop to stop.",
  },
  'onboarding.invite_wrong_role': {
    nl: 'Deze code is bedoeld voor een {role}. Je wordt aangemeld als {role}.',
    en: 'This code is meant for a {role}. You will be signed up as a {role}.',
  },
  'onboarding.consent': {
    nl: 'Nog één ding. Om je te helpen bewaar ik je naam, je chat-account, je rol en wat je me stuurt over dialogen. Ik deel niets zonder reden, en je kunt altijd je gegevens opvragen of laten wissen. (privacyverklaring versie {version})\n\nGa je daarmee akkoord?',
    en: 'One more thing. To help you I store your name, your chat account, your role and what you send me about dialogues. I share nothing without reason, and you can always ask for your data or have it erased. (privacy statement version {version})\n\nDo you agree?',
  },
  'onboarding.consent.yes': { nl: '✅ Akkoord', en: '✅ I agree' },
  'onboarding.consent.no': { nl: 'Nee, liever niet', en: "No, I'd rather not" },
  'onboarding.consent_declined': {
    nl: 'Dat respecteer ik. Zonder toestemming kan ik je niet helpen, dus ik heb niets van je aanmelding bewaard. Je kunt altijd opnieuw beginnen met /start.',
    en: "I respect that. Without consent I can't help you, so I haven't kept anything from your sign-up. You can always start again with /start.",
  },
  'onboarding.done.partner': {
    nl: 'Welkom, {name} van {organisation}! Je kunt nu een dialoog aanvragen met /aanvragen.',
    en: 'Welcome, {name} from {organisation}! You can now request a dialogue with /request.',
  },
  'onboarding.done.volunteer': {
    nl: 'Welkom, {name}! Je bent aangemeld als dialoogbegeleider. Je krijgt hier straks aanbiedingen voor dialogen.',
    en: "Welcome, {name}! You're signed up as a facilitator. You'll receive offers for dialogues here.",
  },
  'onboarding.done.coordinator': {
    nl: 'Welkom, {name}! Je bent aangemeld als coördinator. Je hoort van mij als er nieuwe aanvragen binnenkomen.',
    en: "Welcome, {name}! You're signed up as a coordinator. I'll tell you when new requests come in.",
  },
  'onboarding.already': {
    nl: 'Je bent al aangemeld als {roles}. Typ /help om te zien wat je kunt doen.',
    en: "You're already signed up as {roles}. Type /help to see what you can do.",
  },
  'onboarding.please_start': {
    nl: 'Welkom! Ik ken je nog niet. Laten we je eerst aanmelden.',
    en: "Welcome! I don't know you yet. Let's sign you up first.",
  },
  'help.header': { nl: 'Dit kun je bij mij doen:', en: 'This is what you can do with me:' },
  'help.anyone': {
    nl: '/help – dit overzicht\n/taal – Nederlands of Engels\n/stop – stop waar je mee bezig bent\n/koppel – gebruik me ook in een andere app (Slack, Telegram, webchat)\n/privacy – wat ik over je bewaar; /mijngegevens en /vergeetmij',
    en: '/help – this overview\n/language – Dutch or English\n/stop – stop what you are doing\n/link – use me in another app too (Slack, Telegram, web chat)\n/privacy – what I keep about you; /mydata and /forgetme',
  },
  'help.newcomer': { nl: '/start – aanmelden', en: '/start – sign up' },
  'help.partner': {
    nl: '/aanvragen – een dialoog aanvragen\n/mijnaanvragen – je aanvragen en hun status\n/opbrengst <nr> – vertellen wat jullie met een oogst deden',
    en: '/request – request a dialogue\n/myrequests – your requests and their status\n/outcome <nr> – tell us what you did with a harvest',
  },
  'help.volunteer': {
    nl: '/mijnsessies – je komende dialogen (teruggeven kan daar)\n/profiel – talen, wijken, thema’s en wanneer je kunt\n/pauze – even geen aanbiedingen\n/oogst – de oogst van een afgelopen dialoog insturen (of verder gaan)\nAanbiedingen en herinneringen krijg je hier in de chat.',
    en: '/mysessions – your upcoming dialogues (hand one back there)\n/profile – languages, wijken, themes and when you can\n/pause – no offers for a while\n/harvest – submit (or continue) the harvest of a past dialogue\nOffers and reminders reach you here in the chat.',
  },
  'help.coordinator': {
    nl: '/overzicht – open aanvragen, sessies zonder begeleiders, aanbiedingen, deze week, late oogsten\n/kandidaten <nr> – wie past bij een aanvraag, en waarom; toewijzen of uitsluiten\n/instellingen – automatische aanbiedingen en goedkeuring aan/uit\n/eerlijkheid – verdeling van het werk over vrijwilligers\n/niveau <naam> <niveau> – niveau en certificering van een vrijwilliger\n/gespreksvorm <nr> – gespreksvorm en openingsvragen aanpassen\n/uitnodigen <rol> – een eenmalige uitnodigingscode (vrijwilliger, coordinator, partner)\n/rondsturen [wijk] [niveau] – een bericht aan alle vrijwilligers\n/dashboard – een link naar het dashboard in je browser\n/belanghebbenden – wie per wijk de oogsten krijgt\n/reflecties – reflecties van begeleiders, geanonimiseerd\nJe krijgt een bericht bij elke nieuwe aanvraag. /aanvragen kan ook namens een partner.',
    en: '/overview – open requests, unstaffed sessions, offers, this week, late harvests\n/candidates <nr> – who fits a request, and why; assign or exclude\n/settings – automatic offers and approval on/off\n/fairness – how work is spread over volunteers\n/level <name> <level> – a volunteer’s level and certification\n/codesign <nr> – edit the format and opening questions\n/invite <role> – a one-time invite code (volunteer, coordinator, partner)\n/broadcast [wijk] [level] – a message to all volunteers\n/dashboard – a link to the dashboard in your browser\n/stakeholders – who gets the harvests per wijk\n/reflections – facilitators’ reflections, anonymised\nYou get a message for every new request. /request also works on behalf of a partner.',
  },
} as const;
