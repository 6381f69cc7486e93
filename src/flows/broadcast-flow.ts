import { z } from 'zod';
import { WIJK_KEYS } from '../domain/wijken.ts';
import { t } from '../i18n/index.ts';
import { BROADCAST_MAX_LENGTH, describeFilter, parseBroadcastFilter } from './broadcast.ts';
import { done, type FlowContext, type FlowDefinition, type Reply, stay } from './types.ts';

const State = z.object({
  step: z.enum(['text', 'drafting']),
  wijk: z.enum(WIJK_KEYS).optional(),
  level: z.enum(['TRAINEE', 'CERTIFIED', 'SENIOR']).optional(),
});
type State = z.infer<typeof State>;

/** /rondsturen [wijk] [niveau]: asks for the message; the preview and the confirmation are buttons. */
export const broadcastFlow: FlowDefinition<State> = {
  name: 'broadcast',
  version: 1,
  schema: State,
  command: '/rondsturen',
  start(ctx, args) {
    const parsed = parseBroadcastFilter(args);
    if (!parsed.ok) return done([{ text: t(ctx.locale, 'broadcast.usage', { unknown: parsed.unknown }) }]);
    const state: State = { step: 'text', ...parsed.filter };
    return stay(state, ask(state, ctx));
  },
  step(state, input, ctx) {
    const l = ctx.locale;
    if (state.step === 'drafting') {
      // The preview (with its buttons) was written by the effect; the conversation ends here.
      if (input.kind === 'effect') return done([]);
      return stay({ ...state, step: 'text' }, ask({ ...state, step: 'text' }, ctx));
    }
    if (input.kind !== 'text' || !input.text.trim()) return stay(state, ask(state, ctx));
    const text = input.text.trim();
    if (text.length > BROADCAST_MAX_LENGTH) {
      return stay(state, [
        { text: t(l, 'invalid.too_long', { length: text.length, limit: BROADCAST_MAX_LENGTH }) },
      ]);
    }
    return stay(
      { ...state, step: 'drafting' },
      [],
      [{ type: 'broadcastDraft', text, filter: { wijk: state.wijk, level: state.level } }],
    );
  },
  reprompt: (state, ctx) => ask(state, ctx),
};

function ask(state: State, ctx: FlowContext): Reply[] {
  const filter = describeFilter({ wijk: state.wijk, level: state.level }, ctx.locale);
  return [{ text: t(ctx.locale, 'broadcast.ask_text', { filter }) }];
}
