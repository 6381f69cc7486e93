import { App, type Logger as BoltLogger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { ChannelRepo } from '../../db/channel-repo.ts';
import { homeRepo } from '../../db/home-repo.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Channel, ReceiveInbound } from '../ports.ts';
import { SlackAdapter } from './slack-adapter.ts';
import { HomePublisher } from './slack-home-publisher.ts';
import { registerListeners } from './slack-listeners.ts';
import { createSlackMediaFetcher } from './slack-media.ts';
import { ChannelPacer, type PacerOptions, SLACK_CHANNEL_PACE } from './slack-pacer.ts';
import { FastifyReceiver } from './slack-receiver.ts';
import { slackRoutes } from './slack-routes.ts';

/** Knobs tests turn (no client retries; a faster per-channel pace). Production uses the defaults. */
export interface SlackTuning {
  /** Web API client retries for network errors and 5xx (never for 429: the delivery queue waits those out). */
  retries?: number;
  pace?: PacerOptions;
}

export interface SlackChannelDeps {
  config: Config;
  log: Logger;
  receive: ReceiveInbound;
  prisma: PrismaClient;
  tuning?: SlackTuning;
  now?: () => Date;
  /** Files people sent, reachability, ids of sent messages (absent in unit tests). */
  channelRepo?: ChannelRepo;
}

export interface SlackChannel extends Channel {
  readonly adapter: SlackAdapter;
  readonly home: HomePublisher;
}

/** The Slack channel: Bolt for routing (HTTP on our server, or Socket Mode), our adapter for sending. */
export function createSlackChannel(deps: SlackChannelDeps): SlackChannel {
  const { config, log } = deps;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error('createSlackChannel needs SLACK_BOT_TOKEN');
  const now = deps.now ?? (() => new Date());
  const logger = boltLogger(log.child({ channel: 'slack' }));
  const clientOptions: WebClientOptions = {
    slackApiUrl: config.SLACK_API_URL ? withSlash(config.SLACK_API_URL) : undefined,
    // @slack/web-api retries 10 times over ~30 minutes by default, holding a delivery worker all that
    // time. Ours: a couple of quick retries for network errors and 5xx; 429 is handed straight to
    // the delivery queue (rejectRateLimitedCalls), which waits Retry-After with bounded attempts.
    retryConfig: { retries: deps.tuning?.retries ?? 2, factor: 2, minTimeout: 250, maxTimeout: 2000 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    logger,
  };
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  const httpReceiver = socketMode ? null : new FastifyReceiver();
  const receiver = socketMode
    ? new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN as string,
        logger,
        installerOptions: { clientOptions },
      })
    : (httpReceiver as FastifyReceiver);
  const bolt = new App({
    token,
    receiver,
    socketMode,
    clientOptions,
    logger,
    // auth.test runs in start(), not in the constructor: no network call while the app is being built.
    deferInitialization: true,
    convoStore: false,
  });
  const client = bolt.client;
  const repo = homeRepo(deps.prisma);
  const home = new HomePublisher({
    client,
    repo,
    zone: config.APP_TIMEZONE,
    defaultLocale: config.DEFAULT_LOCALE,
    now,
    log,
  });
  const channelRepo = deps.channelRepo;
  const adapter = new SlackAdapter({
    client,
    pacer: new ChannelPacer(deps.tuning?.pace ?? SLACK_CHANNEL_PACE),
    log,
    lookupMessageId: channelRepo ? (id) => channelRepo.externalMessageId(id) : undefined,
    // Something reached this person: their App Home may show a new request, offer or count.
    onDelivered: (target) => home.schedule(target.externalId),
  });
  const fetchFile = channelRepo
    ? createSlackMediaFetcher({ token, repo: channelRepo, log, apiUrl: config.SLACK_API_URL })
    : undefined;
  registerListeners(bolt, {
    markReachable: channelRepo ? (externalId) => channelRepo.markReachable('SLACK', externalId) : undefined,
    fetchFile,
    receive: deps.receive,
    adapter,
    home,
    client,
    repo,
    zone: config.APP_TIMEZONE,
    defaultLocale: config.DEFAULT_LOCALE,
    now,
    log,
  });

  let started = false;
  return {
    adapter,
    home,
    registerRoutes: httpReceiver
      ? async (server) => {
          if (!config.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET is required in HTTP mode');
          await slackRoutes(server, {
            signingSecret: config.SLACK_SIGNING_SECRET,
            receiver: httpReceiver,
            log,
          });
        }
      : undefined,
    async start() {
      await bolt.init(); // auth.test: fails fast on a wrong token, and tells Bolt our bot user id
      if (socketMode) await bolt.start();
      started = true;
      log.info({ mode: socketMode ? 'socket' : 'http' }, 'slack channel started');
    },
    async stop() {
      if (socketMode && started) await bolt.stop();
      home.cancelScheduled();
      await home.idle();
    },
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Bolt and the Web API client log through pino; their chatter goes one level down. */
function boltLogger(log: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const text = (msg: unknown[]) =>
    msg
      .map((m) => (m instanceof Error ? m.message : String(m)))
      .join(' ')
      .slice(0, 500);
  return {
    debug: () => {},
    info: (...msg) => log.debug(text(msg)),
    warn: (...msg) => log.info(text(msg)),
    error: (...msg) => log.warn(text(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
