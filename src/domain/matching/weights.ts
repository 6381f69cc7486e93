/**
 * Every number that steers matching, in one place so a change is one reviewed diff. Points are
 * on one scale: a soft score of +3 is worth as much whichever preference it comes from.
 */
export const MATCHING_WEIGHTS = {
  wijk: {
    /** The session is in a wijk the volunteer named. */
    same: 3,
    /** … in a wijk bordering one they named. */
    neighbouring: 1,
    /** … elsewhere in the city (they named wijken, and this is not one of them). */
    elsewhere: -2,
  },
  theme: {
    /** The theme is on the volunteer's profile. */
    onProfile: 2,
    /** Per earlier session on this theme … */
    perPastSession: 0.5,
    /** … up to this much. */
    maxExperience: 2,
  },
  fairness: {
    /** Full points for no work in the lookback window; nothing at or above the own maximum. */
    load: 4,
    /** Full points for not having served in the lookback window (or ever); less the more recent. */
    recency: 2,
    lookbackDays: 90,
  },
  declines: {
    /** Per recent decline of a similar session (same weekday and part of day, or theme, or wijk). */
    perSimilar: -1.5,
    /** At most this much in total. */
    floor: -4,
    lookbackDays: 90,
  },
  diversity: {
    /** The candidate speaks a table language nobody on the team speaks. */
    addsTableLanguage: 2,
    /** The candidate speaks some other language nobody on the team speaks. */
    addsOtherLanguage: 0.5,
    /** Certified next to senior: experience meets fresh eyes. */
    mixedLevels: 0.5,
  },
  trainee: {
    /** Sessions a trainee shadows before certification. */
    shadowSessionsNeeded: 3,
    /** Per shadow session still needed. */
    perSessionNeeded: 1,
    /** A trainee next to a senior lead learns most. */
    seniorLead: 1,
  },
  batch: {
    /**
     * Value of filling a place, added to the candidate's score in the batch assignment. Much larger
     * than any score difference, so a filled place always beats a slightly better empty one. A
     * lead is worth more than a co-facilitator: a session without a lead cannot happen.
     */
    fill: { LEAD: 150, CO: 100, TRAINEE: 60 },
    /** The k-th place one volunteer gets in a single batch costs (k − 1) × this: spreads the work. */
    loadStep: 1.5,
  },
} as const;

/** Defaults of a matching run. */
export const MATCHING_DEFAULTS = {
  zone: 'Europe/Amsterdam',
  travelBufferMinutes: 30,
} as const;
