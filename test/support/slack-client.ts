import { createHmac, randomUUID } from 'node:crypto';
import type { App } from '../../src/app.ts';
import type { FakeSlackApi, SlackCall } from '../fakes/slack-api.ts';
import { settle } from './local-chat-client.ts';

/** Test-only secrets: obviously not real. */
export const SLACK_TEST_ENV = {
  SLACK_BOT_TOKEN: 'xoxb-fake',
  SLACK_SIGNING_SECRET: 'test-signing-secret-not-real',
} as const;

/** Signs a body exactly as Slack does: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function signSlack(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface PostOptions {
  contentType?: 'application/json' | 'application/x-www-form-urlencoded';
  timestamp?: number;
  /** Sign this body instead of the one sent (to simulate tampering). */
  signBody?: string;
  secret?: string;
  headers?: Record<string, string>;
}

interface PostedMessage {
  text: string;
  blocks: {
    type: string;
    text?: { text: string };
    elements?: { text: { text: string }; action_id: string; value: string }[];
  }[];
  ts: string;
}

/** Talks to the bot as one Slack user, with signed requests to POST /slack/events, like Slack does. */
export class SlackUser {
  constructor(
    private readonly app: App,
    private readonly fake: FakeSlackApi,
    readonly userId: string,
    readonly teamId = 'T0TEST',
  ) {}

  get dmChannel(): string {
    return `D${this.userId}`;
  }

