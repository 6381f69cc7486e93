/** How fast we post into one channel: Slack allows about 1 message/s per channel, with short bursts. */
export interface PacerOptions {
  /** Milliseconds per message once the burst is used up. */
  intervalMs: number;
  /** Messages that may go out back to back. */
  burst: number;
}

export const SLACK_CHANNEL_PACE: PacerOptions = { intervalMs: 1000, burst: 3 };

/**
 * A token bucket per channel. `reserve` books the next slot and says how long to wait for it, so
 * concurrent senders to the same channel queue up instead of bursting past Slack's limit.
 */
export class ChannelPacer {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly options: PacerOptions = SLACK_CHANNEL_PACE,
    private readonly maxChannels = 50_000,
  ) {}

  /**
   * Books one message for `channel` at time `now` (ms) and returns the milliseconds to wait for its
   * slot. A wait longer than `maxWaitMs` is not booked: the caller postpones instead of blocking.
   */
  reserve(channel: string, now: number, maxWaitMs = Number.POSITIVE_INFINITY): number {
    const { intervalMs, burst } = this.options;
    const b = this.buckets.get(channel) ?? { tokens: burst, at: now };
    const refill = intervalMs > 0 ? Math.max(0, now - b.at) / intervalMs : burst;
    const tokens = Math.min(burst, b.tokens + refill) - 1;
    const wait = tokens >= 0 ? 0 : Math.ceil(-tokens * intervalMs);
    if (wait > maxWaitMs) return wait;
    this.buckets.delete(channel); // re-insert: Map order doubles as least-recently-used order
    this.buckets.set(channel, { tokens, at: now });
    if (this.buckets.size > this.maxChannels) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return wait;
  }
}
