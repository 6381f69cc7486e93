import type { Config } from './config.ts';

/**
 * What one process does, by APP_ROLE (see docs/deploy.md):
 * - `all`: everything (the default, and the only choice with the embedded database);
 * - `http`: webhooks, local chat and dashboard routes, storing inbound events and running the flows
 *   (one person's events in order, on any replica: src/roles-inbound.ts); no BullMQ workers, no timers;
 * - `worker`: the BullMQ workers (outbound delivery, timers with their reconciler, the outbox
 *   sweeper) and only /healthz, /readyz and /metrics on PORT.
 * Both sides may add jobs: an http process queues deliveries and timers; a worker runs them.
 */
export interface RolePlan {
  role: Config['APP_ROLE'];
  /** Receives and processes inbound events: platform routes, polling, the local chat, the dispatcher. */
  receives: boolean;
  /** Runs queue workers, timers, the reconciler and the outbox sweeper. */
  works: boolean;
}

export function rolePlan(config: Pick<Config, 'APP_ROLE'>): RolePlan {
  const role = config.APP_ROLE ?? 'all';
  return { role, receives: role !== 'worker', works: role !== 'http' };
}
