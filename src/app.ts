import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createAfterCommit } from './app/after-commit.ts';
import type { App, AppOptions } from './app/app-types.ts';
import { registerRoutes } from './app/routes-wiring.ts';
import { staffSessions } from './app/staff.ts';
import { registerTimers } from './app/timer-wiring.ts';
import { startUpkeep } from './app/upkeep.ts';
import { createChannels } from './bots/channels.ts';
import { cleanInboundEvent } from './bots/clean-inbound.ts';
import { LocalAdapter } from './bots/local/local-adapter.ts';
import type { ChannelAdapter, InboundEvent, Platform } from './bots/ports.ts';
import type { SlackTuning } from './bots/slack/slack-channel.ts';
import type { TelegramChannelOptions } from './bots/telegram/telegram-channel.ts';
import type { Config } from './config.ts';
import { channelRepo } from './db/channel-repo.ts';
import { type Database, openDatabase } from './db/database.ts';
import { seedDemoData } from './db/demo-seed.ts';
import { inboxRepo } from './db/inbox-repo.ts';
import { outboxRepo } from './db/outbox-repo.ts';
import { prismaSql } from './db/sql.ts';
import { sqlEffectUnitOfWork } from './db/sql-effects.ts';
import { stepUnitOfWork, unitOfWork } from './db/unit-of-work.ts';
import { toDraftPatch } from './domain/extract/to-draft.ts';
import { Dispatcher } from './flows/dispatcher.ts';
import type { ExtractFn } from './flows/ports.ts';
import { type InboundRecord, processInbound } from './flows/shell.ts';
import { dashboardUrls } from './http/dashboard/routes.ts';
import { createMetrics } from './http/metrics.ts';
import { listenOrExplain, PortInUseError, portInUse } from './http/port-in-use.ts';
import { createServer } from './http/server.ts';
import { createDelivery, type Delivery, type DeliveryDeps } from './jobs/delivery.ts';
import { inboxRecovery } from './jobs/recovery.ts';
import { checkRedis, createRedis } from './jobs/redis.ts';
import { createTimers, type Timers } from './jobs/timers.ts';
import { extractRequest } from './llm/extract-request.ts';
import { createLlmClient } from './llm/llm-client.ts';
import { rolePlan } from './roles.ts';
import { inPersonOrder } from './roles-inbound.ts';
import { bridgeLocalChat } from './roles-local-bridge.ts';

export type { App, AppOptions } from './app/app-types.ts';

