import { z } from 'zod';
import { CONSENT_VERSION } from '../domain/privacy.ts';
import { t } from '../i18n/index.ts';
import {
  done,
  type FlowContext,
  type FlowDefinition,
  type FlowInput,
  type Reply,
  type RoleName,
  stay,
  type Transition,
} from './types.ts';

const Role = z.enum(['PARTNER', 'VOLUNTEER', 'COORDINATOR']);
const OnboardingState = z.object({
  step: z.enum(['role', 'invite', 'checkingInvite', 'name', 'organisation', 'consent', 'completing']),
  role: Role.optional(),
  invite: z.string().optional(),
  name: z.string().optional(),
  organisation: z.string().optional(),
});
type State = z.infer<typeof OnboardingState>;

const NAME_MAX = 80;
const ORG_MAX = 120;

/** Sign-up: who are you (partner, or volunteer/coordinator with an invite code), name, consent. */
export const onboardingFlow: FlowDefinition<State> = {
  name: 'onboarding',
  version: 1,
  schema: OnboardingState,
  command: '/start',
  start(ctx, args) {
    const code = args.trim();
    if (code) return stay({ step: 'checkingInvite', invite: code }, [], [{ type: 'checkInvite', code }]);
    const state: State = { step: 'role' };
    return stay(state, [{ text: t(ctx.locale, 'onboarding.welcome'), buttons: roleButtons(ctx) }]);
  },
  step(state, input, ctx) {
    switch (state.step) {
      case 'role':
        return onRole(state, input, ctx);
      case 'invite':
        return onInvite(state, input, ctx);
      case 'checkingInvite':
        return onInviteChecked(state, input, ctx);
      case 'name':
        return onName(state, input, ctx);
      case 'organisation':
        return onOrganisation(state, input, ctx);
      case 'consent':
        return onConsent(state, input, ctx);
      case 'completing':
        return onCompleted(state, input, ctx);
    }
  },
  reprompt: (state, ctx) => prompt(state, ctx),
};

function roleButtons(ctx: FlowContext) {
  return [
    [{ label: t(ctx.locale, 'onboarding.role.partner'), action: 'role', value: 'PARTNER' }],
    [{ label: t(ctx.locale, 'onboarding.role.volunteer'), action: 'role', value: 'VOLUNTEER' }],
    [{ label: t(ctx.locale, 'onboarding.role.coordinator'), action: 'role', value: 'COORDINATOR' }],
  ];
}

function prompt(state: State, ctx: FlowContext): Reply[] {
  const l = ctx.locale;
  switch (state.step) {
    case 'role':
      return [{ text: t(l, 'onboarding.welcome'), buttons: roleButtons(ctx) }];
    case 'invite':
      return [{ text: t(l, 'onboarding.ask_invite', { role: t(l, `role.${state.role ?? 'VOLUNTEER'}`) }) }];
    case 'name': {
      const known = ctx.person.displayName.trim();
      return [
        {
          text: t(l, 'onboarding.ask_name'),
          buttons: known
            ? [[{ label: known.slice(0, 60), action: 'name', value: known.slice(0, NAME_MAX) }]]
            : [],
        },
      ];
    }
    case 'organisation':
      return [{ text: t(l, 'onboarding.ask_organisation') }];
    case 'consent':
      return [
        {
          text: t(l, 'onboarding.consent', { version: CONSENT_VERSION }),
          buttons: [
            [
              { label: t(l, 'onboarding.consent.yes'), action: 'consent', value: 'yes' },
              { label: t(l, 'onboarding.consent.no'), action: 'consent', value: 'no' },
            ],
          ],
        },
      ];
    default:
      return [];
  }
}

function onRole(state: State, input: FlowInput, ctx: FlowContext): Transition<State> {
  const role = input.kind === 'button' && input.action === 'role' ? Role.safeParse(input.value) : null;
  if (!role?.success)
    return stay(state, [{ text: t(ctx.locale, 'onboarding.choose_role'), buttons: roleButtons(ctx) }]);
  const next: State =
    role.data === 'PARTNER' ? { step: 'name', role: role.data } : { step: 'invite', role: role.data };
  return stay(next, prompt(next, ctx));
}

function onInvite(state: State, input: FlowInput, ctx: FlowContext): Transition<State> {
  if (input.kind !== 'text' || !input.text.trim()) return stay(state, prompt(state, ctx));
  const code = input.text.trim().slice(0, 64);
  return stay({ ...state, step: 'checkingInvite', invite: code }, [], [{ type: 'checkInvite', code }]);
}

