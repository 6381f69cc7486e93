import { type RunnerHandle, run, sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { ChannelRepo } from '../../db/channel-repo.ts';
import { setTelegramBotUsername } from '../../flows/invite.ts';
import { type Locale, type MessageKey, t } from '../../i18n/index.ts';
import type { Channel, ReceiveInbound } from '../ports.ts';
import { createMediaFetcher, TELEGRAM_DOWNLOAD_LIMIT } from './media-fetcher.ts';
import { type SendLimits, SendPacer, TELEGRAM_LIMITS } from './send-pacer.ts';
import { TelegramAdapter } from './telegram-adapter.ts';
import { createUpdateIntake } from './update-intake.ts';
import { ALLOWED_UPDATES } from './update-to-event.ts';
import { telegramWebhookRoutes, WEBHOOK_PATH } from './webhook-routes.ts';

export const TELEGRAM_API_ROOT = 'https://api.telegram.org';

/** Knobs tests and benchmarks turn; production uses Telegram's published limits. */
export interface TelegramChannelOptions {
  limits?: Partial<SendLimits>;
  maxInlineWaitMs?: number;
  maxMediaBytes?: number;
  /** Tests: the first pause before setting up again after Telegram could not be reached (default 2 s). */
  setUpRetryMs?: number;
}

export interface TelegramChannelDeps {
  config: Config;
  log: Logger;
  receive: ReceiveInbound;
  repo: ChannelRepo;
  options?: TelegramChannelOptions;
}

/** Command menus per language; names are the core's commands (English aliases for English). */
const MENUS: Record<Locale, [string, MessageKey][]> = {
  nl: [
    ['start', 'telegram.command.start'],
    ['aanvragen', 'telegram.command.request'],
    ['mijnaanvragen', 'telegram.command.myrequests'],
    ['taal', 'telegram.command.language'],
    ['help', 'telegram.command.help'],
    ['stop', 'telegram.command.stop'],
  ],
  en: [
    ['start', 'telegram.command.start'],
    ['request', 'telegram.command.request'],
    ['myrequests', 'telegram.command.myrequests'],
    ['language', 'telegram.command.language'],
    ['help', 'telegram.command.help'],
    ['stop', 'telegram.command.stop'],
  ],
};

/** How long start() waits for the first set-up call to Telegram before going on without it. */
const FIRST_SET_UP_WAIT_MS = 5_000;

/** The Telegram channel: webhook or long polling in, paced Bot API calls out. */
export function createTelegramChannel(deps: TelegramChannelDeps): Channel {
  const { config, log: parentLog, options = {} } = deps;
  const log = parentLog.child({ component: 'telegram' });
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error('createTelegramChannel needs TELEGRAM_BOT_TOKEN');
  const apiRoot = (config.TELEGRAM_API_ROOT ?? TELEGRAM_API_ROOT).replace(/\/+$/, '');
  const mode = config.TELEGRAM_MODE ?? (config.PUBLIC_URL ? 'webhook' : 'polling');
  const bot = new Bot(token, { client: { apiRoot, timeoutSeconds: 30 } });
  const pacer = new SendPacer({ ...TELEGRAM_LIMITS, ...options.limits });
  const adapter = new TelegramAdapter({
    api: bot.api,
    pacer,
    maxInlineWaitMs: options.maxInlineWaitMs,
    lookupMessageId: (id) => deps.repo.externalMessageId(id),
  });
  const maxMediaBytes = options.maxMediaBytes ?? TELEGRAM_DOWNLOAD_LIMIT;
  const fetchMedia = createMediaFetcher({
    api: bot.api,
    token,
    apiRoot,
    repo: deps.repo,
    log,
    maxBytes: maxMediaBytes,
  });
  const handle = createUpdateIntake({
    receive: deps.receive,
    api: bot.api,
    adapter,
    repo: deps.repo,
    log,
    fetchMedia,
    maxMediaBytes,
  });
  let runner: RunnerHandle | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function setUp(): Promise<void> {
    // Not bot.init(): it retries a network error inside grammY for ever, so we could neither log the
    // failure nor pace the retries ourselves, and start() would wait until Telegram answered.
    if (!bot.isInited()) bot.botInfo = await bot.api.getMe();
    for (const locale of ['nl', 'en'] as const) {
      const commands: BotCommand[] = MENUS[locale].map(([command, key]) => ({
        command,
        description: t(locale, key),
      }));
      await bot.api.setMyCommands(commands, { language_code: locale });
      if (locale === config.DEFAULT_LOCALE) await bot.api.setMyCommands(commands);
    }
    if (mode === 'webhook' && config.PUBLIC_URL) {
      await bot.api.setWebhook(new URL(WEBHOOK_PATH, config.PUBLIC_URL).toString(), {
        secret_token: config.TELEGRAM_WEBHOOK_SECRET,
        allowed_updates: [...ALLOWED_UPDATES],
      });
    }
  }

  /** Telegram may be briefly unreachable at boot; we keep serving and try again. */
  async function setUpWithRetry(attempt = 1): Promise<void> {
    try {
      await setUp();
      if (stopped) return;
      setTelegramBotUsername(bot.botInfo.username); // for invite deep links (/uitnodigen)
      log.info({ mode, bot: bot.botInfo.username }, 'telegram channel ready');
      if (mode === 'polling') startPolling();
    } catch (err) {
      if (stopped) return;
      const delay = Math.min(60_000, (options.setUpRetryMs ?? 2000) * 2 ** (attempt - 1));
      log.error({ err: (err as Error).message?.slice(0, 200), retryInMs: delay }, 'telegram set-up failed');
      retryTimer = setTimeout(() => void setUpWithRetry(attempt + 1), delay);
      retryTimer.unref();
    }
  }

  function startPolling(): void {
    bot.use(sequentialize((ctx) => String(ctx.chat?.id ?? ctx.from?.id ?? '')));
    bot.use(async (ctx) => {
      await handleWithRetry(ctx.update);
    });
    bot.catch((err) => log.error({ err: err.message?.slice(0, 200) }, 'telegram update failed'));
    void bot.api.deleteWebhook().then(() => {
      if (stopped) return;
      runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    });
  }

  /** In polling mode a fetched update is ours alone: retry storing it rather than lose it. */
  async function handleWithRetry(update: Parameters<typeof handle>[0]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await handle(update);
        return;
      } catch (err) {
        if (attempt >= 6 || stopped) throw err;
        await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      }
    }
  }

  async function resumePendingMedia(): Promise<void> {
    for (const m of await deps.repo.pending('TELEGRAM')) await fetchMedia(m.ref, m.platformFileId);
  }

  return {
    adapter,
    registerRoutes:
      mode === 'webhook'
        ? (server) => {
            const secret = config.TELEGRAM_WEBHOOK_SECRET;
            if (!secret) throw new Error('Telegram webhook mode needs TELEGRAM_WEBHOOK_SECRET');
            telegramWebhookRoutes(server, { secret, handle });
          }
        : undefined,
    async start() {
      // The first try is awaited (so a healthy start logs "ready" in order), but not for long: a
      // Telegram that does not answer must not hold up the rest of the start or a shutdown.
      const first = setUpWithRetry();
      await Promise.race([first, new Promise((r) => setTimeout(r, FIRST_SET_UP_WAIT_MS).unref())]);
      void resumePendingMedia().catch((err) =>
        log.warn({ err: (err as Error).message?.slice(0, 200) }, 'resuming file downloads failed'),
      );
    },
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      if (runner?.isRunning()) await runner.stop();
    },
  };
}
