import { type Locale, t } from '../../i18n/index.ts';
import type { EffectScope } from '../effects.ts';
import type { ButtonSpec, EffectResult, FlowInput } from '../types.ts';
import { type IntakeState, type PreviousContact, PreviousContactSchema } from './intake-state.ts';

// "Same as last time": a partner's contact details from their most recent request, offered as one
// button at the contact step. Loaded once, by an effect when the intake starts.

/** Data access for the previous contact (implemented in src/db/intake-contact-repo.ts). */
export interface IntakeContactRepos {
  /** Contact details of the person's most recent request, or null when there is none. */
  lastContact(personId: string): Promise<PreviousContact | null>;
}

/** The effect's work: the talker's own most recent request only. */
export async function runLastContact(s: EffectScope): Promise<EffectResult> {
  const contact = await s.repos.intakeContact.lastContact(s.ctx.person.id);
  return { ok: true, data: { contact } };
}

/** The state with the loaded contact, when the effect's result is one. */
export function withLoadedContact(state: IntakeState, input: FlowInput): IntakeState | null {
  if (input.kind !== 'effect' || input.name !== 'lastContact') return null;
  const parsed = input.result.ok ? PreviousContactSchema.safeParse(input.result.data?.contact) : null;
  return parsed?.success ? { ...state, previousContact: parsed.data } : state;
}

/** The button row under the contact-name question ("Same as last time: Fatima, fatima@…"). */
export function sameContactRow(state: IntakeState, l: Locale): ButtonSpec[][] {
  const c = state.previousContact;
  if (!c) return [];
  const reach = [c.email, c.phone].filter(Boolean).join(', ');
  const label = t(l, 'intake.contact.same', { name: c.name, reach }).slice(0, 120);
  return [[{ label, action: 'sameContact' }]];
}

export const isSameContact = (input: FlowInput): boolean =>
  input.kind === 'button' && input.action === 'sameContact';