function onInviteChecked(state: State, input: FlowInput, ctx: FlowContext): Transition<State> {
  // Only reachable when a check was interrupted (the shell always feeds the result back): ask again.
  if (input.kind !== 'effect' || input.name !== 'checkInvite') {
    const back: State = { step: 'invite', role: state.role ?? 'VOLUNTEER' };
    return stay(back, prompt(back, ctx));
  }
  const l = ctx.locale;
  if (!input.result.ok) {
    const back: State = { step: 'invite', role: state.role ?? 'VOLUNTEER' };
    return stay(back, [{ text: t(l, 'onboarding.invite_invalid') }]);
  }
  const codeRole = Role.parse(input.result.data?.role);
  const replies: Reply[] = [];
  if (state.role && state.role !== codeRole) {
    replies.push({ text: t(l, 'onboarding.invite_wrong_role', { role: t(l, `role.${codeRole}`) }) });
  }
  const next: State = { ...state, step: 'name', role: codeRole };
  return stay(next, [...replies, ...prompt(next, ctx)]);
}

function onName(state: State, input: FlowInput, ctx: FlowContext): Transition<State> {
  const raw =
    input.kind === 'text'
      ? input.text
      : input.kind === 'button' && input.action === 'name'
        ? input.value
        : '';
  const name = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (!name) return stay(state, prompt(state, ctx));
  if (name.length > NAME_MAX) {
    return stay(state, [
      { text: t(ctx.locale, 'invalid.too_long', { length: name.length, limit: NAME_MAX }) },
    ]);
  }
  const next: State = { ...state, name, step: state.role === 'PARTNER' ? 'organisation' : 'consent' };
  return stay(next, prompt(next, ctx));
}

function onOrganisation(state: State, input: FlowInput, ctx: FlowContext): Transition<State> {
  const org = input.kind === 'text' ? input.text.replace(/\s+/g, ' ').trim() : '';
  if (org.length < 2) return stay(state, prompt(state, ctx));
  if (org.length > ORG_MAX) {
    return stay(state, [{ text: t(ctx.locale, 'invalid.too_long', { length: org.length, limit: ORG_MAX }) }]);
  }
  const next: State = { ...state, organisation: org, step: 'consent' };
  return stay(next, prompt(next, ctx));
}

function onConsent(state: State, input: FlowInput, ctx: FlowContext): Transition<State> {
  const answer = input.kind === 'button' && input.action === 'consent' ? input.value : yesNoText(input);
  if (answer === 'no') return done([{ text: t(ctx.locale, 'onboarding.consent_declined') }]);
  if (answer !== 'yes') return stay(state, prompt(state, ctx));
  const role: RoleName = state.role ?? 'PARTNER';
  return stay(
    { ...state, step: 'completing' },
    [],
    [
      {
        type: 'completeOnboarding',
        role,
        displayName: state.name ?? ctx.person.displayName,
        organisationName: state.organisation,
        inviteCode: state.invite,
        consentVersion: CONSENT_VERSION,
      },
    ],
  );
}

function onCompleted(state: State, input: FlowInput, ctx: FlowContext): Transition<State> {
  if (input.kind !== 'effect' || input.name !== 'completeOnboarding') {
    const back: State = { ...state, step: 'consent' };
    return stay(back, prompt(back, ctx));
  }
  const l = ctx.locale;
  if (!input.result.ok)
    return stay({ step: 'invite', role: state.role }, [{ text: t(l, 'onboarding.invite_invalid') }]);
  const name = state.name ?? ctx.person.displayName;
  const key =
    state.role === 'PARTNER'
      ? 'onboarding.done.partner'
      : state.role === 'COORDINATOR'
        ? 'onboarding.done.coordinator'
        : 'onboarding.done.volunteer';
  const welcome = { text: t(l, key, { name, organisation: state.organisation ?? '' }) };
  if (key !== 'onboarding.done.volunteer') return done([welcome]);
  // Matching needs languages, wijken and availability: offer the profile while the volunteer is here.
  const now = { label: t(l, 'profile.offer_now'), action: 'command', value: 'profiel' };
  return done([welcome, { text: t(l, 'profile.offer_after_onboarding'), buttons: [[now]] }]);
}

function yesNoText(input: FlowInput): 'yes' | 'no' | null {
  if (input.kind !== 'text') return null;
  const v = input.text.trim().toLowerCase();
  if (['ja', 'yes', 'j', 'y', 'akkoord', 'ok', 'oké', 'agree', 'i agree'].includes(v)) return 'yes';
  if (['nee', 'no', 'n', 'niet akkoord'].includes(v)) return 'no';
  return null;
}
