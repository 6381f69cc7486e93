import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { HomeRepo } from '../../db/home-repo.ts';
import type { Locale } from '../../i18n/index.ts';
import { renderHome } from './slack-home.ts';
import { slackUserId } from './slack-inbound.ts';

export interface HomePublisherDeps {
  client: WebClient;
  repo: HomeRepo;
  zone: string;
  defaultLocale: Locale;
  now: () => Date;
  log: Logger;
  /** How long `schedule` gathers changes before publishing (a reply often comes in 2–3 messages). */
  debounceMs?: number;
}

/**
 * Publishes App Home tabs (`views.publish`). Refreshes for one person are coalesced: while one runs,
 * further requests collapse into a single re-run, so a burst of messages costs at most two publishes.
 */
export class HomePublisher {
  private readonly running = new Map<string, { again: boolean; done: Promise<void> }>();
  private readonly scheduled = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: HomePublisherDeps) {}

  /** Refreshes a home soon: changes arriving within the debounce window cost one publish. */
  schedule(externalId: string): void {
    if (this.scheduled.has(externalId)) return;
    const timer = setTimeout(() => {
      this.scheduled.delete(externalId);
      void this.refresh(externalId);
    }, this.deps.debounceMs ?? 1000);
    timer.unref();
    this.scheduled.set(externalId, timer);
  }

  /** Schedules a refresh of one Slack account's home (`T…:U…`); resolves when it is published. */
  refresh(externalId: string): Promise<void> {
    const current = this.running.get(externalId);
    if (current) {
      current.again = true;
      return current.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          await this.publish(externalId);
        } while (entry.again);
      } finally {
        this.running.delete(externalId);
      }
    })();
    this.running.set(externalId, entry);
    return entry.done;
  }

  /** Drops scheduled refreshes (shutdown); the next change or home visit publishes again. */
  cancelScheduled(): void {
    for (const timer of this.scheduled.values()) clearTimeout(timer);
    this.scheduled.clear();
  }

  /** Resolves when no refresh is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()].map((r) => r.done));
  }

  private async publish(externalId: string): Promise<void> {
    const { repo, client, log } = this.deps;
    try {
      const now = this.deps.now();
      const personId = await repo.personIdFor('SLACK', externalId);
      const data = (personId ? await repo.home(personId, now) : null) ?? {
        personId: '',
        displayName: '',
        locale: this.deps.defaultLocale,
        onboarded: false,
        roles: [],
      };
      const view = renderHome(data, { zone: this.deps.zone, now });
      await client.views.publish({ user_id: slackUserId(externalId), view: view as never });
    } catch (err) {
      log.warn({ err: (err as Error).message?.slice(0, 200) }, 'slack app home publish failed');
    }
  }
}