export async function startApp(config: Config, log: Logger, options: AppOptions = {}): Promise<App> {
  const now = options.now ?? (() => new Date());
  const plan = rolePlan(config);
  if (await portInUse(config.HOST, config.PORT)) throw new PortInUseError(config.HOST, config.PORT);
  const metrics = createMetrics();
  const db = await openDatabase({
    production: config.NODE_ENV === 'production',
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    log,
    inMemory: options.inMemoryDatabase,
  });
  const redis = createRedis(config.REDIS_URL, 'producer');
  const workerRedis = createRedis(config.REDIS_URL, 'worker');
  const closeRedis = async () => {
    redis.disconnect();
    workerRedis.disconnect();
  };
  try {
    await checkRedis(redis);
  } catch (err) {
    await closeRedis();
    await db.close();
    throw err;
  }

  if (
    plan.receives &&
    config.demoData &&
    (await seedDemoData(db.prisma, { dialogues: config.demoDialogues }))
  )
    log.info('seeded demo data (coordinator, 2 partners, 12 volunteers)');

  const adapters: Partial<Record<Platform, ChannelAdapter>> = {};
  const localAdapter = config.localChatEnabled ? new LocalAdapter() : null;
  if (localAdapter) adapters.LOCAL = localAdapter;

  // Channels get `receive` before it exists (it needs the dispatcher, which needs delivery, which needs adapters).
  const channels = await createChannels({
    config,
    log,
    receive: (event) => receive(event),
    channelRepo: channelRepo(db.prisma),
    telegram: options.telegram,
    prisma: db.prisma,
    now,
    slack: options.slack,
  });
  for (const channel of channels) adapters[channel.adapter.platform] = channel.adapter;

  const outbox = outboxRepo(db.prisma, db.sql);
  const inbox = inboxRepo(db.prisma, config.DEFAULT_LOCALE, db.sql);
  const delivery = createDelivery({
    connection: redis,
    workerConnection: workerRedis,
    prefix: config.QUEUE_PREFIX,
    outbox,
    adapters,
    log,
    metrics,
    limits: options.deliveryLimits,
    retry: options.deliveryRetry,
  });
  const timers = createTimers({
    connection: redis,
    workerConnection: workerRedis,
    prefix: config.QUEUE_PREFIX,
    log,
    now,
  });
  const llm = createLlmClient(config, { registry: metrics.registry, log });
  const extract: ExtractFn = async (text, opts) => {
    const r = await extractRequest(text, { ...opts, llm, budgetMs: 8000 });
    return { patch: toDraftPatch(r.request) as Record<string, unknown>, fallback: r.fallback };
  };
  // A process that runs delivery sends a step's replies itself, right after commit (src/jobs/direct-send.ts).
  const reserve = plan.works ? delivery.reserve : undefined;
  const shellDeps = {
    extract,
    llmEnabled: llm.enabled,
    uow: unitOfWork(db.prisma),
    steps: db.sql ? stepUnitOfWork(db.sql, { inOrder: Boolean(config.DATABASE_URL), reserve }) : undefined,
    sqlEffects: db.sql ? sqlEffectUnitOfWork(db.sql, { reserve }) : null,
    zone: config.APP_TIMEZONE,
    conversationTtlDays: config.CONVERSATION_TTL_DAYS,
    now,
    log,
    dashboardUrl: dashboardUrls(() => config.PUBLIC_URL ?? server.listeningOrigin),
  };
  const afterCommit = createAfterCommit({ delivery, timers, log, direct: plan.works });
  // The event as received (or as recovered from the inbox), so processing need not read it back.
  const handle = async (record: InboundRecord) => {
    await afterCommit(await processInbound(shellDeps, record));
  };
  // At most 3 people at once: storing new events (the webhooks' ack) must not queue behind flow work.
  // With a shared PostgreSQL (several replicas possible) a person's events also keep their order across processes.
  const dispatcher = new Dispatcher<InboundRecord>(
    config.DATABASE_URL ? inPersonOrder(db.sql ?? prismaSql(db.prisma), handle) : handle,
    3,
  );
  // Events left unprocessed (the database went away after storing one) are picked up again.
  const inboxRetry = inboxRecovery({
    unprocessed: () => inbox.unprocessed(),
    dispatch: (r) => dispatcher.dispatch(r.personId, r),
    log,
  });
  registerTimers({
    config,
    db,
    timers,
    shell: shellDeps,
    llm,
    metrics,
    now,
    afterCommit,
    log,
    reminderPrepareAheadMs: options.reminderPrepareAheadMs,
  });

  async function receive(raw: InboundEvent) {
    const event = cleanInboundEvent(raw);
    const r = await inbox.record(event);
    metrics.inbound.inc({
      platform: event.sender.platform,
      kind: event.content.kind,
      outcome: r.duplicate ? 'duplicate' : 'new',
    });
    if (!r.duplicate) {
      const { platform } = event.sender;
      inboxRetry.dispatch({
        id: r.id,
        personId: r.personId,
        platform,
        content: event.content,
        preloaded: r.preloaded,
      });
    }
    return r.duplicate ? { duplicate: true } : { duplicate: false, id: r.id };
  }

  const server = createServer({
    log,
    metrics,
    ready: async () => ({
      database: await db.ping(),
      redis: await redis.ping().then(
        () => true,
        () => false,
      ),
    }),
  });
  if (plan.receives)
    await registerRoutes(server, { config, db, redis, localAdapter, adapters, channels, receive, now, log });
  // With several processes (shared PostgreSQL), replies delivered elsewhere still reach the web chat live.
  const stopLocalBridge =
    localAdapter && config.DATABASE_URL
      ? await bridgeLocalChat({
          plan,
          adapter: localAdapter,
          redis,
          prisma: db.prisma,
          prefix: config.QUEUE_PREFIX,
          log,
        })
      : async () => {};

  if (plan.works) {
    delivery.start();
    await timers.start();
  }
  // Recovery: events stored but not processed, and messages whose delivery job was lost.
  if (plan.receives) {
    await inboxRetry.recover(true);
    inboxRetry.start();
  }
  const stopUpkeep = await startUpkeep({
    works: plan.works,
    delivery,
    outbox,
    timers,
    metrics,
    redis,
    log,
  });

  const address = await listenOrExplain(server, config.HOST, config.PORT);
  if (plan.receives) for (const channel of channels) await channel.start?.();
  log.info(
    {
      role: plan.role,
      url: address,
      database: db.kind,
      localChat: Boolean(localAdapter),
      channels: channels.map((c) => c.adapter.platform),
    },
    'dialoogbot is running',
  );

  let stopped = false;
  return {
    config,
    db,
    server,
    url: address,
    localAdapter,
    delivery,
    timers,
    receive,
    async staff(sessionIds) {
      await afterCommit(
        await staffSessions({ uow: shellDeps.uow, zone: config.APP_TIMEZONE, now }, sessionIds),
      );
    },
    idle: () => dispatcher.idle().then(() => delivery.settled()),
    async stop() {
      if (stopped) return;
      stopped = true;
      stopUpkeep();
      inboxRetry.stop();
      for (const channel of channels) await channel.stop?.();
      await server.close();
      await dispatcher.idle();
      await timers.close();
      await delivery.close();
      await stopLocalBridge();
      await closeRedis();
      await db.close();
    },
  };
}
