import type { InboundContent, InboundEvent, Sender } from '../ports.ts';

/** `/dialoog <sub>` words (Dutch and English) and the core command each one means. */
const SUBCOMMANDS: Readonly<Record<string, string>> = {
  '': 'help',
  help: 'help',
  hulp: 'help',
  start: 'start',
  aanvragen: 'aanvragen',
  aanvraag: 'aanvragen',
  request: 'aanvragen',
  mijnaanvragen: 'mijnaanvragen',
  myrequests: 'mijnaanvragen',
  taal: 'taal',
  language: 'taal',
  stop: 'stop',
  annuleer: 'stop',
  cancel: 'stop',
  profiel: 'profiel',
  profile: 'profiel',
  overzicht: 'overzicht',
  overview: 'overzicht',
  koppel: 'koppel',
  link: 'koppel',
};
const FORM_WORDS = new Set(['formulier', 'form']);

/** A Slack account as the core knows it: identity is workspace + user. */
export function slackSender(a: {
  teamId: string;
  userId: string;
  channelId?: string;
  name?: string;
}): Sender {
  return {
    platform: 'SLACK',
    externalId: `${a.teamId}:${a.userId}`,
    workspaceId: a.teamId,
    // Only a DM channel (D…) is where we talk to this person; other channels are never stored.
    chatId: a.channelId?.startsWith('D') ? a.channelId : undefined,
    displayName: a.name?.slice(0, 80) || undefined,
  };
}

/** Our reference for a file a person sent (the MediaFile's `ref`). */
export const slackFileRef = (teamId: string, fileId: string) => `slack:${teamId}:${fileId}`;

/** The Slack user id inside our external id (`T…:U…`). */
export function slackUserId(externalId: string): string {
  const i = externalId.indexOf(':');
  return i >= 0 ? externalId.slice(i + 1) : externalId;
}

/** A file as a `file_share` message event describes it. */
export interface SlackFile {
  id: string;
  mimetype?: string;
  name?: string;
  size?: number;
  url_private_download?: string;
}

export interface SlackMessageEnvelope {
  event_id?: string;
  team_id?: string;
  event?: {
    type?: string;
    subtype?: string;
    channel_type?: string;
    channel?: string;
    user?: string;
    bot_id?: string;
    text?: string;
    team?: string;
    files?: SlackFile[];
  };
}

/**
 * A direct message to the bot → one inbound event. The id is Slack's `event_id`, which a retry
 * (x-slack-retry-num 1, 2, 3) repeats, so the core stores it once. Bot messages and edits are ignored.
 */
export function messageToInbound(body: SlackMessageEnvelope, receivedAt: Date): InboundEvent | null {
  const e = body.event;
  if (e?.type !== 'message' || e.channel_type !== 'im' || !e.user || e.bot_id) return null;
  if (e.subtype && e.subtype !== 'file_share') return null;
  const teamId = body.team_id ?? e.team;
  if (!teamId || !body.event_id) return null;
  const file = e.files?.[0];
  let content: InboundContent;
  if (file) {
    const mime = file.mimetype ?? '';
    const mediaKind = mime.startsWith('image/') ? 'photo' : mime.startsWith('audio/') ? 'voice' : 'document';
    content = {
      kind: 'media',
      mediaKind,
      fileRef: slackFileRef(teamId, file.id),
      caption: e.text || undefined,
    };
  } else {
    content = { kind: 'text', text: e.text ?? '' };
  }
  return {
    eventId: `ev:${body.event_id}`,
    sender: slackSender({ teamId, userId: e.user, channelId: e.channel }),
    content,
    receivedAt,
  };
}

export interface SlackCommandPayload {
  team_id: string;
  user_id: string;
  user_name?: string;
  channel_id?: string;
  text?: string;
  trigger_id: string;
}

/** What a `/dialoog …` invocation asks for: a core command, or (adapter only) opening the form. */
export type CommandIntent = { kind: 'event'; event: InboundEvent } | { kind: 'openForm' };

/** `/dialoog aanvragen` → the core's `aanvragen`; unknown words go to the core too, which answers politely. */
export function commandToIntent(cmd: SlackCommandPayload, receivedAt: Date): CommandIntent {
  const [first = '', ...rest] = (cmd.text ?? '').trim().split(/\s+/);
  const word = first.toLowerCase().replace(/^\//, '');
  const args = rest.join(' ');
  if (FORM_WORDS.has(word) || (SUBCOMMANDS[word] === 'aanvragen' && FORM_WORDS.has(args.toLowerCase()))) {
    return { kind: 'openForm' };
  }
  const command = SUBCOMMANDS[word] ?? (word.replace(/[^a-z_]/g, '').slice(0, 40) || 'help');
  return {
    kind: 'event',
    event: {
      // A trigger_id is unique per invocation; Slack does not retry slash commands.
      eventId: `cmd:${cmd.trigger_id}`,
      sender: slackSender({
        teamId: cmd.team_id,
        userId: cmd.user_id,
        channelId: cmd.channel_id,
        name: cmd.user_name,
      }),
      content: { kind: 'command', command, args },
      receivedAt,
    },
  };
}

export interface SlackActionBody {
  team?: { id: string } | null;
  user: { id: string; team_id?: string; name?: string };
  channel?: { id: string };
  container?: { type?: string; channel_id?: string; message_ts?: string };
}
export interface SlackButtonAction {
  action_id: string;
  value?: string;
  action_ts: string;
}

/**
 * A button press → one inbound event carrying our opaque button id. Interactions have no event_id:
 * user + action_ts identifies one press (a double click is two presses; the core's revision check
 * makes the second one stale).
 */
export function actionToInbound(
  body: SlackActionBody,
  action: SlackButtonAction,
  receivedAt: Date,
): InboundEvent | null {
  const buttonId = action.value ?? action.action_id;
  const teamId = body.team?.id ?? body.user.team_id;
  if (!teamId || !buttonId || buttonId.length > 64) return null;
  return {
    eventId: `act:${body.user.id}:${action.action_ts}`,
    sender: slackSender({
      teamId,
      userId: body.user.id,
      channelId: body.container?.channel_id ?? body.channel?.id,
      name: body.user.name,
    }),
    content: { kind: 'button', buttonId },
    receivedAt,
  };
}
