import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import { channelRepo } from '../db/channel-repo.ts';
import { harvestMediaRepo } from '../db/harvest-media-repo.ts';
import type { AfterCommit, ShellDeps } from '../flows/shell.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Timers } from '../jobs/timers.ts';
import { harvestDraftTimer, harvestMediaTimer } from './harvest-jobs.ts';
import type { LlmClient } from './llm-client.ts';
import { createLlmMetrics } from './llm-metrics.ts';
import { createMediaReader } from './transcribe.ts';

/** Registers the harvest's after-commit LLM work (reading files, drafting) with the timers. */
export function registerHarvestLlm(deps: {
  config: Config;
  llm: LlmClient;
  registry: Registry;
  prisma: PrismaClient;
  shell: Pick<ShellDeps, 'uow' | 'zone' | 'conversationTtlDays' | 'now' | 'llmEnabled'>;
  timers: Pick<Timers, 'register'>;
  afterCommit(done: AfterCommit): Promise<void>;
  log: Logger;
}): void {
  const reader = createMediaReader(deps.config, {
    llm: deps.llm,
    metrics: createLlmMetrics(deps.registry),
    log: deps.log,
  });
  const media = channelRepo(deps.prisma);
  const jobs = {
    shell: deps.shell,
    llm: deps.llm,
    reader,
    findMedia: (ref: string) => media.find(ref),
    pendingMedia: harvestMediaRepo(deps.prisma).pending,
    afterCommit: deps.afterCommit,
    log: deps.log,
  };
  deps.timers.register(harvestMediaTimer(jobs));
  deps.timers.register(harvestDraftTimer(jobs));
}