  async post(body: string, opts: PostOptions = {}): Promise<Response> {
    const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const secret = opts.secret ?? SLACK_TEST_ENV.SLACK_SIGNING_SECRET;
    return fetch(`${this.app.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': opts.contentType ?? 'application/json',
        'x-slack-request-timestamp': ts,
        'x-slack-signature': signSlack(secret, ts, opts.signBody ?? body),
        ...opts.headers,
      },
      body,
    });
  }

  /** The Events API envelope of a DM from this user. */
  dmEnvelope(text: string, eventId = `Ev${randomUUID().replace(/-/g, '').slice(0, 10)}`) {
    return JSON.stringify({
      token: 'legacy-verification-token-unused',
      team_id: this.teamId,
      api_app_id: 'A0TEST',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'message',
        channel_type: 'im',
        channel: this.dmChannel,
        user: this.userId,
        text,
        ts: `${Date.now() / 1000}`,
        event_ts: `${Date.now() / 1000}`,
      },
    });
  }

  /** Sends a DM and returns the bot's new messages in this DM once everything has settled. */
  async dm(text: string): Promise<PostedMessage[]> {
    return this.roundTrip(() => this.post(this.dmEnvelope(text)));
  }

  async command(text: string, channelId = this.dmChannel): Promise<PostedMessage[]> {
    return this.roundTrip(() =>
      this.post(this.commandBody(text, channelId), { contentType: 'application/x-www-form-urlencoded' }),
    );
  }

  commandBody(text: string, channelId = this.dmChannel): string {
    return new URLSearchParams({
      token: 'legacy-verification-token-unused',
      team_id: this.teamId,
      team_domain: 'test',
      channel_id: channelId,
      channel_name: 'directmessage',
      user_id: this.userId,
      user_name: this.userId.toLowerCase(),
      command: '/dialoog',
      text,
      api_app_id: 'A0TEST',
      response_url: 'http://127.0.0.1:9/unused',
      trigger_id: `trig.${randomUUID()}`,
    }).toString();
  }

  /** Presses the button with this label under the bot's latest message that has buttons. */
  async press(label: string | RegExp): Promise<PostedMessage[]> {
    const { message, button } = this.findButton(label);
    return this.roundTrip(() =>
      this.post(this.actionBody(message, button), { contentType: 'application/x-www-form-urlencoded' }),
    );
  }

  findButton(label: string | RegExp) {
    const withButtons = this.messages().filter((m) => m.blocks?.some((b) => b.type === 'actions'));
    const message = withButtons.at(-1);
    const button = message?.blocks
      .flatMap((b) => b.elements ?? [])
      .find((e) => (typeof label === 'string' ? e.text.text === label : label.test(e.text.text)));
    if (!message || !button) {
      const labels = message?.blocks.flatMap((b) => b.elements ?? []).map((e) => e.text.text);
      throw new Error(`no button ${String(label)} in ${JSON.stringify(labels)}`);
    }
    return { message, button };
  }

  actionBody(
    message: PostedMessage,
    button: { action_id: string; value: string; text: { text: string } },
    actionTs = `${Date.now() / 1000}${Math.random().toString().slice(2, 6)}`,
  ) {
    const payload = {
      type: 'block_actions',
      team: { id: this.teamId, domain: 'test' },
      user: {
        id: this.userId,
        username: this.userId.toLowerCase(),
        name: this.userId.toLowerCase(),
        team_id: this.teamId,
      },
      api_app_id: 'A0TEST',
      token: 'legacy-verification-token-unused',
      container: { type: 'message', message_ts: message.ts, channel_id: this.dmChannel, is_ephemeral: false },
      trigger_id: `trig.${randomUUID()}`,
      channel: { id: this.dmChannel, name: 'directmessage' },
      message: { type: 'message', ts: message.ts, text: message.text, blocks: message.blocks },
      response_url: 'http://127.0.0.1:9/unused',
      actions: [
        {
          type: 'button',
          block_id: 'b1',
          action_id: button.action_id,
          value: button.value,
          text: { type: 'plain_text', text: button.text.text },
          action_ts: actionTs,
        },
      ],
    };
    return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  }

  /** A view_submission of the request modal with these values (block_id = field, action_id = value). */
  viewSubmissionBody(viewId: string, values: Record<string, string>, choices: string[] = []) {
    const state: Record<string, Record<string, unknown>> = {};
    for (const [field, value] of Object.entries(values)) {
      state[field] = {
        value: choices.includes(field)
          ? { type: 'static_select', selected_option: { value, text: { type: 'plain_text', text: value } } }
          : { type: 'plain_text_input', value },
      };
    }
    const payload = {
      type: 'view_submission',
      team: { id: this.teamId, domain: 'test' },
      user: {
        id: this.userId,
        username: this.userId.toLowerCase(),
        name: this.userId.toLowerCase(),
        team_id: this.teamId,
      },
      api_app_id: 'A0TEST',
      token: 'legacy-verification-token-unused',
      trigger_id: `trig.${randomUUID()}`,
      view: {
        id: viewId,
        type: 'modal',
        callback_id: 'dialoog:intake-form',
        private_metadata: JSON.stringify({ locale: 'nl' }),
        hash: 'h1',
        state: { values: state },
      },
    };
    return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  }

  /** Every message the bot posted into this user's DM, oldest first. */
  messages(): PostedMessage[] {
    return this.fake
      .callsOf('chat.postMessage')
      .filter((c) => c.args.channel === this.dmChannel)
      .map((c, i) => ({
        ...(c.args as unknown as PostedMessage),
        ts: `1700000000.${String(i).padStart(6, '0')}`,
      }));
  }

  async roundTrip(send: () => Promise<Response>): Promise<PostedMessage[]> {
    const before = this.messages().length;
    const res = await send();
    if (res.status !== 200) throw new Error(`slack request answered ${res.status}: ${await res.text()}`);
    await settle(this.app);
    return this.messages().slice(before);
  }
}

export const textOf = (messages: { text: string; blocks?: PostedMessage['blocks'] }[]) =>
  messages
    .map(
      (m) =>
        (m.blocks ?? [])
          .filter((b) => b.type === 'section')
          .map((b) => b.text?.text ?? '')
          .join('\n') || m.text,
    )
    .join('\n---\n');

export type { SlackCall };
