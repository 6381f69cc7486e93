import { suggestCodesign } from '../../domain/codesign.ts';
import { exampleDate } from '../../domain/time.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import {
  done,
  type FlowContext,
  type FlowDefinition,
  type FlowInput,
  stay,
  type Transition,
} from '../types.ts';
import { applyAnswer } from './intake-answers.ts';
import { isSameContact, withLoadedContact } from './intake-contact.ts';
import { validateIntakeForm } from './intake-form.ts';
import { isFreeTextRequest, onExtracted, startExtraction } from './intake-free-text.ts';
import { promptFor } from './intake-prompts.ts';
import {
  applies,
  CompleteDraftSchema,
  type Draft,
  FIELD_STEPS,
  FIELDS,
  type Field,
  type IntakeState,
  IntakeStateSchema,
  nextStep,
  STEPS,
  type Step,
} from './intake-state.ts';

type Result = Transition<IntakeState>;
type AnswerStep = (typeof STEPS)[number];

/** A partner with exactly one organisation is not asked for it (it can still be changed at the summary). */
const skipOrganisation = (ctx: FlowContext) =>
  ctx.person.organisations.length === 1 && !ctx.person.roles.includes('COORDINATOR');

function fresh(ctx: FlowContext): IntakeState {
  const draft: Draft = skipOrganisation(ctx) ? { organisation: ctx.person.organisations[0]?.name } : {};
  const state: IntakeState = { step: 'organisation', draft, history: [], editing: null };
  const first = STEPS.find((s) => applies(s, draft, skipOrganisation(ctx))) ?? 'theme';
  return { ...state, step: first };
}

const ask = (state: IntakeState, ctx: FlowContext): Result => stay(state, promptFor(state, ctx));

/** The guided dialogue request: one question at a time, back and change always possible. */
export const intakeFlow: FlowDefinition<IntakeState> = {
  name: 'intake',
  version: 1,
  schema: IntakeStateSchema,
  command: '/aanvragen',
  start(ctx, args) {
    const state = fresh(ctx);
    // "/aanvragen Wij willen op dinsdag…": the whole request in one go.
    const begun = isFreeTextRequest(args)
      ? startExtraction(state, args)
      : stay(state, [{ text: t(ctx.locale, 'intake.intro') }, ...promptFor(state, ctx)]);
    // The previous request's contact, for "same as last time" (one query, only at the start).
    return { ...begun, effects: [...begun.effects, { type: 'lastContact' }] };
  },
  step(state, input, ctx) {
    const loaded = withLoadedContact(state, input);
    if (loaded) return stay(loaded, []);
    if (state.step === 'contactName' && isSameContact(input) && state.previousContact)
      return onSameContact(state, ctx);
    if (input.kind === 'command' && input.command === 'aanvragen') {
      if (state.step === 'resumeChoice') return ask(state, ctx);
      const resumeStep = state.step === 'submitting' || state.step === 'extracting' ? 'summary' : state.step;
      return ask({ ...state, step: 'resumeChoice', resumeStep }, ctx);
    }
    if (state.step === 'submitting') return onSubmitted(state, input, ctx);
    if (state.step === 'extracting')
      return onExtracted(state, input, ctx, (s) => nextStep(s, 'organisation', skipOrganisation(ctx)));
    // Before the first answer, a message that reads like a whole request is read as one.
    if (
      input.kind === 'text' &&
      state.history.length === 0 &&
      !state.skipFilled &&
      isFreeTextRequest(input.text)
    ) {
      return startExtraction(state, input.text);
    }
    if (input.kind === 'form') return onForm(state, input.values, ctx);
    if (state.step === 'resumeChoice') return onResumeChoice(state, input, ctx);
    if (isBack(input)) return goBack(state, ctx);
    if (state.step === 'summary') return onSummary(state, input, ctx);
    return onAnswer(state, state.step, input, ctx);
  },
  reprompt: (state, ctx) => promptFor(state, ctx),
};

function isBack(input: FlowInput): boolean {
  if (input.kind === 'button') return input.action === 'back';
  return input.kind === 'text' && ['terug', 'back', 'vorige'].includes(input.text.trim().toLowerCase());
}

