import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack rejects nothing itself: requests older or newer than this are refused as possible replays. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing_headers' | 'stale_timestamp' | 'bad_signature' };

export interface SignedRequest {
  signingSecret: string;
  /** `x-slack-request-timestamp` (seconds since the epoch, as text). */
  timestamp: string | undefined;
  /** `x-slack-signature`, `v0=<hex>`. */
  signature: string | undefined;
  /** The body exactly as received: any re-serialisation would change the HMAC. */
  rawBody: Buffer;
  now: Date;
}

/** Verifies Slack's v0 request signature: HMAC-SHA256 of `v0:{timestamp}:{raw body}`, compared in constant time. */
export function verifySlackSignature(req: SignedRequest): SignatureCheck {
  const { timestamp, signature } = req;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: 'missing_headers' };
  const age = Math.abs(Math.floor(req.now.getTime() / 1000) - Number(timestamp));
  if (age > SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: 'stale_timestamp' };
  const expected = Buffer.from(slackSignature(req.signingSecret, timestamp, req.rawBody));
  const given = Buffer.from(signature);
  // timingSafeEqual needs equal lengths; a length mismatch reveals nothing about the secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad_signature' };
  }
  return { ok: true };
}

/** The `x-slack-signature` value Slack computes for a body. */
export function slackSignature(signingSecret: string, timestamp: string, rawBody: Buffer | string): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}
