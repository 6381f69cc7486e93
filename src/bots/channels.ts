import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { ChannelRepo } from '../db/channel-repo.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Channel, ReceiveInbound } from './ports.ts';
import { createSlackChannel, type SlackTuning } from './slack/slack-channel.ts';
import { createTelegramChannel, type TelegramChannelOptions } from './telegram/telegram-channel.ts';

export interface ChannelDeps {
  config: Config;
  log: Logger;
  receive: ReceiveInbound;
  /** Files people sent, reachability, ids of sent messages (channel bookkeeping). */
  channelRepo: ChannelRepo;
  /** Tests and benchmarks: Telegram pacing and limits. */
  telegram?: TelegramChannelOptions;
  /** Read models for Slack's App Home and request form. */
  prisma: PrismaClient;
  /** The app's clock (form validation and home screens agree with the flows). */
  now?: () => Date;
  /** Tests and benchmarks: Slack client retries and per-channel pace. */
  slack?: SlackTuning;
}

/** The chat platforms turned on by configuration (the local web chat is wired separately in app.ts). */
export async function createChannels(deps: ChannelDeps): Promise<Channel[]> {
  const channels: Channel[] = [];
  if (deps.config.telegramEnabled) {
    channels.push(
      createTelegramChannel({
        config: deps.config,
        log: deps.log,
        receive: deps.receive,
        repo: deps.channelRepo,
        options: deps.telegram,
      }),
    );
  }
  if (deps.config.slackEnabled) {
    channels.push(
      createSlackChannel({
        config: deps.config,
        log: deps.log,
        receive: deps.receive,
        prisma: deps.prisma,
        now: deps.now,
        tuning: deps.slack,
        channelRepo: deps.channelRepo,
      }),
    );
  }
  return channels;
}
