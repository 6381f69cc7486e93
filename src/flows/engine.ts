import { type Locale, t } from '../i18n/index.ts';
import { canonicalCommand, parseCommand } from './commands.ts';
import { hasRole, helpText, inProgressHint, notAllowed, nothing, setLocale } from './engine-replies.ts';
import { isFreeTextRequest } from './intake/intake-free-text.ts';
import { type AnyFlow, FLOWS } from './registry.ts';
import type { Effect, FlowContext, FlowInput, Reply, Transition } from './types.ts';

const GREETING =
  /^(hoi|hallo|hai|hey|hi|hello|goedemorgen|goedemiddag|goedenavond|good (morning|afternoon|evening))\b[\s!.,]*$/i;

/** The active conversation as the engine sees it. */
export interface ActiveFlow {
  flow: string;
  state: unknown;
}

/** The persisted form; `version` is the flow version that wrote it. */
export interface StoredFlow extends ActiveFlow {
  version: number;
}

/** What the engine decided: the new conversation (null = none), replies, and effects to run. */
export interface Decision {
  active: ActiveFlow | null;
  replies: Reply[];
  effects: Effect[];
  /** Whether effect results go back into the active flow. */
  effectsFromFlow: boolean;
  /** The locale replies were written in (changes when the person switches language). */
  locale: Locale;
}

/** Restores a persisted flow: parses its versioned state, or resets politely when it no longer fits. */
export function restore(
  stored: StoredFlow | null,
  ctx: FlowContext,
): { active: ActiveFlow | null; notices: Reply[] } {
  if (!stored) return { active: null, notices: [] };
  const def = FLOWS[stored.flow];
  let state: unknown = null;
  if (def) {
    if (stored.version === def.version) {
      const parsed = def.schema.safeParse(stored.state);
      state = parsed.success ? parsed.data : null;
    } else {
      state = def.migrate?.(stored.version, stored.state) ?? null;
    }
  }
  if (state === null) {
    const command = def?.command ?? '/help';
    return { active: null, notices: [{ text: t(ctx.locale, 'flow.reset_after_update', { command }) }] };
  }
  return { active: { flow: stored.flow, state }, notices: [] };
}

function fromTransition(
  flow: AnyFlow,
  tr: Transition<unknown>,
  ctx: FlowContext,
  prefix: Reply[] = [],
): Decision {
  return {
    active: tr.state === null ? null : { flow: flow.name, state: tr.state },
    replies: [...prefix, ...tr.replies],
    effects: tr.effects,
    effectsFromFlow: true,
    locale: ctx.locale,
  };
}

function startFlow(name: string, ctx: FlowContext, args: string, prefix: Reply[] = []): Decision {
  const flow = FLOWS[name] as AnyFlow;
  return fromTransition(flow, flow.start(ctx, args), ctx, prefix);
}

function stepFlow(active: ActiveFlow, input: FlowInput, ctx: FlowContext): Decision {
  const flow = FLOWS[active.flow] as AnyFlow;
  return fromTransition(flow, flow.step(active.state, input, ctx), ctx);
}

const PRIVACY_COMMANDS = { privacy: 'statement', mijngegevens: 'export', vergeetmij: 'erase' } as const;
const HARVEST_EXTRA = { belanghebbenden: 'stakeholders', reflecties: 'reflections' } as const;

