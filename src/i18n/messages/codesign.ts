/**
 * The curated co-design library: a conversation format and appreciative opening questions per
 * theme, a question and a note per kind of target group. Used without an LLM, and as the
 * fallback when the LLM fails. Coordinators and facilitators may adapt every line.
 */
export const codesign = {
  'codesign.format.eenzaamheid': {
    nl: 'Kleine tafels van vier tot zes mensen. Begin met een rondje "een moment van verbinding dat je is bijgebleven", deel daarna in tweetallen wat contact voor je betekent, en oogst samen kleine stappen die mensen zelf willen zetten.',
    en: 'Small tables of four to six. Open with a round on "a moment of connection that stayed with you", then share in pairs what contact means to you, and harvest together small steps people want to take themselves.',
  },
  'codesign.q.eenzaamheid.1': {
    nl: 'Vertel over een moment waarop je je echt verbonden voelde met iemand. Wat maakte dat moment bijzonder?',
    en: 'Tell us about a moment when you felt truly connected to someone. What made that moment special?',
  },
  'codesign.q.eenzaamheid.2': {
    nl: 'Wie of wat in je buurt geeft je een gevoel van thuis?',
    en: 'Who or what in your neighbourhood gives you a feeling of home?',
  },
  'codesign.q.eenzaamheid.3': {
    nl: 'Als je buurt over een jaar een plek is waar niemand er alleen voor staat, wat zie je dan gebeuren?',
    en: 'If in a year your neighbourhood is a place where nobody stands alone, what do you see happening?',
  },
  'codesign.q.eenzaamheid.4': {
    nl: 'Wat zou jij, klein of groot, kunnen doen om een ander iets minder alleen te laten zijn?',
    en: 'What could you do, small or big, to make someone else a little less alone?',
  },
  'codesign.format.armoede': {
    nl: 'Een veilige, kleine kring zonder oordeel. Begin met wat mensen goed doen om rond te komen, deel ervaringen in tweetallen en sluit af met ideeën voor wat in de buurt of bij instanties kan helpen. Niemand hoeft iets te vertellen wat hij niet wil.',
    en: 'A safe, small circle without judgement. Start with what people do well to get by, share experiences in pairs and close with ideas for what could help in the neighbourhood or at agencies. Nobody needs to share what they do not want to.',
  },
  'codesign.q.armoede.1': {
    nl: 'Vertel over een moment waarop je, ondanks weinig geld, iets moois voor jezelf of een ander wist te regelen.',
    en: 'Tell us about a moment when, despite little money, you managed to arrange something good for yourself or someone else.',
  },
  'codesign.q.armoede.2': {
    nl: 'Wie of wat heeft je geholpen toen het krap was? Wat maakte die hulp waardevol?',
    en: 'Who or what helped you when money was tight? What made that help valuable?',
  },
  'codesign.q.armoede.3': {
    nl: 'Hoe ziet een buurt eruit waarin iedereen mee kan doen, ook met een kleine portemonnee?',
    en: 'What does a neighbourhood look like in which everyone can take part, also on a small budget?',
  },
  'codesign.q.armoede.4': {
    nl: 'Welke kennis of ervaring heb jij die een ander in een krappe situatie zou kunnen helpen?',
    en: 'What knowledge or experience do you have that could help someone else in a tight situation?',
  },
  'codesign.format.burgerparticipatie': {
    nl: 'Begin met ervaringen van invloed: wanneer werd er echt naar je geluisterd? Werk daarna in kleine groepen aan dromen voor de buurt en sluit af met concrete voorstellen die teruggaan naar gemeente of wijkbureau.',
    en: 'Start with experiences of influence: when were you really listened to? Then work in small groups on dreams for the neighbourhood and close with concrete proposals that go back to the municipality or neighbourhood office.',
  },
  'codesign.q.burgerparticipatie.1': {
    nl: 'Vertel over een keer dat jij of je buren samen iets voor elkaar kregen in de buurt. Wat maakte dat mogelijk?',
    en: 'Tell us about a time you or your neighbours achieved something together in the neighbourhood. What made it possible?',
  },
  'codesign.q.burgerparticipatie.2': {
    nl: 'Wanneer voelde je je echt gehoord door de gemeente of een organisatie? Wat deden zij toen goed?',
    en: 'When did you feel truly heard by the municipality or an organisation? What did they do well?',
  },
  'codesign.q.burgerparticipatie.3': {
    nl: 'Als jij één ding in je buurt mocht beslissen, wat zou het zijn en waarom?',
    en: 'If you could decide one thing in your neighbourhood, what would it be and why?',
  },
  'codesign.q.burgerparticipatie.4': {
    nl: 'Wat wil jij zelf bijdragen om dat idee dichterbij te brengen?',
    en: 'What would you like to contribute yourself to bring that idea closer?',
  },
  'codesign.format.leefbaarheid': {
    nl: 'Gemengde tafels van oude en nieuwe bewoners. Begin met plekken en momenten waar het goed samenleven is, bespreek wat ieder nodig heeft om zich veilig en welkom te voelen, en oogst afspraken en ideeën voor de straat.',
    en: 'Mixed tables of long-standing and new residents. Start with places and moments where living together works, discuss what everyone needs to feel safe and welcome, and harvest agreements and ideas for the street.',
  },
  'codesign.q.leefbaarheid.1': {
    nl: 'Wat is jouw favoriete plek in de buurt, en wat gebeurt daar?',
    en: 'What is your favourite place in the neighbourhood, and what happens there?',
  },
  'codesign.q.leefbaarheid.2': {
    nl: 'Vertel over een moment waarop buren elkaar echt hielpen of verrasten.',
    en: 'Tell us about a moment when neighbours really helped or surprised each other.',
  },
  'codesign.q.leefbaarheid.3': {
    nl: 'Wat heb jij nodig om je veilig en welkom te voelen in je straat?',
    en: 'What do you need to feel safe and welcome in your street?',
  },
  'codesign.q.leefbaarheid.4': {
    nl: 'Stel je voor dat je buurt over vijf jaar een voorbeeld is voor de stad. Wat hebben bewoners samen gedaan?',
    en: 'Imagine your neighbourhood is an example for the city in five years. What did residents do together?',
  },
  'codesign.format.gezondheid': {
    nl: 'Een rustige kring met ruimte voor persoonlijke verhalen. Begin met wat mensen energie geeft, deel in tweetallen wat helpt als het even niet gaat, en oogst samen wat de buurt gezonder en gelukkiger kan maken.',
    en: 'A calm circle with room for personal stories. Start with what gives people energy, share in pairs what helps when things are hard, and harvest together what could make the neighbourhood healthier and happier.',
  },
  'codesign.q.gezondheid.1': {
    nl: 'Wat geeft jou energie op een gewone dag?',
    en: 'What gives you energy on an ordinary day?',
  },
  'codesign.q.gezondheid.2': {
    nl: 'Vertel over een periode waarin je goed voor jezelf zorgde. Wie of wat hielp je daarbij?',
    en: 'Tell us about a period when you took good care of yourself. Who or what helped you?',
  },
  'codesign.q.gezondheid.3': {
    nl: 'Hoe ziet een buurt eruit waarin gezond leven makkelijk en leuk is?',
    en: 'What does a neighbourhood look like in which living healthily is easy and fun?',
  },
  'codesign.q.gezondheid.4': {
    nl: 'Wat zou je willen delen met anderen die zoeken naar meer rust of balans?',
    en: 'What would you like to share with others looking for more calm or balance?',
  },
  'codesign.format.informele-zorg': {
    nl: 'Een kleine kring van mensen die voor een ander zorgen. Begin met wat de zorg hen ook geeft, deel wat hen overeind houdt, en oogst wat zij van hun omgeving en van organisaties nodig hebben.',
    en: 'A small circle of people who care for someone. Start with what caring also gives them, share what keeps them going, and harvest what they need from the people around them and from organisations.',
  },
  'codesign.q.informele-zorg.1': {
    nl: 'Vertel over een moment in de zorg voor je naaste waar je trots op bent.',
    en: 'Tell us about a moment in caring for your loved one that you are proud of.',
  },
  'codesign.q.informele-zorg.2': {
    nl: 'Wat of wie geeft jou lucht als het zwaar is?',
    en: 'What or who gives you breathing space when it gets heavy?',
  },
  'codesign.q.informele-zorg.3': {
    nl: 'Als zorgen voor een ander in jouw buurt echt samen gedragen werd, hoe zou dat eruitzien?',
    en: 'If caring for someone were truly shared in your neighbourhood, what would that look like?',
  },
  'codesign.q.informele-zorg.4': {
    nl: 'Welke kleine hulp zou voor jou een groot verschil maken?',
    en: 'What small help would make a big difference for you?',
  },
  'codesign.format.wonen': {
    nl: 'Begin met verhalen over thuis: wat maakt een huis een thuis? Bespreek daarna in kleine groepen ervaringen met de woningmarkt of het eigen complex, en oogst ideeën en vragen voor corporatie, gemeente en elkaar.',
    en: 'Start with stories about home: what makes a house a home? Then discuss in small groups experiences with the housing market or the building, and harvest ideas and questions for the housing association, the municipality and each other.',
  },
  'codesign.q.wonen.1': {
    nl: 'Wat maakt jouw huis of je straat voor jou een thuis?',
    en: 'What makes your home or your street feel like home to you?',
  },
  'codesign.q.wonen.2': {
    nl: 'Vertel over een moment waarop bewoners samen iets verbeterden aan hun woonomgeving.',
    en: 'Tell us about a moment when residents together improved something about where they live.',
  },
  'codesign.q.wonen.3': {
    nl: 'Hoe ziet goed wonen eruit voor jou en de mensen na jou?',
    en: 'What does good housing look like for you and for those who come after you?',
  },
  'codesign.q.wonen.4': {
    nl: 'Wat kunnen bewoners zelf doen, en wat vraag je van anderen?',
    en: 'What can residents do themselves, and what do you ask of others?',
  },
  'codesign.format.klimaat': {
    nl: 'Begin met wat mensen waarderen aan hun omgeving en de natuur, deel wat zij al doen, en werk in kleine groepen aan haalbare plannen voor straat of buurt. Oogst zowel zorgen als energie.',
    en: 'Start with what people value about their surroundings and nature, share what they already do, and work in small groups on feasible plans for street or neighbourhood. Harvest both worries and energy.',
  },
  'codesign.q.klimaat.1': {
    nl: 'Welke plek in de natuur of in je buurt is voor jou waardevol, en waarom?',
    en: 'Which place in nature or in your neighbourhood is valuable to you, and why?',
  },
  'codesign.q.klimaat.2': {
    nl: 'Vertel over iets duurzaams dat je al doet en waar je blij van wordt.',
    en: 'Tell us about something sustainable you already do that makes you happy.',
  },
  'codesign.q.klimaat.3': {
    nl: 'Hoe ziet je straat eruit als die klaar is voor de toekomst?',
    en: 'What does your street look like when it is ready for the future?',
  },
  'codesign.q.klimaat.4': {
    nl: 'Met wie zou je samen een eerste stap willen zetten?',
    en: 'With whom would you like to take a first step together?',
  },
  'codesign.format.onderwijs': {
    nl: 'Kleine groepen leerlingen, ouders of docenten (of gemengd). Begin met een goede leerervaring, bespreek wat helpt om te leren en mee te doen, en oogst ideeën voor school en omgeving.',
    en: 'Small groups of pupils, parents or teachers (or mixed). Start with a good learning experience, discuss what helps people learn and take part, and harvest ideas for the school and its surroundings.',
  },
  'codesign.q.onderwijs.1': {
    nl: 'Vertel over een moment waarop je iets leerde waar je echt trots op was.',
    en: 'Tell us about a moment when you learned something you were really proud of.',
  },
  'codesign.q.onderwijs.2': {
    nl: 'Welke leraar, ouder of medeleerling maakte voor jou het verschil, en hoe?',
    en: 'Which teacher, parent or classmate made the difference for you, and how?',
  },
  'codesign.q.onderwijs.3': {
    nl: 'Hoe ziet een school eruit waar iedereen zich gezien voelt?',
    en: 'What does a school look like where everyone feels seen?',
  },
  'codesign.q.onderwijs.4': {
    nl: 'Wat kun jij bijdragen zodat een ander makkelijker kan leren?',
    en: 'What can you contribute so that someone else can learn more easily?',
  },
  'codesign.format.asiel': {
    nl: 'Gemengde tafels van nieuwkomers en buurtbewoners, met tolken of eenvoudige taal waar nodig. Begin met persoonlijke verhalen over thuis en welkom, deel wat ieder meebrengt, en oogst ontmoetingsideeën voor de buurt.',
    en: 'Mixed tables of newcomers and residents, with interpreters or plain language where needed. Start with personal stories about home and welcome, share what everyone brings, and harvest ideas for meeting each other in the neighbourhood.',
  },
  'codesign.q.asiel.1': {
    nl: 'Vertel over een moment waarop je je welkom voelde op een nieuwe plek.',
    en: 'Tell us about a moment when you felt welcome in a new place.',
  },
  'codesign.q.asiel.2': {
    nl: 'Wat neem jij mee, uit je eigen leven of cultuur, dat je graag deelt met je buren?',
    en: 'What do you bring, from your own life or culture, that you would like to share with your neighbours?',
  },
  'codesign.q.asiel.3': {
    nl: 'Hoe ziet een buurt eruit waar oude en nieuwe bewoners elkaar echt kennen?',
    en: 'What does a neighbourhood look like where long-standing and new residents really know each other?',
  },
  'codesign.q.asiel.4': {
    nl: 'Welke eerste ontmoeting zou je zelf willen organiseren of bijwonen?',
    en: 'What first meeting would you like to organise or attend yourself?',
  },
  'codesign.format.anders': {
    nl: 'Een open waarderende dialoog: begin met een persoonlijke ervaring bij het onderwerp, verdiep in tweetallen wat werkt, droom samen over wat mogelijk is, en oogst wat mensen zelf willen doen.',
    en: 'An open appreciative dialogue: start with a personal experience of the topic, explore in pairs what works, dream together about what is possible, and harvest what people want to do themselves.',
  },
  'codesign.q.anders.1': {
    nl: 'Vertel over een ervaring met dit onderwerp die je is bijgebleven. Wat maakte die waardevol?',
    en: 'Tell us about an experience with this topic that stayed with you. What made it valuable?',
  },
  'codesign.q.anders.2': {
    nl: 'Wat werkt er nu al goed, en wie draagt daaraan bij?',
    en: 'What already works well now, and who contributes to it?',
  },
  'codesign.q.anders.3': {
    nl: 'Als alles mogelijk was, hoe zou het er over een jaar uitzien?',
    en: 'If everything were possible, what would it look like in a year?',
  },
  'codesign.q.anders.4': {
    nl: 'Wat is een eerste stap die jij zelf zou willen zetten?',
    en: 'What is a first step you would like to take yourself?',
  },
  'codesign.group.ouderen.note': {
    nl: 'Neem de tijd, zorg voor koffie en een goed hoorbare ruimte; korte rondes werken beter dan lange.',
    en: 'Take your time, provide coffee and a room where everyone can hear well; short rounds work better than long ones.',
  },
  'codesign.group.ouderen.q': {
    nl: 'Wat heeft u in uw leven geleerd dat u graag doorgeeft aan jongere buren?',
    en: 'What have you learned in your life that you would like to pass on to younger neighbours?',
  },
  'codesign.group.jongeren.note': {
    nl: 'Houd het actief en kort: werk met stellingen, tweetallen of beeld, en laat jongeren zelf een vraag inbrengen.',
    en: 'Keep it active and short: use statements, pairs or pictures, and let young people bring in a question of their own.',
  },
  'codesign.group.jongeren.q': {
    nl: 'Waar word jij blij van in je buurt, en wat mis je nog?',
    en: 'What makes you happy in your neighbourhood, and what is still missing?',
  },
  'codesign.group.ouders.note': {
    nl: 'Plan rond schooltijden en denk aan kinderopvang of een plek voor kinderen erbij.',
    en: 'Plan around school hours and consider childcare or a place for children nearby.',
  },
  'codesign.group.ouders.q': {
    nl: 'Wat wens je voor je kinderen in deze buurt, en wat kun je daar zelf aan bijdragen?',
    en: 'What do you wish for your children in this neighbourhood, and what can you contribute to it?',
  },
  'codesign.group.nieuwkomers.note': {
    nl: 'Gebruik eenvoudige taal, werk met tolken of taalmaatjes aan tafel en geef ruimte aan stilte.',
    en: 'Use plain language, work with interpreters or language buddies at the table and leave room for silence.',
  },
  'codesign.group.nieuwkomers.q': {
    nl: 'Wat heeft je geholpen om je hier een beetje thuis te voelen?',
    en: 'What has helped you feel a little at home here?',
  },
  'codesign.group.mantelzorgers.note': {
    nl: 'Houd rekening met beperkte tijd: kies een korte sessie en eventueel vervangende zorg.',
    en: 'Mind their limited time: choose a short session and consider respite care.',
  },
  'codesign.group.mantelzorgers.q': {
    nl: 'Wat zou je tegen een nieuwe mantelzorger willen zeggen?',
    en: 'What would you like to say to someone who has just started caring for a loved one?',
  },
  'codesign.group.professionals.note': {
    nl: 'Laat functies even buiten de deur: iedereen spreekt vanuit eigen ervaring, niet vanuit zijn organisatie.',
    en: 'Leave job titles at the door: everyone speaks from personal experience, not for their organisation.',
  },
  'codesign.group.professionals.q': {
    nl: 'Wanneer voelde je in je werk dat je echt verschil maakte voor een bewoner?',
    en: 'When did you feel in your work that you truly made a difference for a resident?',
  },
  'codesign.group.bewoners.note': {
    nl: 'Zorg voor een mix van oude en nieuwe bewoners en nodig ook mensen uit die minder vaak meedoen.',
    en: 'Aim for a mix of long-standing and new residents and invite people who take part less often.',
  },
  'codesign.group.bewoners.q': {
    nl: 'Wat maakt deze buurt voor jou de moeite waard?',
    en: 'What makes this neighbourhood worthwhile for you?',
  },
  'codesign.format.online': {
    nl: 'Online: houd groepen klein (breakout rooms van vier), gebruik naamrondes en laat iedereen de camera aan als dat kan.',
    en: 'Online: keep groups small (breakout rooms of four), use name rounds and ask people to keep their camera on where they can.',
  },
  'codesign.format.large': {
    nl: 'Met meer dan twintig deelnemers: werk aan meerdere tafels met elk een begeleider en een gezamenlijke oogst aan het eind.',
    en: 'With more than twenty participants: work at several tables, each with a facilitator, and a shared harvest at the end.',
  },
  'extract.fallback_notice': {
    nl: 'Ik heb je bericht gelezen met mijn eenvoudige regels; controleer de samenvatting goed.',
    en: 'I read your message with my simple rules; please check the summary carefully.',
  },
} as const;
