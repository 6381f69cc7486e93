import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createChannels } from './bots/channels.ts';
import { LocalAdapter } from './bots/local/local-adapter.ts';
import { localChatRoutes } from './bots/local/local-routes.ts';
import type { ChannelAdapter, InboundEvent, Platform } from './bots/ports.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { seedDemoData } from './db/demo-seed.ts';
import { inboxRepo } from './db/inbox-repo.ts';
import { localChatRepo } from './db/local-chat-repo.ts';
import { outboxRepo } from './db/outbox-repo.ts';
import { unitOfWork } from './db/unit-of-work.ts';
import { Dispatcher } from './flows/dispatcher.ts';
import { processInbound } from './flows/shell.ts';
import { createMetrics } from './http/metrics.ts';
import { createServer } from './http/server.ts';
import { createDelivery, type Delivery } from './jobs/delivery.ts';
import { checkRedis, createRedis } from './jobs/redis.ts';
import { createTimers, type Timers } from './jobs/timers.ts';

export interface AppOptions {
  /** Tests: an in-memory embedded database instead of DATA_DIR. */
  inMemoryDatabase?: boolean;
  /** Tests: a fixed or moving clock. */
  now?: () => Date;
}

/** One running instance: everything built from config, passed explicitly (ARCHITECTURE.md "composition root"). */
export interface App {
  config: Config;
  db: Database;
  server: FastifyInstance;
  url: string;
  localAdapter: LocalAdapter | null;
  delivery: Delivery;
  timers: Timers;
  /** Feeds one inbound event through the pipeline (adapters call this). */
  receive(event: InboundEvent): Promise<{ duplicate: boolean }>;
  /** Resolves when every inbound event received so far has been processed. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startApp(config: Config, log: Logger, options: AppOptions = {}): Promise<App> {
  const now = options.now ?? (() => new Date());
  const metrics = createMetrics();
  const db = await openDatabase({
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

  if (config.demoData && (await seedDemoData(db.prisma)))
    log.info('seeded demo data (coordinator, 2 partners, 12 volunteers)');

  const adapters: Partial<Record<Platform, ChannelAdapter>> = {};
  const localAdapter = config.localChatEnabled ? new LocalAdapter() : null;
  if (localAdapter) adapters.LOCAL = localAdapter;

  // Channels get `receive` before it exists (it needs the dispatcher, which needs delivery, which needs adapters).
  const channels = await createChannels({ config, log, receive: (event) => receive(event) });
  for (const channel of channels) adapters[channel.adapter.platform] = channel.adapter;

  const outbox = outboxRepo(db.prisma);
  const inbox = inboxRepo(db.prisma, config.DEFAULT_LOCALE);
  const delivery = createDelivery({
    connection: redis,
    workerConnection: workerRedis,
    prefix: config.QUEUE_PREFIX,
    outbox,
    adapters,
    log,
    metrics,
  });
  const timers = createTimers({
    connection: redis,
    workerConnection: workerRedis,
    prefix: config.QUEUE_PREFIX,
    log,
    now,
  });
  const shellDeps = {
    uow: unitOfWork(db.prisma),
    zone: config.APP_TIMEZONE,
    conversationTtlDays: config.CONVERSATION_TTL_DAYS,
    now,
    log,
  };
  const dispatcher = new Dispatcher(async (inboundId) => {
    const record = await inbox.load(inboundId);
    if (!record) return;
    const ids = await processInbound(shellDeps, record);
    // If enqueueing fails the rows stay PENDING and the sweeper below re-enqueues them.
    await delivery
      .enqueue(ids)
      .catch((err) => log.warn({ err: (err as Error).message }, 'enqueue failed; sweeper will retry'));
  });

  async function receive(event: InboundEvent) {
    const r = await inbox.record(event);
    metrics.inbound.inc({
      platform: event.sender.platform,
      kind: event.content.kind,
      outcome: r.duplicate ? 'duplicate' : 'new',
    });
    if (!r.duplicate) void dispatcher.dispatch(r.personId, r.id);
    return { duplicate: r.duplicate };
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
  if (localAdapter) {
    await server.register(async (scope) =>
      localChatRoutes(scope, {
        adapter: localAdapter,
        repo: localChatRepo(db.prisma, config.DEFAULT_LOCALE),
        receive,
      }),
    );
  }

  for (const channel of channels) await channel.registerRoutes?.(server);

  delivery.start();
  await timers.start();
  // Recovery: events stored but not processed, and messages whose delivery job was lost.
  for (const r of await inbox.unprocessed()) void dispatcher.dispatch(r.personId, r.id);
  const sweep = async () => {
    try {
      await delivery.enqueue(await outbox.stalePending(30_000));
      metrics.queueDepth.set(await delivery.depth());
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'outbox sweep failed');
    }
  };
  await delivery.enqueue(await outbox.stalePending(0));
  const sweeper = setInterval(sweep, 30_000);
  sweeper.unref();

  const address = await server.listen({ port: config.PORT, host: config.HOST });
  for (const channel of channels) await channel.start?.();
  log.info(
    {
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
    idle: () => dispatcher.idle(),
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(sweeper);
      for (const channel of channels) await channel.stop?.();
      await server.close();
      await dispatcher.idle();
      await timers.close();
      await delivery.close();
      await closeRedis();
      await db.close();
    },
  };
}
