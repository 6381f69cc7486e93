// Used by the pure flow tests in src/ (no database, no app).
import type { FlowContext } from '../../src/flows/types.ts';

/** The context of an onboarded volunteer (Sanne, Dutch) on 29 November 2026, 11:00 in Amsterdam. */
export function volunteerContext(): FlowContext {
  return {
    now: new Date('2026-11-29T10:00:00Z'),
    zone: 'Europe/Amsterdam',
    locale: 'nl',
    person: {
      id: 'v1',
      displayName: 'Sanne',
      locale: 'nl',
      roles: ['VOLUNTEER'],
      onboarded: true,
      organisations: [],
    },
  };
}