function goBack(state: IntakeState, ctx: FlowContext): Result {
  const history = [...state.history];
  const previous = history.pop();
  if (!previous) return ask(state, ctx);
  const draft = { ...state.draft };
  // Going back to the date question means that date is being replaced, not added to.
  if (previous === 'date' && draft.dates?.length) draft.dates = draft.dates.slice(0, -1);
  const editing = previous === 'summary' ? null : state.editing;
  return ask({ ...state, step: previous, history, draft, editing }, ctx);
}

function onResumeChoice(state: IntakeState, input: FlowInput, ctx: FlowContext): Result {
  const choice =
    input.kind === 'button' ? input.value : input.kind === 'text' ? input.text.trim().toLowerCase() : '';
  if (choice === 'restart' || choice === 'opnieuw') return intakeFlow.start(ctx, '');
  if (choice === 'resume' || choice === 'verder' || choice === 'verdergaan') {
    return ask({ ...state, step: state.resumeStep ?? 'summary', resumeStep: undefined }, ctx);
  }
  return stay(state, [{ text: t(ctx.locale, 'intake.use_buttons') }, ...promptFor(state, ctx)]);
}

/** "Same as last time": name, e-mail and phone at once; the contact-reach question is skipped. */
function onSameContact(state: IntakeState, ctx: FlowContext): Result {
  const c = state.previousContact;
  if (!c) return ask(state, ctx);
  const draft = { ...state.draft, contactName: c.name, contactEmail: c.email, contactPhone: c.phone };
  const answered: IntakeState = { ...state, draft };
  const next = state.editing ? 'summary' : nextStep(answered, 'contactReach', skipOrganisation(ctx));
  const history: AnswerStep[] = [...state.history, 'contactName'];
  return ask({ ...answered, step: next, history, editing: next === 'summary' ? null : state.editing }, ctx);
}

function onAnswer(state: IntakeState, step: AnswerStep, input: FlowInput, ctx: FlowContext): Result {
  const l = ctx.locale;
  let value: string;
  let fromButton = false;
  if (input.kind === 'button' && input.action === 'answer' && input.value !== undefined) {
    value = input.value;
    fromButton = true;
  } else if (input.kind === 'text') {
    value = input.text;
  } else if (input.kind === 'media') {
    return stay(state, [{ text: t(l, 'error.media_not_expected') }, ...promptFor(state, ctx)]);
  } else {
    return stay(state, [{ text: t(l, 'intake.use_buttons_or_type') }, ...promptFor(state, ctx)]);
  }
  const r = applyAnswer(step, value, fromButton, state.draft, ctx);
  if (!r.ok) {
    const buttons = promptFor(state, ctx).at(-1)?.buttons;
    return stay(state, [{ text: r.message, buttons }]);
  }
  const answered: IntakeState = { ...state, draft: r.draft };
  let next = r.next ?? nextStep(answered, step, skipOrganisation(ctx));
  let editing = state.editing;
  if (next === 'summary') editing = null;
  if (editing && !FIELD_STEPS[editing].some((s) => s === next)) next = 'summary';
  const moved: IntakeState = { ...answered, step: next, history: [...state.history, step], editing };
  return ask(moved, ctx);
}

