import type { OfferRole, SessionSnapshot } from './types.ts';

/** Facilitators booked for a session (trainees not counted). */
export const activeFacilitators = (s: SessionSnapshot) => s.assignments.filter((a) => a.role !== 'TRAINEE');
export const openPlaces = (s: SessionSnapshot, role: OfferRole) =>
  role === 'LEAD'
    ? s.facilitatorsNeeded - activeFacilitators(s).length
    : s.traineePlaces - s.assignments.filter((a) => a.role === 'TRAINEE').length;
