import type { App, Receiver, ReceiverEvent } from '@slack/bolt';

/** What our HTTP route answers Slack. */
export interface ReceiverResponse {
  status: number;
  body?: string | Record<string, unknown>;
}

/** Slack wants an answer within 3 s; past this we answer 503 so Slack retries (the core de-duplicates). */
const ACK_DEADLINE_MS = 2500;

/**
 * A Bolt receiver whose transport is our own fastify route (signature already checked there).
 * Events API requests are answered after the listeners ran — they only store the event, so that
 * is milliseconds, and a failed store gets a 500 that makes Slack retry instead of losing the
 * message. Interactions and commands are answered at `ack()` (a modal's validation errors ride on it).
 */
export class FastifyReceiver implements Receiver {
  private bolt: App | null = null;

  init(app: App): void {
    this.bolt = app;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async dispatch(input: {
    body: Record<string, unknown>;
    retryNum?: number;
    retryReason?: string;
  }): Promise<ReceiverResponse> {
    const bolt = this.bolt;
    if (!bolt) return { status: 503 };
    const isEvent = input.body.type === 'event_callback';
    let settle!: (r: ReceiverResponse) => void;
    const answered = new Promise<ReceiverResponse>((resolve) => {
      settle = resolve;
    });
    let acked: ReceiverResponse | null = null;
    const event: ReceiverEvent = {
      body: input.body,
      retryNum: input.retryNum,
      retryReason: input.retryReason,
      ack: async (response?: unknown) => {
        if (acked) return; // a second ack is a listener bug; Slack already has its answer
        acked = toResponse(response);
        if (!isEvent) settle(acked);
      },
    };
    const processing = bolt.processEvent(event).then(
      () => settle(acked ?? { status: 200 }),
      () => settle(isEvent || !acked ? { status: 500 } : acked),
    );
    const timer = setTimeout(() => settle({ status: 503 }), ACK_DEADLINE_MS);
    try {
      return await answered;
    } finally {
      clearTimeout(timer);
      void processing;
    }
  }
}

function toResponse(response: unknown): ReceiverResponse {
  if (response === undefined || response === null || response === '') return { status: 200 };
  if (typeof response === 'string') return { status: 200, body: response };
  return { status: 200, body: response as Record<string, unknown> };
}
