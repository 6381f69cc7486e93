import { z } from 'zod';
import { parseDateTime } from '../domain/intake-parse.ts';
import { exampleDate, formatDateTime } from '../domain/time.ts';
import { t } from '../i18n/index.ts';
import { done, type FlowDefinition, stay } from './types.ts';

const MoveState = z.object({
  step: z.enum(['date', 'moving']),
  sessionId: z.string(),
  start: z.string().optional(),
});
type State = z.infer<typeof MoveState>;

/** A partner moves a session: asks the new date, then the shell moves it (and tells everyone). */
export const moveFlow: FlowDefinition<State> = {
  name: 'move',
  version: 1,
  schema: MoveState,
  command: '/mijnaanvragen',
  start(ctx, sessionId) {
    return stay({ step: 'date', sessionId }, [
      { text: t(ctx.locale, 'move.ask', { example: exampleDate(ctx.now, ctx.zone) }) },
    ]);
  },
  step(state, input, ctx) {
    const l = ctx.locale;
    if (state.step === 'moving') {
      if (input.kind !== 'effect' || input.name !== 'moveSession')
        return stay({ ...state, step: 'date' }, moveFlow.reprompt(state, ctx));
      if (!input.result.ok) return done([{ text: t(l, 'session.not_changeable') }]);
      return done([
        { text: t(l, 'session.moved_partner', { new: formatDateTime(state.start ?? '', ctx.zone, l) }) },
      ]);
    }
    if (input.kind !== 'text') return stay(state, moveFlow.reprompt(state, ctx));
    const example = exampleDate(ctx.now, ctx.zone);
    const r = parseDateTime(input.text, { now: ctx.now, zone: ctx.zone });
    if (!r.ok) return stay(state, [{ text: t(l, `invalid.date.${r.error}`, { example }) }]);
    const start = r.start.toISOString();
    return stay(
      { ...state, step: 'moving', start },
      [],
      [{ type: 'moveSession', sessionId: state.sessionId, start }],
    );
  },
  reprompt: (_state, ctx) => [
    { text: t(ctx.locale, 'move.ask', { example: exampleDate(ctx.now, ctx.zone) }) },
  ],
};
