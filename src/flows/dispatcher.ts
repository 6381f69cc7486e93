/**
 * Runs inbound events one at a time per person, in arrival order, while different people are
 * handled concurrently. (Across replicas, the conversation revision check catches the rare race.)
 */
export class Dispatcher {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly run: (inboundId: string) => Promise<void>) {}

  dispatch(personId: string, inboundId: string): Promise<void> {
    const previous = this.chains.get(personId) ?? Promise.resolve();
    const next = previous.then(() => this.run(inboundId)).catch(() => {});
    this.chains.set(personId, next);
    void next.then(() => {
      if (this.chains.get(personId) === next) this.chains.delete(personId);
    });
    return next;
  }

  /** Resolves when every event dispatched so far has been handled (graceful shutdown, tests). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }
}
