import { z } from 'zod';
import { t } from '../i18n/index.ts';
import { done, type FlowDefinition, stay } from './types.ts';

const State = z.object({
  step: z.enum(['loading', 'text', 'saving']),
  number: z.number().int(),
  requestId: z.string().optional(),
});
type CodesignState = z.infer<typeof State>;

/** "Gespreksvorm: …\n• vraag 1\n• vraag 2" → format plus 1–7 questions (bullets and numbers stripped). */
export function parseCodesignText(text: string): { format: string; questions: string[] } | null {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-•*]|\d+[.)])\s*/, '').trim())
    .filter(Boolean);
  const [format, ...questions] = lines;
  if (!format || format.length < 5 || questions.length === 0 || questions.length > 7) return null;
  if ([format, ...questions].some((l) => l.length > 500)) return null;
  return { format: format.replace(/^(gespreksvorm|format)\s*:\s*/i, ''), questions };
}

/** A coordinator edits the format and opening questions of a request (co-design with the partner). */
export const codesignFlow: FlowDefinition<CodesignState> = {
  name: 'codesign',
  version: 1,
  schema: State,
  command: '/gespreksvorm',
  start(ctx, args) {
    const number = Number(args.replace('#', '').trim());
    if (!Number.isInteger(number) || number <= 0)
      return done([{ text: t(ctx.locale, 'codesign.edit.usage') }]);
    return stay({ step: 'loading', number }, [], [{ type: 'loadCodesign', number }]);
  },
  step(state, input, ctx) {
    const l = ctx.locale;
    if (state.step === 'loading') {
      if (input.kind !== 'effect' || !input.result.ok)
        return done([{ text: t(l, 'coord.request.unknown', { number: state.number }) }]);
      const d = input.result.data as { requestId: string; format: string; questions: string[] };
      return stay({ ...state, step: 'text', requestId: d.requestId }, [
        {
          text: t(l, 'codesign.edit.current', {
            number: state.number,
            format: d.format,
            questions: d.questions.map((q) => `• ${q}`).join('\n'),
          }),
        },
      ]);
    }
    if (state.step === 'saving') {
      if (input.kind === 'effect' && input.result.ok)
        return done([{ text: t(l, 'codesign.edit.saved', { number: state.number }) }]);
      return done([{ text: t(l, 'error.internal') }]);
    }
    if (input.kind !== 'text') return stay(state, [{ text: t(l, 'codesign.edit.how') }]);
    const parsed = parseCodesignText(input.text);
    if (!parsed) return stay(state, [{ text: t(l, 'codesign.edit.how') }]);
    return stay(
      { ...state, step: 'saving' },
      [],
      [{ type: 'saveCodesign', requestId: state.requestId ?? '', ...parsed }],
    );
  },
  reprompt: (_state, ctx) => [{ text: t(ctx.locale, 'codesign.edit.how') }],
};