/** Routes one input: global commands first, then the active flow, else a polite "not understood". */
export function decide(active: ActiveFlow | null, input: FlowInput, ctx: FlowContext): Decision {
  if (input.kind === 'effect') return active ? stepFlow(active, input, ctx) : nothing(ctx, null, []);
  if (input.kind === 'button' && input.action === 'setLocale') return setLocale(active, input.value, ctx);
  if (input.kind === 'button' && input.action === 'command') {
    // A button that runs a command ("fill in your profile now"); the command checks who may use it.
    return onCommand(active, parseCommand(`/${input.value ?? ''}`) ?? { command: '', args: '' }, ctx);
  }
  if (input.kind === 'button' && input.action === 'act.session.move') {
    // Moving asks a question, so it is a (short) conversation; who may move is checked when it runs.
    return startFlow('move', ctx, input.value ?? '');
  }
  if (input.kind === 'button' && input.action.startsWith('act.')) {
    // Action buttons (hand back, approve, assign…) check who may use them when they run.
    return nothing(ctx, active, [], [{ type: 'action', action: input.action, value: input.value ?? '' }]);
  }
  if (input.kind === 'button' && input.action.startsWith('offer.')) {
    // Offers live outside conversations: answering one leaves whatever the person was doing as it was.
    const action = input.action.slice('offer.'.length);
    if (action === 'accept' || action === 'decline' || action === 'reason') {
      return nothing(ctx, active, [], [{ type: 'offer', action, value: input.value ?? '' }]);
    }
  }
  if (input.kind === 'form') return onForm(active, input, ctx);

  let command: { command: string; args: string } | null = null;
  if (input.kind === 'command') command = { command: input.command, args: input.args };
  if (input.kind === 'text') {
    command = parseCommand(input.text);
    if (!command && ['stop', 'stoppen', 'annuleer'].includes(input.text.trim().toLowerCase())) {
      command = { command: 'stop', args: '' };
    }
  }
  if (command) return onCommand(active, command, ctx);

  if (!ctx.person.onboarded && active?.flow !== 'onboarding') {
    return startFlow('onboarding', ctx, '', [{ text: t(ctx.locale, 'onboarding.please_start') }]);
  }
  if (active) return stepFlow(active, input, ctx);
  // A partner who just writes their request, without /aanvragen, is understood too.
  if (input.kind === 'text' && hasRole(ctx, 'PARTNER', 'COORDINATOR') && isFreeTextRequest(input.text)) {
    return startFlow('intake', ctx, input.text);
  }
  if (input.kind === 'text' && GREETING.test(input.text.trim())) {
    return nothing(ctx, null, [
      { text: `${t(ctx.locale, 'greeting', { name: ctx.person.displayName })}\n\n${helpText(ctx)}` },
    ]);
  }
  if (input.kind === 'button') return nothing(ctx, null, [{ text: t(ctx.locale, 'error.stale_button') }]);
  if (input.kind === 'media')
    return nothing(ctx, null, [{ text: t(ctx.locale, 'error.media_not_expected') }]);
  // A volunteer may answer an open offer in words; the effect says "not understood" when there is none.
  if (input.kind === 'text' && hasRole(ctx, 'VOLUNTEER'))
    return nothing(ctx, null, [], [{ type: 'offer', action: 'typed', value: input.text.slice(0, 500) }]);
  return nothing(ctx, null, [{ text: t(ctx.locale, 'error.not_understood') }]);
}

