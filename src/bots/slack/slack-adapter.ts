import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { ChannelAdapter, DeliveryMeta, DeliveryTarget, OutboundMessage, SendResult } from '../ports.ts';
import { renderMessage, type SlackMessagePart } from './slack-blocks.ts';
import { slackUserId } from './slack-inbound.ts';
import type { ChannelPacer } from './slack-pacer.ts';

/** Platform errors that mean "this person cannot be reached here" rather than "try again later". */
const UNREACHABLE = new Set([
  'account_inactive',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'team_access_not_granted',
]);
// Not here on purpose: invalid_auth, token_revoked, missing_scope… are about our app, not the person;
// marking everyone unreachable would outlive the fix. They stay transient (bounded retries, logged).

export interface SlackAdapterDeps {
  client: WebClient;
  pacer: ChannelPacer;
  log: Logger;
  /** Told after a message reached someone (their App Home may have something new to show). */
  onDelivered?(target: DeliveryTarget): void;
  /** `channel/ts` of an earlier delivery (for `replaces`), when this process no longer remembers it. */
  lookupMessageId?(deliveryId: string): Promise<string | null>;
  /** Longest pacing wait spent inside a send; longer ones postpone the delivery job instead. */
  maxInlineWaitMs?: number;
}

const MAX_REMEMBERED = 10_000;
/** Edits that cannot be done (the message is gone or too old): send a new message instead. */
const NOT_EDITABLE = new Set([
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
  'msg_too_long',
]);

/** The Slack channel adapter's outbound half: OutboundMessage → Block Kit in the person's DM. */
export class SlackAdapter implements ChannelAdapter {
  readonly platform = 'SLACK' as const;
  private readonly dmChannels = new Map<string, string>();
  /** Parts of a split message already posted, per delivery: a retried delivery continues where it stopped. */
  private readonly progress = new Map<string, { parts: number; lastTs?: string; channel?: string }>();

  constructor(private readonly deps: SlackAdapterDeps) {}

  async send(target: DeliveryTarget, message: OutboundMessage, meta: DeliveryMeta): Promise<SendResult> {
    const { client } = this.deps;
    try {
      const channel = target.chatId ?? (await this.openDm(target.externalId));
      const parts = renderMessage(message);
      if (message.replaces && !message.file && parts.length === 1 && !this.progress.has(meta.deliveryId)) {
        const edited = await this.editEarlier(channel, message.replaces, parts[0] as SlackMessagePart, meta);
        if (edited) return this.delivered(target, edited);
      }
      const done = this.progress.get(meta.deliveryId) ?? { parts: 0 };
      for (let i = done.parts; i < parts.length; i++) {
        const part = parts[i] as SlackMessagePart;
        const wait = await this.pace(channel);
        if (wait) return wait;
        const res = await client.chat.postMessage({
          channel,
          text: part.text,
          blocks: part.blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
        remember(this.progress, meta.deliveryId, { parts: i + 1, lastTs: res.ts ?? done.lastTs, channel });
      }
      if (message.file) {
        const wait = await this.pace(channel);
        if (wait) return wait;
        await client.filesUploadV2({
          channel_id: channel,
          filename: message.file.filename,
          file: Buffer.from(message.file.contentBase64, 'base64'),
          title: message.file.filename,
        });
      }
      const lastTs = this.progress.get(meta.deliveryId)?.lastTs;
      return this.delivered(target, lastTs ? `${channel}/${lastTs}` : channel);
    } catch (err) {
      const result = toSendResult(err);
      if (result.ok === false && result.reason === 'transient') {
        this.deps.log.warn({ err: result.detail, deliveryId: meta.deliveryId }, 'slack send failed');
      }
      return result;
    }
  }

  /** Replaces a message (e.g. its buttons after a press); failures only matter to the log. */
  async update(channel: string, ts: string, message: { text: string; blocks: unknown[] }): Promise<void> {
    try {
      await this.deps.client.chat.update({
        channel,
        ts,
        text: message.text,
        blocks: message.blocks as never,
      });
    } catch (err) {
      this.deps.log.warn({ err: toSendResult(err) }, 'slack chat.update failed');
    }
  }

  private delivered(target: DeliveryTarget, externalMessageId: string): SendResult {
    this.deps.onDelivered?.(target);
    return { ok: true, externalMessageId };
  }

  /** Waits for this channel's next slot (about 1 message/s), or says how long to postpone. */
  private async pace(channel: string): Promise<SendResult | null> {
    const max = this.deps.maxInlineWaitMs ?? 1000;
    const wait = this.deps.pacer.reserve(channel, Date.now(), max);
    if (wait > max) return { ok: false, reason: 'rate_limited', retryAfterMs: wait };
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    return null;
  }

  /** Edits the earlier message in place (chat.update); null when it cannot be edited any more. */
  private async editEarlier(
    channel: string,
    replaces: string,
    part: SlackMessagePart,
    meta: DeliveryMeta,
  ): Promise<string | null> {
    const earlier = this.progress.get(replaces);
    const ref = earlier?.lastTs
      ? `${earlier.channel ?? channel}/${earlier.lastTs}`
      : await this.deps.lookupMessageId?.(replaces);
    const [refChannel, ts] = (ref ?? '').split('/');
    if (!refChannel || !ts) return null;
    try {
      await this.deps.client.chat.update({
        channel: refChannel,
        ts,
        text: part.text,
        blocks: part.blocks as never,
      });
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error ?? '';
      if (NOT_EDITABLE.has(code)) return null;
      throw err;
    }
    remember(this.progress, meta.deliveryId, {
      parts: Number.POSITIVE_INFINITY,
      lastTs: ts,
      channel: refChannel,
    });
    return `${refChannel}/${ts}`;
  }

  /** The DM channel with a person (conversations.open is idempotent; we remember the answer). */
  private async openDm(externalId: string): Promise<string> {
    const userId = slackUserId(externalId);
    const known = this.dmChannels.get(userId);
    if (known) return known;
    const res = await this.deps.client.conversations.open({ users: userId });
    const id = res.channel?.id;
    if (!id) throw Object.assign(new Error('conversations.open returned no channel'), { code: 'no_channel' });
    remember(this.dmChannels, userId, id);
    return id;
  }
}

/** Maps a Web API failure to a delivery outcome: 429 → retry after Retry-After, dead accounts → unreachable. */
export function toSendResult(err: unknown): SendResult {
  const e = err as {
    code?: string;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
    message?: string;
  };
  if (e?.code === ErrorCode.RateLimitedError) {
    return { ok: false, reason: 'rate_limited', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000 };
  }
  if (e?.code === ErrorCode.PlatformError) {
    const error = e.data?.error ?? 'unknown_error';
    if (error === 'ratelimited') return { ok: false, reason: 'rate_limited', retryAfterMs: 1000 };
    if (UNREACHABLE.has(error)) return { ok: false, reason: 'unreachable', detail: error };
    return { ok: false, reason: 'transient', detail: error };
  }
  if (e?.code === ErrorCode.HTTPError)
    return { ok: false, reason: 'transient', detail: `http ${e.statusCode}` };
  return { ok: false, reason: 'transient', detail: String(e?.code ?? e?.message ?? err).slice(0, 200) };
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_REMEMBERED) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}
