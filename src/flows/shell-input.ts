import type { InboundContent } from '../bots/ports.ts';
import type { ActiveFlow } from './engine.ts';
import type { ButtonRecord } from './ports.ts';
import type { FlowInput } from './types.ts';

/** Longest text we accept in one message; Telegram's own limit is 4,096. */
export const MAX_TEXT_LENGTH = 4096;

type Rejection = {
  reply: 'error.stale_button' | 'error.foreign_button' | 'error.too_long_message';
  params?: Record<string, string | number>;
};

/** Turns stored content into flow input; stale, foreign or oversized input becomes a polite reply. */
export function toFlowInput(
  content: InboundContent,
  button: ButtonRecord | null,
  at: { personId: string; active: ActiveFlow | null; rev: number | null; now: Date },
): FlowInput | Rejection {
  const { personId, active, rev } = at;
  switch (content.kind) {
    case 'text':
      if (content.text.length > MAX_TEXT_LENGTH) {
        return {
          reply: 'error.too_long_message',
          params: { length: content.text.length, max: MAX_TEXT_LENGTH },
        };
      }
      return { kind: 'text', text: content.text };
    case 'command':
      return { kind: 'command', command: content.command, args: content.args };
    case 'media':
      return { kind: 'media', mediaKind: content.mediaKind, fileRef: content.fileRef };
    case 'form':
      return { kind: 'form', form: content.form, values: content.values };
    case 'button': {
      if (!button || button.expiresAt < at.now) return { reply: 'error.stale_button' };
      if (button.personId !== personId) return { reply: 'error.foreign_button' };
      // Its question was answered already (another of its buttons, a double tap, or asked again).
      if (button.usedAt) return { reply: 'error.stale_button' };
      if (button.flow === 'global' || button.flow === 'offer' || button.flow === 'action')
        return { kind: 'button', action: button.action, value: button.value ?? undefined };
      if (!active || button.flow !== active.flow || button.rev !== rev)
        return { reply: 'error.stale_button' };
      return { kind: 'button', action: button.action, value: button.value ?? undefined };
    }
  }
}

export function errorSummary(err: unknown): { name: string; message: string; code?: string } {
  const e = err as { name?: string; message?: string; code?: string };
  // Messages of our own errors carry no personal data; driver errors are cut short to be safe.
  return { name: e?.name ?? 'Error', message: String(e?.message ?? err).slice(0, 300), code: e?.code };
}

export function isRetryableDbError(err: unknown): boolean {
  const text = String((err as { message?: string })?.message ?? '');
  return /\b(40P01|40001)\b|deadlock detected|could not serialize/.test(text);
}
