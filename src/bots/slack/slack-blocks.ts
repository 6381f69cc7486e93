import type { OutboundButton, OutboundMessage } from '../ports.ts';

/** Block Kit limits (Slack docs): 50 blocks per message, 3,000 characters per section, 25 buttons per actions block. */
export const BLOCK_LIMITS = {
  blocksPerMessage: 50,
  sectionChars: 3000,
  buttonsPerBlock: 25,
  buttonTextChars: 75,
  /** Not a published Slack limit: a conservative cap so one message stays readable and far from msg_too_long. */
  charsPerMessage: 12_000,
  /** The notification/fallback `text` of a message carrying blocks. */
  fallbackChars: 3000,
} as const;

export interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface ButtonElement {
  type: 'button';
  action_id: string;
  value: string;
  text: TextObject;
  style?: 'primary' | 'danger';
}
export type Block =
  | { type: 'section'; block_id?: string; text: TextObject; accessory?: ButtonElement }
  | { type: 'actions'; block_id?: string; elements: ButtonElement[] }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'header'; text: TextObject }
  | { type: 'divider' };

/** One `chat.postMessage` worth of content. */
export interface SlackMessagePart {
  text: string;
  blocks: Block[];
}

/**
 * Renders one outbound message as one or more Slack messages that stay inside Block Kit limits:
 * long text is split on paragraph, line and word boundaries; buttons go under the last part.
 */
export function renderMessage(message: OutboundMessage): SlackMessagePart[] {
  const text = slackCommands(escapeMrkdwn(message.text));
  const sections: Block[] = splitText(text, BLOCK_LIMITS.sectionChars).map((chunk) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: chunk },
  }));
  const actions = buttonBlocks(message.buttons ?? []);

  const parts: Block[][] = [];
  let current: Block[] = [];
  let chars = 0;
  const flush = () => {
    if (current.length) parts.push(current);
    current = [];
    chars = 0;
  };
  for (const section of sections) {
    const size = blockChars(section);
    if (current.length + 1 > BLOCK_LIMITS.blocksPerMessage || chars + size > BLOCK_LIMITS.charsPerMessage)
      flush();
    current.push(section);
    chars += size;
  }
  for (const block of actions) {
    if (current.length + 1 > BLOCK_LIMITS.blocksPerMessage) flush();
    current.push(block);
  }
  flush();
  return parts.map((blocks) => ({ text: fallbackText(blocks, message.text), blocks }));
}

/** Slack mrkdwn needs &, < and > escaped; everything else is shown as typed (no @channel from user text). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * In Slack a message that starts with "/" is taken for a slash command, so the core's "/help" is
 * shown as "/dialoog help" (the one slash command the app installs).
 */
export function slackCommands(text: string): string {
  return text.replace(/(^|[\s("'“‘])\/([a-z][a-z_]*)\b/gim, (whole, before: string, name: string) =>
    name.toLowerCase() === 'dialoog' ? whole : `${before}/dialoog ${name}`,
  );
}

/** Splits text into chunks of at most `max` characters, preferring paragraph, line and word boundaries. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  if (!rest) return [' '];
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf('\n\n');
    if (cut < max / 2) cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) cut = max;
    // Never cut inside an escape such as &amp; (the entity would show as text).
    const amp = window.lastIndexOf('&', cut);
    if (amp > cut - 5 && !window.slice(amp, cut).includes(';')) cut = amp;
    // Nor between the two halves of a surrogate pair (an emoji).
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

function buttonBlocks(rows: OutboundButton[][]): Block[] {
  const blocks: Block[] = [];
  for (const row of rows) {
    for (let i = 0; i < row.length; i += BLOCK_LIMITS.buttonsPerBlock) {
      const elements = row.slice(i, i + BLOCK_LIMITS.buttonsPerBlock).map(button);
      if (elements.length) blocks.push({ type: 'actions', elements });
    }
  }
  return blocks;
}

/** Our opaque button id travels as both `action_id` (unique per message) and `value`. */
export function button(b: OutboundButton): ButtonElement {
  return {
    type: 'button',
    action_id: b.id,
    value: b.id,
    text: { type: 'plain_text', text: truncate(b.label, BLOCK_LIMITS.buttonTextChars), emoji: true },
  };
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function blockChars(block: Block): number {
  return block.type === 'section' ? block.text.text.length : 0;
}

function fallbackText(blocks: Block[], original: string): string {
  const first = blocks.find((b) => b.type === 'section');
  const text = first?.type === 'section' ? first.text.text : slackCommands(escapeMrkdwn(original));
  return truncate(text, BLOCK_LIMITS.fallbackChars);
}
