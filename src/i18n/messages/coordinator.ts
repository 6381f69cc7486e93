export const coordinator = {
  'coord.candidates.header': {
    nl: 'Kandidaten voor aanvraag #{number} ({organisation}), sessie {when}:\n{eligible} van {considered} {considered|vrijwilliger|vrijwilligers} {eligible|komt|komen} in aanmerking.',
    en: 'Candidates for request #{number} ({organisation}), session {when}:\n{eligible} of {considered} {considered|volunteer|volunteers} {eligible|is|are} eligible.',
  },
  'coord.candidates.top': {
    nl: 'Hieronder de beste {shown} van de {count}.',
    en: 'Below are the best {shown} of the {count}.',
  },
  'coord.candidates.line': {
    nl: '{rank}. {name} ({level}) — score {score}\n   {why}',
    en: '{rank}. {name} ({level}) — score {score}\n   {why}',
  },
  'coord.candidates.none': {
    nl: 'Niemand komt in aanmerking. {excluded}{suggestions}',
    en: 'Nobody is eligible. {excluded}{suggestions}',
  },
  'coord.candidates.not_again': {
    nl: 'Niet opnieuw gevraagd: {list}.',
    en: 'Not asked again: {list}.',
  },
  'coord.candidates.not_again_item': { nl: '{name} ({why})', en: '{name} ({why})' },
  'coord.candidates.handed_back': { nl: 'gaf deze sessie terug', en: 'handed this session back' },
  'coord.candidates.declined': { nl: 'zei nee op dit aanbod', en: 'declined this offer' },
  'coord.candidates.outside_header': {
    nl: 'Buiten de regels kun je zelf iemand toewijzen, als je het met diegene hebt afgesproken (automatische aanbiedingen gaan hier niet heen):',
    en: 'Outside the rules you can assign someone yourself, once you have agreed it with them (automatic offers never go to them):',
  },
  'coord.candidates.outside_line': {
    nl: '• {name} ({level}): {why}',
    en: '• {name} ({level}): {why}',
  },
  'coord.candidates.team': { nl: 'Al ingeroosterd: {names}.', en: 'Already assigned: {names}.' },
  'coord.candidates.usage': {
    nl: 'Gebruik: /kandidaten <aanvraagnummer>, bijvoorbeeld /kandidaten 12.',
    en: 'Usage: /candidates <request number>, for example /candidates 12.',
  },
  'coord.request.unknown': {
    nl: 'Aanvraag #{number} bestaat niet.',
    en: 'Request #{number} does not exist.',
  },
  'coord.request.no_open_sessions': {
    nl: 'Aanvraag #{number} heeft geen sessies meer die begeleiders nodig hebben.',
    en: 'Request #{number} has no sessions left that need facilitators.',
  },
  'coord.assign': { nl: '➕ {name} toewijzen', en: '➕ Assign {name}' },
  'coord.assign_anyway': { nl: '➕ {name} toch toewijzen', en: '➕ Assign {name} anyway' },
  'coord.exclude': { nl: '🚫 {name} uitsluiten', en: '🚫 Exclude {name}' },
  'coord.send_offers': { nl: '📨 Stuur aanbiedingen', en: '📨 Send offers' },
  'coord.assigned': {
    nl: '{name} is ingeroosterd voor aanvraag #{number} ({when}) als {role}. Vastgelegd in het logboek.',
    en: '{name} is assigned to request #{number} ({when}) as {role}. Recorded in the audit log.',
  },
  'coord.assigned_volunteer': {
    nl: 'De coördinator heeft je ingeroosterd als {role} voor deze dialoog:\n\n{details}\n\nKan het toch niet? Geef hem terug via /mijnsessies.',
    en: 'The coordinator has assigned you as {role} for this dialogue:\n\n{details}\n\nCan’t make it after all? Hand it back via /mysessions.',
  },
  'coord.assign_failed': {
    nl: 'Toewijzen lukt niet: {name} staat al op deze sessie of de sessie is vol of voorbij.',
    en: 'Could not assign: {name} is already on this session, or the session is full or over.',
  },
  'coord.excluded': {
    nl: '{name} krijgt voor deze sessie geen aanbiedingen meer. Vastgelegd in het logboek.',
    en: '{name} will get no more offers for this session. Recorded in the audit log.',
  },
  'coord.offers_sent': {
    nl: 'Ik stuur de volgende ronde aanbiedingen ({count}).',
    en: "I'm sending the next round of offers ({count}).",
  },
  'coord.offers_nobody': {
    nl: 'Er is niemand meer om te vragen voor aanvraag #{number}; er gaan geen aanbiedingen uit. Met /kandidaten {number} wijs je zelf iemand toe.',
    en: 'There is nobody left to ask for request #{number}; no offers were sent. Use /candidates {number} to assign someone yourself.',
  },
  'coord.offers_held': {
    nl: 'Het is rusttijd (21:00–08:00): de aanbiedingen voor aanvraag #{number} gaan uit op {at}, zodat niemand ’s nachts een bericht krijgt.',
    en: 'It is quiet hours (21:00–08:00): the offers for request #{number} go out on {at}, so nobody gets a message at night.',
  },
  'coord.offers_waiting': {
    nl: 'Er loopt nog een ronde aanbiedingen voor aanvraag #{number}; ik wacht eerst op de antwoorden.',
    en: 'A round of offers for request #{number} is still open; I am waiting for the answers first.',
  },
  'coord.offers_not_needed': {
    nl: 'Voor deze sessie van aanvraag #{number} hoeven geen aanbiedingen meer uit.',
    en: 'This session of request #{number} needs no more offers.',
  },
  'coord.settings': {
    nl: 'Instellingen:\n• Automatische aanbiedingen: {autoOffers}\n• Goedkeuring van aanvragen nodig: {approvalRequired}\n• Aanbiedingen per ronde: {waveSize}\n• Reactietijd: {offerHours} uur',
    en: 'Settings:\n• Automatic offers: {autoOffers}\n• Requests need approval: {approvalRequired}\n• Offers per round: {waveSize}\n• Time to reply: {offerHours} {offerHours|hour|hours}',
  },
  'coord.on': { nl: 'aan', en: 'on' },
  'coord.off': { nl: 'uit', en: 'off' },
  'coord.toggle.autoOffers': { nl: 'Automatische aanbiedingen {state}', en: 'Automatic offers {state}' },
  'coord.toggle.approvalRequired': { nl: 'Goedkeuring {state}', en: 'Approval {state}' },
  'coord.setting_changed': { nl: 'Opgeslagen.', en: 'Saved.' },
  'coord.fairness.header': {
    nl: 'Eerlijke verdeling — sessies per vrijwilliger in de afgelopen 90 dagen plus wat gepland staat (eigen maximum):',
    en: 'Fair spread — sessions per volunteer in the last 90 days plus what is planned (own maximum):',
  },
  'coord.fairness.line': {
    nl: '{name} ({level}): {count} (max {max}/mnd)',
    en: '{name} ({level}): {count} (max {max}/month)',
  },
  'coord.fairness.none': { nl: 'Er zijn nog geen vrijwilligers.', en: 'There are no volunteers yet.' },
  'coord.approve': { nl: '✅ Goedkeuren', en: '✅ Approve' },
  'coord.reject': { nl: 'Afwijzen', en: 'Decline' },
  'coord.approved': {
    nl: 'Aanvraag #{number} is goedgekeurd.',
    en: 'Request #{number} has been approved.',
  },
  'coord.rejected': { nl: 'Aanvraag #{number} is afgewezen.', en: 'Request #{number} has been declined.' },
  'coord.already_decided': {
    nl: 'Over aanvraag #{number} is al besloten ({status}).',
    en: 'Request #{number} has already been decided ({status}).',
  },
  'partner.request_approved': {
    nl: 'Je aanvraag #{number} is goedgekeurd. We zoeken nu dialoogbegeleiders.',
    en: 'Your request #{number} has been approved. We are now looking for facilitators.',
  },
  'partner.request_rejected': {
    nl: 'Je aanvraag #{number} kunnen we helaas niet oppakken. Een coördinator neemt contact met je op.',
    en: 'Unfortunately we cannot take on your request #{number}. A coordinator will contact you.',
  },
  'coord.level.usage': {
    nl: 'Gebruik: /niveau <naam> <in opleiding | gecertificeerd | senior>, bijvoorbeeld /niveau Anouk senior.',
    en: 'Usage: /level <name> <trainee | certified | senior>, for example /level Anouk senior.',
  },
  'coord.level.none': {
    nl: 'Geen vrijwilliger gevonden met "{query}".',
    en: 'No volunteer found matching "{query}".',
  },
  'coord.level.which': {
    nl: 'Meerdere vrijwilligers passen bij "{query}". Wie bedoel je?',
    en: 'Several volunteers match "{query}". Whom do you mean?',
  },
  'coord.level.set_button': { nl: '{name} → {level}', en: '{name} → {level}' },
  'coord.level.done': {
    nl: '{name} is nu {level}. Vastgelegd in het logboek.',
    en: '{name} is now {level}. Recorded in the audit log.',
  },
  'coord.level.already': {
    nl: '{name} is al {level}; er is niets veranderd.',
    en: '{name} is already {level}; nothing changed.',
  },
  'volunteer.level_changed': {
    nl: 'De coördinator heeft je niveau bijgewerkt: je bent nu {level}.',
    en: 'The coordinator has updated your level: you are now {level}.',
  },
  'level.TRAINEE': { nl: 'in opleiding', en: 'trainee' },
  'level.CERTIFIED': { nl: 'gecertificeerd', en: 'certified' },
  'level.SENIOR': { nl: 'senior', en: 'senior' },
} as const;

