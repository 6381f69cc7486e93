import type { InboundEvent } from './ports.ts';

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * PostgreSQL cannot store NUL in text or jsonb, nor an unpaired UTF-16 surrogate in jsonb: a message
 * holding one made storing the event fail (5xx, so Telegram and Slack would send it again and again).
 * NUL is dropped and an unpaired surrogate becomes U+FFFD, as a browser shows it anyway.
 */
export function cleanString(s: string): string {
  return s.replaceAll('\u0000', '').replace(UNPAIRED_SURROGATE, '\uFFFD');
}

function clean<T>(value: T): T {
  if (typeof value === 'string') return cleanString(value) as T;
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanString(k), clean(v)])) as T;
  }
  return value;
}

/** The event with every string in its sender and content made storable. */
export function cleanInboundEvent(event: InboundEvent): InboundEvent {
  return { ...event, sender: clean(event.sender), content: clean(event.content) };
}
