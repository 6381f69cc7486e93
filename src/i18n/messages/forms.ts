// Messages of filled-in forms (the request form as a Slack modal), shared by the core and adapters.
export const forms = {
  'form.label.organisation': { nl: 'Organisatie', en: 'Organisation' },
  'form.label.theme': { nl: 'Thema', en: 'Theme' },
  'form.label.goal': {
    nl: 'Doel: wat willen jullie met de dialoog bereiken?',
    en: 'Goal: what should the dialogue achieve?',
  },
  'form.label.targetGroup': { nl: 'Doelgroep', en: 'Target group' },
  'form.label.participants': {
    nl: 'Aantal deelnemers (bijv. 15 of 15-20)',
    en: 'Participants (e.g. 15 or 15-20)',
  },
  'form.label.languages': { nl: 'Taal of talen', en: 'Language(s)' },
  'form.label.locationType': { nl: 'Waar?', en: 'Where?' },
  'form.label.wijk': { nl: 'Wijk (bij op locatie)', en: 'District (if on site)' },
  'form.label.address': { nl: 'Adres (bij op locatie)', en: 'Address (if on site)' },
  'form.label.dates': {
    nl: 'Datum en tijd, één per regel (bijv. {example})',
    en: 'Date and time, one per line (e.g. {example})',
  },
  'form.label.scheduleMode': { nl: 'Bij meerdere data', en: 'With several dates' },
  'form.label.duration': { nl: 'Duur', en: 'Duration' },
  'form.label.coDesign': {
    nl: 'Willen jullie de dialoog samen met ons voorbereiden (co-design)?',
    en: 'Would you like to prepare the dialogue together with us (co-design)?',
  },
  'form.label.accessibility': {
    nl: 'Toegankelijkheid of bijzonderheden (optioneel)',
    en: 'Accessibility or other notes (optional)',
  },
  'form.label.contactName': { nl: 'Contactpersoon', en: 'Contact person' },
  'form.label.contactReach': {
    nl: 'E-mail of telefoon van de contactpersoon',
    en: "Contact person's e-mail or phone",
  },
  'form.required': { nl: 'Dit veld is nodig.', en: 'This field is needed.' },
  'form.invalid': {
    nl: 'In het formulier klopte nog niet alles:\n{errors}\n\nJe kunt het formulier opnieuw invullen, of hier stap voor stap verdergaan.',
    en: 'Not everything in the form was right yet:\n{errors}\n\nYou can fill in the form again, or carry on here step by step.',
  },
  'form.error_line': { nl: '• {field}: {message}', en: '• {field}: {message}' },
} as const;
