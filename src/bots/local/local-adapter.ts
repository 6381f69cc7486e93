import { EventEmitter } from 'node:events';
import type { ChannelAdapter, DeliveryMeta, DeliveryTarget, OutboundMessage, SendResult } from '../ports.ts';

/** One message as the web chat shows it. */
export interface LocalChatMessage {
  id: string;
  seq: number;
  direction: 'in' | 'out';
  text: string;
  buttons?: { id: string; label: string }[][];
  file?: { filename: string; url: string };
  at: string;
  /** Set on a push that replaces an earlier message (same id). */
  edited?: boolean;
}

export interface LocalPush {
  persona: string;
  message: LocalChatMessage;
}

/** The local web chat channel: "sending" means pushing to the browsers that watch that persona. */
export class LocalAdapter implements ChannelAdapter {
  readonly platform = 'LOCAL' as const;
  private readonly events = new EventEmitter();

  constructor() {
    this.events.setMaxListeners(1000);
  }

  async send(target: DeliveryTarget, message: OutboundMessage, meta: DeliveryMeta): Promise<SendResult> {
    this.push({
      persona: target.externalId,
      message: toLocalMessage(meta.deliveryId, meta.createdAt, message),
    });
    return { ok: true, externalMessageId: meta.deliveryId };
  }

  push(p: LocalPush): void {
    this.events.emit('message', p);
  }

  subscribe(listener: (p: LocalPush) => void): () => void {
    this.events.on('message', listener);
    return () => this.events.off('message', listener);
  }
}

export function toLocalMessage(id: string, createdAt: Date, m: OutboundMessage): LocalChatMessage {
  return {
    id,
    seq: createdAt.getTime(),
    direction: 'out',
    text: m.text,
    buttons: m.buttons?.length ? m.buttons : undefined,
    file: m.file
      ? { filename: m.file.filename, url: `/api/local/files/${encodeURIComponent(id)}` }
      : undefined,
    at: createdAt.toISOString(),
  };
}
