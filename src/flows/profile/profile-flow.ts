import { t } from '../../i18n/index.ts';
import {
  done,
  type FlowContext,
  type FlowDefinition,
  type FlowInput,
  stay,
  type Transition,
} from '../types.ts';
import { answer, enter } from './profile-answers.ts';
import { formatDay } from './profile-format.ts';
import { after } from './profile-save.ts';
import {
  ProfileSnapshotSchema,
  type ProfileState,
  ProfileStateSchema,
  SECTIONS,
  type Section,
} from './profile-state.ts';
import { promptFor } from './profile-view.ts';

type Result = Transition<ProfileState>;

/**
 * A volunteer's own profile: languages, wijken, themes, weekly availability, dates they cannot,
 * a monthly maximum and a pause. `/profiel` shows it all with a button per part; `/profiel talen`
 * or `/pauze tot 1 februari` go straight to one part. Every confirmed change is saved at once by
 * the `saveProfile` effect (one transaction, audit-logged); level and certification are shown only.
 */
export const profileFlow: FlowDefinition<ProfileState> = {
  name: 'profile',
  version: 1,
  schema: ProfileStateSchema,
  command: '/profiel',
  start(_ctx, args) {
    const open = opening(args);
    const state: ProfileState = {
      step: 'loading',
      profile: null,
      draft: {},
      open,
      returnTo: open.section ? 'end' : 'menu',
    };
    return stay(state, [], [{ type: 'loadProfile' }]);
  },
  step(state, input, ctx) {
    if (input.kind === 'command') {
      const args = input.command === 'pauze' ? `pauze ${input.args}` : input.args;
      return profileFlow.start(ctx, args.trim());
    }
    if (state.step === 'loading') return onLoaded(state, input, ctx);
    if (state.step === 'saving') return onSaved(state, input, ctx);
    if (!state.profile) return profileFlow.start(ctx, '');
    if (input.kind === 'media')
      return stay(state, [{ text: t(ctx.locale, 'error.media_not_expected') }, ...promptFor(state, ctx)]);
    if (isBack(input)) return state.step === 'menu' ? close(ctx) : toMenu(state, ctx);
    if (state.step === 'menu') return onMenu(state, input, ctx);
    return answer(state, state.step, input, ctx);
  },
  reprompt: (state, ctx) => promptFor(state, ctx),
};

/** "/profiel talen" → the languages part; "/pauze tot 1 februari" → the pause, with its answer. */
export function opening(args: string): { section: Section | null; args: string } {
  const [first = '', ...rest] = args.trim().split(/\s+/);
  const section = SECTION_WORDS[first.toLowerCase().replace(/['’]/g, '')] ?? null;
  return section ? { section, args: rest.join(' ') } : { section: null, args: '' };
}

function onLoaded(state: ProfileState, input: FlowInput, ctx: FlowContext): Result {
  // Only reachable when a load was interrupted (the shell always feeds the result back): load again.
  if (input.kind !== 'effect' || input.name !== 'loadProfile') return profileFlow.start(ctx, '');
  const parsed = input.result.ok ? ProfileSnapshotSchema.safeParse(input.result.data?.profile) : null;
  if (!parsed?.success) return done([{ text: t(ctx.locale, 'profile.load_failed') }]);
  const loaded: ProfileState = { ...state, profile: parsed.data, open: undefined };
  const section = state.open?.section;
  if (!section) return toMenu(loaded, ctx);
  const opened = enter(loaded, section, ctx);
  const text = state.open?.args.trim();
  if (!text || !opened.state) return opened;
  return answer(opened.state, section, { kind: 'text', text }, ctx);
}

function onSaved(state: ProfileState, input: FlowInput, ctx: FlowContext): Result {
  const l = ctx.locale;
  const from = state.saving?.from ?? 'languages';
  if (input.kind !== 'effect' || input.name !== 'saveProfile') return enter(state, from, ctx);
  const parsed = input.result.ok ? ProfileSnapshotSchema.safeParse(input.result.data?.profile) : null;
  if (!parsed?.success) {
    const back = enter({ ...state, step: from, saving: undefined }, from, ctx);
    return { ...back, replies: [{ text: t(l, 'profile.save_failed') }, ...back.replies] };
  }
  const profile = parsed.data;
  const kind = state.saving?.kind ?? 'field';
  const message =
    kind === 'pause' && profile.pausedUntil
      ? t(l, 'profile.saved.pause', { date: formatDay(profile.pausedUntil, l) })
      : kind === 'unpause'
        ? t(l, 'profile.saved.unpause')
        : [t(l, 'profile.saved'), state.saving?.note].filter(Boolean).join(' ');
  return after({ ...state, profile }, [{ text: message }], ctx);
}

function onMenu(state: ProfileState, input: FlowInput, ctx: FlowContext): Result {
  if (input.kind === 'button' && input.action === 'close') return close(ctx);
  if (input.kind === 'button' && input.action === 'edit' && SECTIONS.includes(input.value as Section))
    return enter(state, input.value as Section, ctx);
  if (input.kind === 'text') {
    const word = input.text.trim().toLowerCase();
    if (['klaar', 'done', 'ok', 'oké', 'sluiten', 'close'].includes(word)) return close(ctx);
    const { section } = opening(word);
    if (section) return enter(state, section, ctx);
  }
  return stay(state, [{ text: t(ctx.locale, 'profile.use_buttons') }, ...promptFor(state, ctx)]);
}

function toMenu(state: ProfileState, ctx: FlowContext): Result {
  const menu: ProfileState = { ...state, step: 'menu', draft: {}, saving: undefined, returnTo: 'menu' };
  return stay(menu, promptFor(menu, ctx));
}

const close = (ctx: FlowContext): Result => done([{ text: t(ctx.locale, 'profile.closed') }]);

function isBack(input: FlowInput): boolean {
  if (input.kind === 'button') return input.action === 'back';
  return input.kind === 'text' && ['terug', 'back', 'vorige'].includes(input.text.trim().toLowerCase());
}

const SECTION_WORDS: Readonly<Record<string, Section>> = {
  talen: 'languages',
  taal: 'languages',
  languages: 'languages',
  wijken: 'wijken',
  wijk: 'wijken',
  buurten: 'wijken',
  neighbourhoods: 'wijken',
  themas: 'themes',
  thema: 'themes',
  themes: 'themes',
  beschikbaarheid: 'availability',
  beschikbaar: 'availability',
  availability: 'availability',
  uitzonderingen: 'exceptions',
  datums: 'exceptions',
  exceptions: 'exceptions',
  dates: 'exceptions',
  max: 'max',
  maximum: 'max',
  pauze: 'pause',
  pause: 'pause',
  rondzendberichten: 'broadcasts',
  rondzenden: 'broadcasts',
  broadcasts: 'broadcasts',
};
