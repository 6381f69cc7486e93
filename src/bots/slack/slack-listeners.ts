import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { HomeRepo } from '../../db/home-repo.ts';
import { validateIntakeForm } from '../../flows/intake/intake-form.ts';
import { type Locale, t } from '../../i18n/index.ts';
import type { InboundEvent, ReceiveInbound } from '../ports.ts';
import type { SlackAdapter } from './slack-adapter.ts';
import { type Block, escapeMrkdwn } from './slack-blocks.ts';
import { HOME_ACTIONS } from './slack-home.ts';
import type { HomePublisher } from './slack-home-publisher.ts';
import {
  actionToInbound,
  commandToIntent,
  messageToInbound,
  type SlackActionBody,
  type SlackButtonAction,
  type SlackCommandPayload,
  type SlackFile,
  type SlackMessageEnvelope,
  slackSender,
} from './slack-inbound.ts';
import { formValues, INTAKE_FORM_CALLBACK, intakeModal, modalLocale } from './slack-modal.ts';

export interface ListenerDeps {
  receive: ReceiveInbound;
  adapter: SlackAdapter;
  home: HomePublisher;
  client: WebClient;
  repo: HomeRepo;
  zone: string;
  defaultLocale: Locale;
  now: () => Date;
  log: Logger;
  /** Someone we had marked unreachable writes again: they can be reached again. */
  markReachable?(externalId: string): Promise<unknown>;
  /** Records and downloads a file a person sent. */
  fetchFile?(ref: string, externalUserId: string, file: SlackFile): Promise<void>;
}

/**
 * Wires Slack's events, interactions and commands to the core. Every listener only translates:
 * build an InboundEvent, hand it to `receive` (stored once), then ack. Decisions happen in the core.
 */
export function registerListeners(app: App, d: ListenerDeps): void {
  app.event('message', async ({ body }) => {
    const envelope = body as SlackMessageEnvelope;
    const event = messageToInbound(envelope, d.now());
    if (!event) return;
    await d.markReachable?.(event.sender.externalId);
    const { duplicate } = await d.receive(event);
    const file = envelope.event?.files?.[0];
    if (!duplicate && file && event.content.kind === 'media') {
      void d.fetchFile?.(event.content.fileRef, event.sender.externalId, file);
    }
  });

  app.event('app_home_opened', async ({ body, event }) => {
    const teamId = (body as { team_id?: string }).team_id;
    if (teamId && event.tab === 'home') void d.home.refresh(`${teamId}:${event.user}`);
  });

  app.action(/.*/, async ({ body, action, ack }) => {
    if (body.type !== 'block_actions') return ack();
    const b = body as unknown as SlackActionBody & {
      trigger_id: string;
      message?: { blocks?: Block[]; ts?: string };
    };
    const a = action as unknown as SlackButtonAction & { text?: { text?: string } };
    const teamId = b.team?.id ?? b.user.team_id ?? '';
    if (a.action_id === HOME_ACTIONS.openForm) {
      await ack();
      return openForm(d, b.trigger_id, `${teamId}:${b.user.id}`);
    }
    const event: InboundEvent | null =
      a.action_id === HOME_ACTIONS.startChat
        ? {
            eventId: `act:${b.user.id}:${a.action_ts}`,
            sender: slackSender({ teamId, userId: b.user.id, name: b.user.name }),
            content: { kind: 'command', command: 'aanvragen', args: '' },
            receivedAt: d.now(),
          }
        : actionToInbound(b, a, d.now());
    if (event) {
      await d.markReachable?.(event.sender.externalId);
      await d.receive(event);
    }
    await ack();
    // Show which button was pressed and take the buttons away, so old questions cannot be answered twice.
    const channel = b.container?.channel_id;
    const ts = b.container?.message_ts;
    if (event?.content.kind === 'button' && channel && ts && b.message?.blocks) {
      const label = escapeMrkdwn(a.text?.text ?? '');
      const blocks: Block[] = [
        ...b.message.blocks.filter((x) => x.type !== 'actions'),
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: t(d.defaultLocale, 'slack.button.chosen', { label }) }],
        },
      ];
      const first = blocks.find((x) => x.type === 'section');
      void d.adapter.update(channel, ts, {
        text: first?.type === 'section' ? first.text.text : label,
        blocks,
      });
    }
  });

  app.command(/.*/, async ({ command, ack }) => {
    const cmd = command as unknown as SlackCommandPayload;
    const intent = commandToIntent(cmd, d.now());
    if (intent.kind === 'openForm') {
      await ack();
      return openForm(d, cmd.trigger_id, `${cmd.team_id}:${cmd.user_id}`);
    }
    await d.markReachable?.(intent.event.sender.externalId);
    await d.receive(intent.event);
    // Replies go to the DM; outside it, say so (only the person who typed the command sees this).
    const inDm = cmd.channel_id?.startsWith('D');
    await ack(
      inDm
        ? undefined
        : { response_type: 'ephemeral', text: t(d.defaultLocale, 'slack.command.answer_in_dm') },
    );
  });

  app.view(INTAKE_FORM_CALLBACK, async ({ body, view, ack }) => {
    const locale = modalLocale(view.private_metadata, d.defaultLocale);
    const values = formValues(view.state.values as never);
    const r = validateIntakeForm(values, { now: d.now(), zone: d.zone, locale });
    if (!r.ok) {
      const errors = Object.fromEntries(
        Object.entries(r.errors).map(([k, v]) => [k, String(v).slice(0, 500)]),
      );
      return ack({ response_action: 'errors', errors });
    }
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    await d.receive({
      // One submission per view: a double click on "submit" is the same event.
      eventId: `form:${view.id}`,
      sender: slackSender({ teamId, userId: body.user.id, name: body.user.name }),
      content: { kind: 'form', form: 'intake', values: values as Record<string, string> },
      receivedAt: d.now(),
    });
    await ack();
  });

  app.error(async (error) => {
    d.log.warn({ err: error.message?.slice(0, 200), code: error.code }, 'slack listener failed');
    // Re-throw: the receiver answers 500, so Slack retries an event we failed to store.
    throw error;
  });
}

/** Opens the request modal; Slack's trigger_id is valid for 3 s, so this runs right after the ack. */
async function openForm(d: ListenerDeps, triggerId: string, externalId: string): Promise<void> {
  try {
    const personId = await d.repo.personIdFor('SLACK', externalId);
    const defaults = (personId ? await d.repo.formDefaults(personId) : null) ?? {
      locale: d.defaultLocale,
      displayName: '',
      organisations: [],
    };
    await d.client.views.open({
      trigger_id: triggerId,
      view: intakeModal(defaults, d.now(), d.zone) as never,
    });
  } catch (err) {
    d.log.warn({ err: (err as Error).message?.slice(0, 200) }, 'slack views.open failed');
  }
}
