// /overzicht: what a coordinator should look at today.
export const overview = {
  'overview.header': { nl: '📋 Overzicht', en: '📋 Overview' },
  'overview.open_requests': { nl: 'Open aanvragen ({count}):', en: 'Open requests ({count}):' },
  'overview.request_line': {
    nl: '• #{number} {organisation} – {status} – {when}',
    en: '• #{number} {organisation} – {status} – {when}',
  },
  'overview.unstaffed': {
    nl: 'Sessies zonder (genoeg) begeleiders ({count}):',
    en: 'Sessions without (enough) facilitators ({count}):',
  },
  'overview.unstaffed_line': {
    nl: '• #{number} {organisation} – {when} – {have} van {need} {need|begeleider|begeleiders}, {offers} {offers|aanbieding|aanbiedingen} open',
    en: '• #{number} {organisation} – {when} – {have} of {need} {need|facilitator|facilitators}, {offers} {offers|offer|offers} open',
  },
  'overview.offers': {
    nl: 'Openstaande aanbiedingen: {total} (voor {sessions} {sessions|sessie|sessies})',
    en: 'Offers awaiting an answer: {total} (for {sessions} {sessions|session|sessions})',
  },
  'overview.week': { nl: 'Komende 7 dagen ({count}):', en: 'Next 7 days ({count}):' },
  'overview.week_line': {
    nl: '• #{number} {organisation} – {when} – {have}/{need} begeleiders',
    en: '• #{number} {organisation} – {when} – {have}/{need} facilitators',
  },
  'overview.late_harvests': { nl: 'Oogst te laat ({count}):', en: 'Harvest late ({count}):' },
  'overview.late_line': {
    nl: '• #{number} {organisation} – afgelopen {when}',
    en: '• #{number} {organisation} – ended {when}',
  },
  'overview.none': { nl: '  (niets)', en: '  (nothing)' },
} as const;
