/** A rate as Telegram states it: at most `burst` at once, then one per `intervalMs`. */
export interface Rate {
  intervalMs: number;
  burst: number;
}

/** Telegram's published limits (FACTS.md): ~30/s overall, ~1/s per chat, 20/min per group. */
export interface SendLimits {
  global: Rate;
  privateChat: Rate;
  group: Rate;
}

export const TELEGRAM_LIMITS: SendLimits = {
  // A little under 30/s, so a strict sliding window on Telegram's side never sees a 31st message.
  global: { intervalMs: 1000 / 29, burst: 1 },
  privateChat: { intervalMs: 1000, burst: 3 },
  // 20 per minute, strictly: one every 3 s.
  group: { intervalMs: 3000, burst: 1 },
};

interface Lane {
  /** Theoretical arrival time of the next message (GCRA). */
  tat: number;
  /** Reserved send times per delivery part, kept in order of reservation. */
  slots: Map<string, number>;
}

/**
 * Spaces out messages per chat and overall without holding anyone back who is not over a limit.
 * A message reserves its slot once (by key), so when its delivery job comes back at that time it
 * goes first, and messages to one chat keep their order even when some are deferred. A 429 moves
 * the chat's queue behind Telegram's retry_after.
 */
export class SendPacer {
  private readonly lanes = new Map<string, Lane>();
  private globalTat = 0;

  constructor(
    private readonly limits: SendLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** When the message part `key` to `chatId` may be sent (ms epoch); reserves that slot. */
  reserve(chatId: string, key: string): number {
    const now = this.now();
    const lane = this.lane(chatId);
    let at = lane.slots.get(key);
    if (at === undefined) {
      const rate = isGroup(chatId) ? this.limits.group : this.limits.privateChat;
      at = gcra(lane.tat, now, rate);
      lane.tat = Math.max(lane.tat, at) + rate.intervalMs;
      lane.slots.set(key, at);
    }
    return at;
  }

  /** The overall limit: a short in-process wait shared by all chats (call right before sending). */
  takeGlobal(): number {
    const now = this.now();
    const at = gcra(this.globalTat, now, this.limits.global);
    this.globalTat = Math.max(this.globalTat, at) + this.limits.global.intervalMs;
    return Math.max(0, at - now);
  }

  /** The part was sent (or given up): its slot is no longer needed. */
  release(chatId: string, key: string): void {
    const lane = this.lanes.get(chatId);
    lane?.slots.delete(key);
    if (lane && lane.slots.size === 0 && lane.tat < this.now()) this.lanes.delete(chatId);
  }

  /** Telegram said "retry after": every waiting message of this chat moves behind it, in order. */
  block(chatId: string, retryAfterMs: number, firstKey: string): void {
    const lane = this.lane(chatId);
    const rate = isGroup(chatId) ? this.limits.group : this.limits.privateChat;
    const until = this.now() + retryAfterMs;
    // Waiting messages keep their order (the one that got the 429 is among them, in its place).
    const ordered = [...lane.slots.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k);
    const keys = ordered.includes(firstKey) ? ordered : [firstKey, ...ordered];
    lane.slots.clear();
    keys.forEach((k, i) => {
      lane.slots.set(k, until + i * rate.intervalMs);
    });
    // No burst right after a 429: the next new message comes after the waiting ones, one interval apart.
    lane.tat = until + (keys.length + rate.burst - 1) * rate.intervalMs;
  }

  private lane(chatId: string): Lane {
    this.forgetAbandoned();
    let lane = this.lanes.get(chatId);
    if (!lane) {
      lane = { tat: 0, slots: new Map() };
      this.lanes.set(chatId, lane);
    }
    return lane;
  }

  private sweptAt = 0;
  /** Slots of messages whose job never came back (given up elsewhere) are dropped after a while. */
  private forgetAbandoned(): void {
    const now = this.now();
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [chatId, lane] of this.lanes) {
      for (const [k, at] of lane.slots) if (at < now - 10 * 60_000) lane.slots.delete(k);
      if (lane.slots.size === 0 && lane.tat < now) this.lanes.delete(chatId);
    }
  }
}

/** Generic cell rate algorithm: the earliest time the next message conforms to `rate`. */
function gcra(tat: number, now: number, rate: Rate): number {
  return Math.max(now, tat - (rate.burst - 1) * rate.intervalMs);
}

/** Telegram group and channel ids are negative; private chats are the user's (positive) id. */
export const isGroup = (chatId: string) => chatId.startsWith('-');
