import { WIJK_KEYS, WIJK_NAMES, type WijkKey } from '../wijken.ts';
import type { ExtractedRequest } from './extracted-request.ts';

/**
 * The fields of the intake flow's Draft (src/flows/intake/intake-state.ts) that an extraction can
 * fill, in the Draft's own conventions: wijk as a key, dates as UTC ISO strings. Declared here
 * (structurally the same) because the domain does not import from flows.
 */
export interface DraftPatch {
  organisation?: string;
  theme?: ExtractedRequest['theme'] & string;
  goal?: string;
  targetGroup?: string;
  participants?: number;
  languages?: string[];
  online?: boolean;
  wijk?: string;
  address?: string;
  dates?: string[];
  durationMinutes?: number;
  coDesign?: boolean;
  accessibility?: string | null;
  contactName?: string;
  contactEmail?: string | null;
  contactPhone?: string | null;
}

/** Only known values: an unknown field stays absent so the guided form still asks it. */
export function toDraftPatch(r: ExtractedRequest): DraftPatch {
  const p: DraftPatch = {};
  if (r.organisation) p.organisation = r.organisation;
  if (r.theme) p.theme = r.theme;
  if (r.goal) p.goal = r.goal;
  if (r.targetGroup) p.targetGroup = r.targetGroup;
  if (r.expectedParticipants !== null) p.participants = r.expectedParticipants;
  if (r.languages.length > 0) p.languages = r.languages;
  if (r.location.online !== null) p.online = r.location.online;
  const wijk = WIJK_KEYS.find((k: WijkKey) => WIJK_NAMES[k] === r.location.wijk);
  if (wijk && r.location.online !== true) p.wijk = wijk;
  if (r.location.address && r.location.online !== true) p.address = r.location.address;
  if (r.dateOptions.length > 0) p.dates = r.dateOptions.map((d) => new Date(d.start).toISOString());
  if (r.durationMinutes !== null) p.durationMinutes = r.durationMinutes;
  if (r.coDesign !== null) p.coDesign = r.coDesign;
  if (r.accessibility) p.accessibility = r.accessibility;
  if (r.contact.name) p.contactName = r.contact.name;
  if (r.contact.email || r.contact.phone) {
    p.contactEmail = r.contact.email;
    p.contactPhone = r.contact.phone;
  }
  return p;
}
