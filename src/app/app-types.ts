import type { FastifyInstance } from 'fastify';
import type { LocalAdapter } from '../bots/local/local-adapter.ts';
import type { InboundEvent } from '../bots/ports.ts';
import type { SlackTuning } from '../bots/slack/slack-channel.ts';
import type { TelegramChannelOptions } from '../bots/telegram/telegram-channel.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Delivery, DeliveryDeps } from '../jobs/delivery.ts';
import type { Timers } from '../jobs/timers.ts';

/* What startApp (src/app.ts) takes and returns. */

export interface AppOptions {
  /** Tests: an in-memory embedded database instead of DATA_DIR. */
  inMemoryDatabase?: boolean;
  /** Tests: a fixed or moving clock. */
  now?: () => Date;
  /** Tests and benchmarks: Telegram pacing and limits. */
  telegram?: TelegramChannelOptions;
  /** Benchmarks: outbound queue limits other than the platforms' own. */
  deliveryLimits?: DeliveryDeps['limits'];
  /** Tests: shorter outbound retry pauses and give-up age. */
  deliveryRetry?: DeliveryDeps['retry'];
  /** Tests and benchmarks: how long before its due time a reminder is prepared (default 5 minutes). */
  reminderPrepareAheadMs?: number;
  /** Tests and benchmarks: Slack client retries and per-channel pace. */
  slack?: SlackTuning;
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
  /** Sends the next offer wave for these sessions (after approval, a hand-back, or by a coordinator). */
  staff(sessionIds: string[]): Promise<void>;
  /** Resolves when every inbound event received so far has been processed. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}
