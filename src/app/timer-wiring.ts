import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { harvestTimer } from '../db/harvest-timer.ts';
import { offerWaveTimer } from '../db/offer-wave-timer.ts';
import { reminderTimer } from '../db/reminder-timer.ts';
import { retentionTimer } from '../db/retention.ts';
import type { AfterCommit, ShellDeps } from '../flows/shell.ts';
import type { Metrics } from '../http/metrics.ts';
import { monthlyDigestTimer } from '../jobs/monthly-digest.ts';
import type { Timers } from '../jobs/timers.ts';
import { registerHarvestLlm } from '../llm/harvest-wiring.ts';
import type { LlmClient } from '../llm/llm-client.ts';

/** Registers every kind of timer job (reminders, offer waves, harvest, digest, retention) with `timers`. */
export function registerTimers(deps: {
  config: Config;
  db: Database;
  timers: Pick<Timers, 'register'>;
  shell: ShellDeps;
  llm: LlmClient;
  metrics: Metrics;
  now: () => Date;
  afterCommit(done: AfterCommit): Promise<void>;
  log: Logger;
  /** How long before its due time a reminder is prepared (default in reminderTimer). */
  reminderPrepareAheadMs?: number;
}): void {
  const { config, db, timers, shell, metrics, now, afterCommit, log } = deps;
  timers.register(
    reminderTimer({
      prisma: db.prisma,
      uow: shell.uow,
      zone: config.APP_TIMEZONE,
      afterCommit,
      onSent: (n) => metrics.remindersSent.inc(n ?? 1),
      prepareAheadMs: deps.reminderPrepareAheadMs,
    }),
  );
  timers.register(
    offerWaveTimer({
      prisma: db.prisma,
      uow: shell.uow,
      zone: config.APP_TIMEZONE,
      afterCommit,
    }),
  );
  timers.register(
    harvestTimer({ prisma: db.prisma, uow: shell.uow, zone: config.APP_TIMEZONE, now, afterCommit }),
  );
  if (config.MONTHLY_DIGEST ?? config.NODE_ENV !== 'test')
    timers.register(
      monthlyDigestTimer({
        prisma: db.prisma,
        uow: shell.uow,
        zone: config.APP_TIMEZONE,
        now,
        afterCommit,
      }),
    );
  registerHarvestLlm({
    config,
    llm: deps.llm,
    registry: metrics.registry,
    prisma: db.prisma,
    shell,
    timers,
    afterCommit,
    log,
  });

  timers.register(
    retentionTimer({
      prisma: db.prisma,
      days: config.RETENTION_DAYS,
      harvestRawDays: config.HARVEST_RAW_RETENTION_DAYS,
      zone: config.APP_TIMEZONE,
      now,
      onSwept: (report) => log.info({ retention: report }, 'retention sweep done'),
    }),
  );
}