export const codesignEdit = {
  'codesign.edit.usage': {
    nl: 'Gebruik: /gespreksvorm <aanvraagnummer>, bijvoorbeeld /gespreksvorm 12.',
    en: 'Usage: /codesign <request number>, for example /codesign 12.',
  },
  'codesign.edit.current': {
    nl: 'Gespreksvorm van aanvraag #{number} nu:\n{format}\n\nOpeningsvragen:\n{questions}\n\nStuur de nieuwe versie in één bericht: op de eerste regel de gespreksvorm, daaronder elke openingsvraag op een eigen regel. (/stop om niets te wijzigen)',
    en: 'Format of request #{number} now:\n{format}\n\nOpening questions:\n{questions}\n\nSend the new version in one message: the format on the first line, then each opening question on its own line. (/stop to change nothing)',
  },
  'codesign.edit.how': {
    nl: 'Stuur op de eerste regel de gespreksvorm en daaronder 1 tot 7 openingsvragen, elk op een eigen regel.',
    en: 'Send the format on the first line and below it 1 to 7 opening questions, each on its own line.',
  },
  'codesign.edit.saved': {
    nl: 'Opgeslagen. De begeleiders van aanvraag #{number} krijgen deze vragen in de herinnering van de dag ervoor.',
    en: 'Saved. The facilitators of request #{number} get these questions in the day-before reminder.',
  },
  'flowname.codesign': { nl: 'de gespreksvorm aanpassen', en: 'editing the conversation format' },
} as const;
