import { z } from 'zod';

/** The platforms the bot speaks on; mirrors the Platform enum in prisma/schema.prisma. */
export const PlatformSchema = z.enum(['LOCAL', 'TELEGRAM', 'SLACK']);
export type Platform = z.infer<typeof PlatformSchema>;

/** Who sent an update, as the platform knows them. */
export const SenderSchema = z.object({
  platform: PlatformSchema,
  externalId: z.string().min(1).max(200),
  chatId: z.string().max(200).optional(),
  workspaceId: z.string().max(200).optional(),
  displayName: z.string().max(200).optional(),
  languageCode: z.string().max(20).optional(),
});
export type Sender = z.infer<typeof SenderSchema>;

/** What a person did: typed text, a command, pressed a button, sent a file, or filled in a form. */
export const InboundContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('command'), command: z.string(), args: z.string() }),
  z.object({ kind: z.literal('button'), buttonId: z.string().max(64) }),
  z.object({
    kind: z.literal('media'),
    mediaKind: z.enum(['voice', 'photo', 'document']),
    fileRef: z.string(),
    caption: z.string().optional(),
  }),
  /** A whole form filled in at once (the request form as a Slack modal); the core validates it again. */
  z.object({
    kind: z.literal('form'),
    form: z.literal('intake'),
    values: z.record(z.string().max(40), z.string().max(5000)),
  }),
]);
export type InboundContent = z.infer<typeof InboundContentSchema>;

/** One update from any platform, normalised by its adapter. */
export const InboundEventSchema = z.object({
  /** Platform-unique id of the update (Telegram update_id, Slack event_id, local client id). */
  eventId: z.string().min(1).max(200),
  sender: SenderSchema,
  content: InboundContentSchema,
  receivedAt: z.date(),
});
export type InboundEvent = z.infer<typeof InboundEventSchema>;

/** A button as the core sees it: an opaque short id (stored server-side) and a label. */
export interface OutboundButton {
  id: string;
  label: string;
}

/** A file to attach, such as a calendar invite. */
export interface OutboundFile {
  filename: string;
  mimeType: string;
  contentBase64: string;
}

/** One message to one person; adapters render it natively. */
export interface OutboundMessage {
  text: string;
  /** Rows of buttons. */
  buttons?: OutboundButton[][];
  file?: OutboundFile;
  /** Delivery id of an earlier message this one replaces (edited in place where the platform can). */
  replaces?: string;
}

/** Where a message goes, resolved by delivery from a person to their preferred identity. */
export interface DeliveryTarget {
  platform: Platform;
  externalId: string;
  chatId?: string | null;
  workspaceId?: string | null;
}

export interface DeliveryMeta {
  deliveryId: string;
  createdAt: Date;
}

/** The outcome of a send; expected failures are values, not exceptions. */
export type SendResult =
  | { ok: true; externalMessageId?: string }
  | { ok: false; reason: 'rate_limited'; retryAfterMs: number }
  | { ok: false; reason: 'unreachable'; detail: string }
  | { ok: false; reason: 'transient'; detail: string };

/** A channel adapter: translates platform updates in, renders messages out. */
export interface ChannelAdapter {
  readonly platform: Platform;
  /** `deliveryId` is stable across retries of the same message (use it to de-duplicate). */
  send(target: DeliveryTarget, message: OutboundMessage, meta: DeliveryMeta): Promise<SendResult>;
  stop?(): Promise<void>;
}

/** What a channel needs from the core: hand over one normalised event (stored once, processed after). */
export type ReceiveInbound = (event: InboundEvent) => Promise<{ duplicate: boolean; id?: string }>;

/** A channel wired into the app: its adapter, its HTTP routes, and its lifecycle. */
export interface Channel {
  readonly adapter: ChannelAdapter;
  /** Adds the channel's HTTP routes (webhooks) to our server; called before listen. */
  registerRoutes?(server: import('fastify').FastifyInstance): Promise<void> | void;
  /** Starts background work (polling, setWebhook, socket mode) after the server listens. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
