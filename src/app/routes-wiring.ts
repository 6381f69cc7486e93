import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { LocalAdapter } from '../bots/local/local-adapter.ts';
import { localChatRoutes } from '../bots/local/local-routes.ts';
import type { Channel, ChannelAdapter, Platform, ReceiveInbound } from '../bots/ports.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { localChatRepo } from '../db/local-chat-repo.ts';
import { dashboardRoutes } from '../http/dashboard/routes.ts';

/** The HTTP routes of a receiving process: the web chat, the coordinator dashboard and the channels' webhooks. */
export async function registerRoutes(
  server: FastifyInstance,
  deps: {
    config: Config;
    db: Database;
    redis: Redis;
    localAdapter: LocalAdapter | null;
    adapters: Partial<Record<Platform, ChannelAdapter>>;
    channels: Channel[];
    receive: ReceiveInbound;
    now: () => Date;
    log: Logger;
  },
): Promise<void> {
  const { config, db, localAdapter, now, log } = deps;
  if (localAdapter) {
    await server.register(async (scope) =>
      localChatRoutes(scope, {
        adapter: localAdapter,
        repo: localChatRepo(db.prisma, config.DEFAULT_LOCALE),
        receive: deps.receive,
      }),
    );
  }

  // The coordinator dashboard (sign-in by a link from /dashboard in chat) and the queue board (not on workers).
  await server.register(async (scope) =>
    dashboardRoutes(scope, {
      prisma: db.prisma,
      now,
      zone: config.APP_TIMEZONE,
      defaultLocale: config.DEFAULT_LOCALE,
      publicUrl: config.PUBLIC_URL,
      log,
      queues: {
        connection: deps.redis,
        prefix: config.QUEUE_PREFIX,
        names: ['timers', ...Object.keys(deps.adapters).map((p) => `outbound-${p.toLowerCase()}`)],
      },
    }),
  );

  for (const channel of deps.channels) await channel.registerRoutes?.(server);
}
