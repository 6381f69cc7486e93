import { DateTime } from 'luxon';
import { DURATION_MINUTES, PARTICIPANTS } from '../intake-parse.ts';
import { extractContact, extractOrganisation } from './extract-contact.ts';
import { extractDates } from './extract-dates.ts';
import {
  extractAccessibility,
  extractCoDesign,
  extractDuration,
  extractLanguages,
} from './extract-details.ts';
import { extractLocation } from './extract-location.ts';
import { extractParticipants, extractTargetGroup } from './extract-people.ts';
import { extractGoal, extractTheme } from './extract-topic.ts';
import { type ExtractedRequest, type ExtractionNotes, missingFields } from './extracted-request.ts';
import { textLanguage } from './text.ts';

export interface ExtractOptions {
  now: Date;
  /** The user's language; the text's own language decides how dates are read. */
  locale: 'nl' | 'en';
  zone?: string;
}

export interface Extraction {
  request: ExtractedRequest;
  notes: ExtractionNotes;
}

/** The rule-based extractor: one free-text message (Dutch or English) → a draft request. Pure. */
export function extractWithRules(text: string, opts: ExtractOptions): Extraction {
  const zone = opts.zone ?? 'Europe/Amsterdam';
  const lang = textLanguage(text, opts.locale);
  const dates = extractDates(text, { now: opts.now, zone, lang });
  const contact = extractContact(text);
  const participants = extractParticipants(text);
  const explicitDuration = extractDuration(text);
  const duration = inRange(explicitDuration ?? dates.rangeMinutes, DURATION_MINUTES);
  const dateOptions = dates.options.map((o) => ({
    start: o.start,
    end:
      o.end ??
      (duration === null
        ? null
        : (DateTime.fromISO(o.start, { zone })
            .plus({ minutes: duration })
            .toISO({ suppressMilliseconds: true }) ?? null)),
  }));
  const organisation = extractOrganisation(text, contact.name);
  const fields = {
    organisation,
    theme: extractTheme(text),
    goal: extractGoal(text),
    targetGroup: extractTargetGroup(text, organisation),
    expectedParticipants: inRange(participants, PARTICIPANTS),
    languages: extractLanguages(text),
    location: extractLocation(text),
    dateOptions,
    durationMinutes: duration,
    coDesign: extractCoDesign(text),
    accessibility: extractAccessibility(text),
    contact,
  };
  const uncertain = dates.guessedTime ? ['dateOptions'] : [];
  return {
    request: { ...fields, missing: missingFields(fields) },
    notes: { datesWithoutTime: dates.datesWithoutTime, uncertain },
  };
}

function inRange(n: number | null, lim: { min: number; max: number }): number | null {
  return n !== null && n >= lim.min && n <= lim.max ? n : null;
}
