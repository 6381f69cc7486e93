import { randomUUID } from 'node:crypto';
import type { App } from '../../src/app.ts';
import type { LocalChatMessage } from '../../src/bots/local/local-adapter.ts';

/** Waits until every inbound event is processed and every outbound message has left the outbox. */
export async function settle(app: App, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await app.idle();
    const pending = await app.db.prisma.outboundMessage.count({ where: { status: 'PENDING' } });
    if (pending === 0) {
      await app.idle();
      return;
    }
    if (Date.now() > deadline)
      throw new Error(`${pending} outbound messages still pending after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** Talks to the bot as one persona through the local web chat's HTTP API, like the browser does. */
export class LocalChatClient {
  constructor(
    private readonly app: App,
    readonly persona: string,
  ) {}

  async post(body: Record<string, unknown>): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(`${this.app.url}/api/local/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona: this.persona, clientMessageId: randomUUID(), ...body }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  async history(): Promise<LocalChatMessage[]> {
    const res = await fetch(`${this.app.url}/api/local/messages?persona=${encodeURIComponent(this.persona)}`);
    return ((await res.json()) as { messages: LocalChatMessage[] }).messages;
  }

  /** Sends text and returns the bot's replies to it. */
  async send(text: string): Promise<LocalChatMessage[]> {
    return this.roundTrip({ text });
  }

  /** Presses the button with this label (or matching this pattern) under the latest bot message that has buttons. */
  async press(label: string | RegExp): Promise<LocalChatMessage[]> {
    const button = await this.findButton(label);
    return this.roundTrip({ buttonId: button.id });
  }

  async findButton(
    label: string | RegExp,
    where: 'latest' | 'any' = 'latest',
  ): Promise<{ id: string; label: string }> {
    const outs = (await this.history()).filter((m) => m.direction === 'out' && m.buttons?.length).reverse();
    const candidates = where === 'latest' ? outs.slice(0, 1) : outs;
    for (const m of candidates) {
      const b = m.buttons
        ?.flat()
        .find((x) => (typeof label === 'string' ? x.label === label : label.test(x.label)));
      if (b) return b;
    }
    throw new Error(
      `no button ${String(label)} in ${JSON.stringify(outs[0]?.buttons?.flat().map((b) => b.label))}`,
    );
  }

  async roundTrip(body: Record<string, unknown>): Promise<LocalChatMessage[]> {
    const before = new Set((await this.history()).map((m) => m.id));
    const r = await this.post(body);
    if (r.status !== 202) throw new Error(`send failed: ${r.status} ${JSON.stringify(r.json)}`);
    await settle(this.app);
    return (await this.history()).filter((m) => m.direction === 'out' && !before.has(m.id));
  }

  /** The text of the last bot message. */
  async last(): Promise<string> {
    const outs = (await this.history()).filter((m) => m.direction === 'out');
    return outs.at(-1)?.text ?? '';
  }
}

export const texts = (messages: LocalChatMessage[]) => messages.map((m) => m.text).join('\n---\n');
