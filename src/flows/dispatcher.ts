/**
 * Runs inbound events one at a time per person, in arrival order, while different people are
 * handled concurrently. (Across replicas, the claim on the stored event and the conversation
 * revision check catch the rare race.) A job is whatever `run` needs: the event itself, or its id.
 */
export class Dispatcher<J = string> {
  private readonly chains = new Map<string, Promise<void>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /**
   * `maxConcurrent` bounds how many people are processed at once: each holds a database connection
   * for its transaction, and the webhooks' "store the event" must still find one within Slack's 3 s.
   */
  constructor(
    private readonly run: (job: J) => Promise<void>,
    private readonly maxConcurrent = Number.POSITIVE_INFINITY,
  ) {}

  dispatch(personId: string, job: J): Promise<void> {
    const previous = this.chains.get(personId) ?? Promise.resolve();
    const next = previous.then(() => this.limited(job)).catch(() => {});
    this.chains.set(personId, next);
    void next.then(() => {
      if (this.chains.get(personId) === next) this.chains.delete(personId);
    });
    return next;
  }

  private async limited(job: J): Promise<void> {
    if (this.running >= this.maxConcurrent) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      await this.run(job);
    } finally {
      // Hand the slot straight to the next in line, so nobody can overtake between release and take.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Resolves when every event dispatched so far has been handled (graceful shutdown, tests). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }
}
