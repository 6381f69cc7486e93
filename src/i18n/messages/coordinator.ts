export const coordinator = {
  'coord.candidates.header': {
    nl: 'Kandidaten voor aanvraag #{number} ({organisation}), sessie {when}:\n{eligible} van {considered} vrijwilligers komen in aanmerking.',
    en: 'Candidates for request #{number} ({organisation}), session {when}:\n{eligible} of {considered} volunteers are eligible.',
  },
  'coord.candidates.line': {
    nl: '{rank}. {name} ({level}) — score {score}\n   {why}',
    en: '{rank}. {name} ({level}) — score {score}\n   {why}',
  },
  'coord.candidates.none': {
    nl: 'Niemand komt in aanmerking. {excluded}{suggestions}',
    en: 'Nobody is eligible. {excluded}{suggestions}',
  },
  'coord.candidates.team': { nl: 'Al ingeroosterd: {names}.', en: 'Already assigned: {names}.' },
  'coord.candidates.usage': {
    nl: 'Gebruik: /kandidaten <aanvraagnummer>, bijvoorbeeld /kandidaten 12.',
    en: 'Usage: /kandidaten <request number>, for example /kandidaten 12.',
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
  'coord.exclude': { nl: '🚫 {name} uitsluiten', en: '🚫 Exclude {name}' },
  'coord.send_offers': { nl: '📨 Stuur aanbiedingen', en: '📨 Send offers' },
  'coord.assigned': {
    nl: '{name} is ingeroosterd voor aanvraag #{number} ({when}) als {role}. Vastgelegd in het logboek.',
    en: '{name} is assigned to request #{number} ({when}) as {role}. Recorded in the audit log.',
  },
  'coord.assigned_volunteer': {
    nl: 'De coördinator heeft je ingeroosterd als {role} voor deze dialoog:\n\n{details}\n\nKan het toch niet? Geef hem terug via /mijnsessies.',
    en: 'The coordinator has assigned you as {role} for this dialogue:\n\n{details}\n\nCan’t make it after all? Hand it back via /mijnsessies.',
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
    nl: 'Ik stuur de volgende ronde aanbiedingen.',
    en: "I'm sending the next round of offers.",
  },
  'coord.settings': {
    nl: 'Instellingen:\n• Automatische aanbiedingen: {autoOffers}\n• Goedkeuring van aanvragen nodig: {approvalRequired}\n• Aanbiedingen per ronde: {waveSize}\n• Reactietijd: {offerHours} uur',
    en: 'Settings:\n• Automatic offers: {autoOffers}\n• Requests need approval: {approvalRequired}\n• Offers per round: {waveSize}\n• Time to reply: {offerHours} hours',
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
  'level.TRAINEE': { nl: 'in opleiding', en: 'trainee' },
  'level.CERTIFIED': { nl: 'gecertificeerd', en: 'certified' },
  'level.SENIOR': { nl: 'senior', en: 'senior' },
} as const;