function onSummary(state: IntakeState, input: FlowInput, ctx: FlowContext): Result {
  const l = ctx.locale;
  const confirmWords = ['ja', 'yes', 'versturen', 'verstuur', 'submit', 'ok', 'klopt'];
  if (
    (input.kind === 'button' && input.action === 'confirm') ||
    (input.kind === 'text' && confirmWords.includes(input.text.trim().toLowerCase()))
  ) {
    const complete = CompleteDraftSchema.safeParse(state.draft);
    if (!complete.success) {
      // A field is missing (e.g. a state from before a change): ask for the first missing one.
      const missing = STEPS.find((s) => s !== 'summary' && needs(s, state.draft, ctx)) ?? 'theme';
      return ask({ ...state, step: missing }, ctx);
    }
    return stay({ ...state, step: 'submitting' }, [], [{ type: 'submitRequest', draft: complete.data }]);
  }
  if (input.kind === 'button' && input.action === 'cancel') {
    // One tap next to twelve "change" buttons should not throw a whole request away.
    return stay(state, [
      {
        text: t(l, 'intake.cancel_confirm'),
        buttons: [
          [
            { label: t(l, 'intake.cancel_yes'), action: 'cancelConfirm' },
            { label: t(l, 'intake.cancel_no'), action: 'cancelKeep' },
          ],
        ],
      },
    ]);
  }
  if (input.kind === 'button' && input.action === 'cancelConfirm')
    return done([{ text: t(l, 'intake.cancelled') }]);
  if (input.kind === 'button' && input.action === 'cancelKeep') return ask(state, ctx);
  if (input.kind === 'button' && input.action === 'change' && FIELDS.includes(input.value as Field)) {
    const field = input.value as Field;
    const draft = { ...state.draft };
    if (field === 'dates') {
      draft.dates = [];
      draft.scheduleMode = undefined;
    }
    const first = FIELD_STEPS[field][0];
    return ask({ ...state, draft, step: first, editing: field, history: [...state.history, 'summary'] }, ctx);
  }
  return stay(state, [{ text: t(l, 'intake.use_buttons') }, ...promptFor(state, ctx)]);
}

function needs(step: Step, draft: Draft, ctx: FlowContext): boolean {
  if (!applies(step, draft, skipOrganisation(ctx))) return false;
  const has: Partial<Record<Step, unknown>> = {
    organisation: draft.organisation,
    theme: draft.theme,
    goal: draft.goal,
    targetGroup: draft.targetGroup,
    participants: draft.participants,
    languages: draft.languages?.length ? draft.languages : undefined,
    locationType: draft.online,
    wijk: draft.wijk,
    address: draft.address,
    date: draft.dates?.length ? draft.dates : undefined,
    duration: draft.durationMinutes,
    coDesign: draft.coDesign,
    contactName: draft.contactName,
  };
  return step in has && has[step] === undefined;
}

/** A whole form at once: on to the summary (confirmed in chat as usual), or the problems and the current question. */
function onForm(state: IntakeState, values: Record<string, string>, ctx: FlowContext): Result {
  const r = validateIntakeForm(values, ctx);
  if (r.ok) return ask({ step: 'summary', draft: r.draft, history: [], editing: null }, ctx);
  const l = ctx.locale;
  const example = exampleDate(ctx.now, ctx.zone);
  const label = (field: string) => t(l, `form.label.${field}` as MessageKey, { example });
  const errors = Object.entries(r.errors)
    .map(([field, message]) => t(l, 'form.error_line', { field: label(field), message }))
    .join('\n');
  return stay(state, [{ text: t(l, 'form.invalid', { errors }) }, ...promptFor(state, ctx)]);
}

function onSubmitted(state: IntakeState, input: FlowInput, ctx: FlowContext): Result {
  if (input.kind !== 'effect' || input.name !== 'submitRequest')
    return ask({ ...state, step: 'summary' }, ctx);
  if (!input.result.ok) {
    const back: IntakeState = { ...state, step: 'summary' };
    return stay(back, [{ text: t(ctx.locale, 'error.internal') }, ...promptFor(back, ctx)]);
  }
  const l = ctx.locale;
  const replies = [{ text: t(l, 'intake.submitted', { number: String(input.result.data?.number ?? '') }) }];
  if (state.draft.coDesign) {
    // Co-design starts with a proposal the partner can react to; a coordinator follows up.
    const s = suggestCodesign({
      theme: state.draft.theme ?? null,
      targetGroup: state.draft.targetGroup ?? null,
      locale: l,
      online: state.draft.online ?? null,
      participants: state.draft.participants ?? null,
    });
    replies.push({
      text: t(l, 'intake.codesign_proposal', {
        format: s.format,
        questions: s.questions.map((q) => `• ${q}`).join('\n'),
      }),
    });
  }
  return done(replies);
}
