import type { z } from 'zod';
import type { Locale } from '../i18n/index.ts';
import type { ProfilePatch } from './profile/profile-state.ts';

export type RoleName = 'PARTNER' | 'VOLUNTEER' | 'COORDINATOR';

/** What a flow may know about the person it talks to (read-only snapshot). */
export interface PersonView {
  id: string;
  displayName: string;
  locale: Locale;
  roles: RoleName[];
  onboarded: boolean;
  organisations: { id: string; name: string }[];
}

/** The environment of one transition: no I/O, only data. */
export interface FlowContext {
  now: Date;
  zone: string;
  person: PersonView;
  locale: Locale;
}

/** A button as a flow describes it; the shell turns it into an opaque short id. */
export interface ButtonSpec {
  label: string;
  action: string;
  value?: string;
}

/** A message back to the person who is talking to the flow. */
export interface Reply {
  text: string;
  buttons?: ButtonSpec[][];
  /**
   * Names the question the buttons answer when it may be answered only once (a confirmation:
   * `handback:<id>`): the first press of any of them retires them all, and so does asking the same
   * question again. A retired button is answered as stale. Leave it out for buttons meant to be
   * pressed more than once (one per item of a list).
   */
  question?: string;
}

/** What happened, as a flow sees it. `effect` carries the result of an effect the flow asked for. */
export type FlowInput =
  | { kind: 'start'; args: string }
  | { kind: 'text'; text: string }
  | { kind: 'button'; action: string; value?: string }
  | { kind: 'command'; command: string; args: string }
  | { kind: 'media'; mediaKind: 'voice' | 'photo' | 'document'; fileRef?: string }
  | { kind: 'form'; form: 'intake'; values: Record<string, string> }
  | { kind: 'effect'; name: string; result: EffectResult };

export type EffectResult = { ok: true; data?: Record<string, unknown> } | { ok: false; error: string };

/** Side effects a flow asks the shell to carry out. Results come back as `effect` inputs. */
export type Effect =
  | { type: 'checkInvite'; code: string }
  | {
      type: 'completeOnboarding';
      role: RoleName;
      displayName: string;
      organisationName?: string;
      inviteCode?: string;
      consentVersion: string;
    }
  | { type: 'setLocale'; locale: Locale }
  | { type: 'submitRequest'; draft: unknown }
  | { type: 'listMyRequests' }
  | { type: 'offer'; action: 'accept' | 'decline' | 'reason' | 'typed'; value: string }
  | { type: 'action'; action: string; value: string }
  | { type: 'listMySessions' }
  | { type: 'extractRequest'; text: string }
  | { type: 'loadCodesign'; number: number }
  | { type: 'saveCodesign'; requestId: string; format: string; questions: string[] }
  | { type: 'moveSession'; sessionId: string; start: string }
  | { type: 'link'; args: string }
  | { type: 'coordinator'; command: 'kandidaten' | 'instellingen' | 'eerlijkheid' | 'niveau'; args: string }
  | { type: 'privacy'; command: 'statement' | 'export' | 'erase' }
  | { type: 'overview' }
  | { type: 'invite'; args: string }
  | { type: 'broadcastDraft'; text: string; filter: { wijk?: string; level?: string } }
  | { type: 'dashboard' }
  | { type: 'harvestLoad'; args: string }
  | { type: 'harvestSave'; sessionId: string; notes: unknown; media?: 'voice' | 'photo' | 'document' }
  | { type: 'harvestApprove'; sessionId: string; harvest: unknown }
  | {
      type: 'harvestExtra';
      op: 'stakeholders' | 'reflections' | 'outcomeLoad' | 'outcomeSave';
      args: string;
      sessionId?: string;
    }
  | { type: 'harvestMedia'; sessionId: string; notes: unknown; index: number }
  | { type: 'harvestDraft'; sessionId: string }
  | { type: 'loadProfile' }
  | { type: 'lastContact' }
  | { type: 'saveProfile'; patch: ProfilePatch };

/** The result of a pure transition. A null state ends the flow. */
export interface Transition<S> {
  state: S | null;
  replies: Reply[];
  effects: Effect[];
}

/** A conversation flow: a versioned state schema and pure functions over it. */
export interface FlowDefinition<S> {
  name: string;
  version: number;
  schema: z.ZodType<S>;
  /** The command that (re)starts this flow, for the "start again with …" message. */
  command: string;
  start(ctx: FlowContext, args: string): Transition<S>;
  step(state: S, input: FlowInput, ctx: FlowContext): Transition<S>;
  /** Asks the current question again (after a language change, a resume, or a help interruption). */
  reprompt(state: S, ctx: FlowContext): Reply[];
  /** Upgrades an older persisted state; returning null makes the shell reset the flow politely. */
  migrate?(version: number, state: unknown): S | null;
}

export const done = <S>(replies: Reply[], effects: Effect[] = []): Transition<S> => ({
  state: null,
  replies,
  effects,
});
export const stay = <S>(state: S, replies: Reply[], effects: Effect[] = []): Transition<S> => ({
  state,
  replies,
  effects,
});