function onCommand(
  active: ActiveFlow | null,
  cmd: { command: string; args: string },
  ctx: FlowContext,
): Decision {
  const l = ctx.locale;
  const name = canonicalCommand(cmd.command);
  switch (name) {
    case 'stop':
      return active
        ? nothing(ctx, null, [{ text: t(l, 'flow.stopped') }])
        : nothing(ctx, null, [{ text: t(l, 'flow.nothing_to_stop') }]);
    case 'start':
      if (ctx.person.onboarded) {
        const roles = ctx.person.roles.map((r) => t(l, `role.${r}`)).join(', ');
        return nothing(ctx, active, [{ text: t(l, 'onboarding.already', { roles }) }]);
      }
      return startFlow('onboarding', ctx, cmd.args);
    case 'help':
      return nothing(ctx, active, [{ text: helpText(ctx) }, ...inProgressHint(active, ctx)]);
    case 'koppel':
      // Allowed before sign-up: typing a code from another app is how a second account joins.
      return nothing(ctx, active, [], [{ type: 'link', args: cmd.args }]);
    case 'taal':
      if (cmd.args) return setLocale(active, cmd.args.trim().toLowerCase(), ctx);
      return nothing(ctx, active, [
        {
          text: t(l, 'language.ask'),
          buttons: [
            [
              { label: t(l, 'language.nl'), action: 'setLocale', value: 'nl' },
              { label: t(l, 'language.en'), action: 'setLocale', value: 'en' },
            ],
          ],
        },
      ]);
    case 'privacy':
    case 'mijngegevens':
    case 'vergeetmij':
      // Privacy rights hold for everyone the bot has stored anything about, signed up or not.
      return nothing(ctx, active, [], [{ type: 'privacy', command: PRIVACY_COMMANDS[name] }]);
    case 'aanvragen':
      if (!ctx.person.onboarded) return needOnboarding(active, ctx);
      if (!hasRole(ctx, 'PARTNER', 'COORDINATOR')) return notAllowed(active, ctx, 'PARTNER', 'COORDINATOR');
      if (active?.flow === 'intake')
        return stepFlow(active, { kind: 'command', command: 'aanvragen', args: '' }, ctx);
      return startFlow('intake', ctx, cmd.args);
    case 'kandidaten':
    case 'instellingen':
    case 'eerlijkheid':
    case 'niveau':
      if (!hasRole(ctx, 'COORDINATOR')) return notAllowed(active, ctx, 'COORDINATOR');
      return nothing(ctx, active, [], [{ type: 'coordinator', command: name, args: cmd.args }]);
    case 'overzicht':
      if (!hasRole(ctx, 'COORDINATOR')) return notAllowed(active, ctx, 'COORDINATOR');
      return nothing(ctx, active, [], [{ type: 'overview' }]);
    case 'dashboard':
      if (!hasRole(ctx, 'COORDINATOR')) return notAllowed(active, ctx, 'COORDINATOR');
      return nothing(ctx, active, [], [{ type: 'dashboard' }]);
    case 'uitnodigen':
      if (!hasRole(ctx, 'COORDINATOR')) return notAllowed(active, ctx, 'COORDINATOR');
      return nothing(ctx, active, [], [{ type: 'invite', args: cmd.args }]);
    case 'rondsturen':
      if (!hasRole(ctx, 'COORDINATOR')) return notAllowed(active, ctx, 'COORDINATOR');
      return startFlow('broadcast', ctx, cmd.args);
    case 'gespreksvorm':
      if (!hasRole(ctx, 'COORDINATOR')) return notAllowed(active, ctx, 'COORDINATOR');
      return startFlow('codesign', ctx, cmd.args);
    case 'mijnsessies':
      if (!ctx.person.onboarded) return needOnboarding(active, ctx);
      if (!hasRole(ctx, 'VOLUNTEER')) return notAllowed(active, ctx, 'VOLUNTEER');
      return nothing(ctx, active, [], [{ type: 'listMySessions' }]);
    case 'profiel':
    case 'pauze':
      if (!ctx.person.onboarded) return needOnboarding(active, ctx);
      if (!hasRole(ctx, 'VOLUNTEER')) return notAllowed(active, ctx, 'VOLUNTEER');
      if (active?.flow === 'profile')
        return stepFlow(active, { kind: 'command', command: name, args: cmd.args }, ctx);
      return startFlow('profile', ctx, name === 'pauze' ? `pauze ${cmd.args}`.trim() : cmd.args);
    case 'oogst':
      // Starts or resumes: the answers live in the harvest row, so a fresh start picks up where it was.
      if (!ctx.person.onboarded) return needOnboarding(active, ctx);
      if (!hasRole(ctx, 'VOLUNTEER')) return notAllowed(active, ctx, 'VOLUNTEER');
      return startFlow('harvest', ctx, cmd.args);
    case 'belanghebbenden':
    case 'reflecties':
      if (!hasRole(ctx, 'COORDINATOR')) return notAllowed(active, ctx, 'COORDINATOR');
      return nothing(ctx, active, [], [{ type: 'harvestExtra', op: HARVEST_EXTRA[name], args: cmd.args }]);
    case 'opbrengst':
      if (!ctx.person.onboarded) return needOnboarding(active, ctx);
      if (!hasRole(ctx, 'PARTNER', 'COORDINATOR')) return notAllowed(active, ctx, 'PARTNER', 'COORDINATOR');
      return startFlow('outcome', ctx, cmd.args);
    case 'mijnaanvragen':
      if (!ctx.person.onboarded) return needOnboarding(active, ctx);
      if (!hasRole(ctx, 'PARTNER', 'COORDINATOR')) return notAllowed(active, ctx, 'PARTNER', 'COORDINATOR');
      return nothing(ctx, active, [], [{ type: 'listMyRequests' }]);
    default:
      return nothing(ctx, active, [
        { text: t(l, 'error.unknown_command', { command: `/${cmd.command}`.slice(0, 40) }) },
        ...inProgressHint(active, ctx),
      ]);
  }
}

/** A filled-in request form: same rights as /aanvragen; it replaces an intake in progress. */
function onForm(active: ActiveFlow | null, input: FlowInput, ctx: FlowContext): Decision {
  if (!ctx.person.onboarded) return needOnboarding(active, ctx);
  if (!hasRole(ctx, 'PARTNER', 'COORDINATOR')) return notAllowed(active, ctx, 'PARTNER', 'COORDINATOR');
  if (active?.flow === 'intake') return stepFlow(active, input, ctx);
  const intake = FLOWS.intake as AnyFlow;
  const fresh = intake.start(ctx, '').state;
  return fromTransition(intake, intake.step(fresh, input, ctx), ctx);
}

function needOnboarding(active: ActiveFlow | null, ctx: FlowContext): Decision {
  if (active?.flow === 'onboarding') {
    const flow = FLOWS.onboarding as AnyFlow;
    return nothing(ctx, active, [
      { text: t(ctx.locale, 'onboarding.please_start') },
      ...flow.reprompt(active.state, ctx),
    ]);
  }
  return startFlow('onboarding', ctx, '', [{ text: t(ctx.locale, 'onboarding.please_start') }]);
}
