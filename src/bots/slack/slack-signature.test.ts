import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { slackSignature, verifySlackSignature } from './slack-signature.ts';

const secret = 'test-signing-secret-not-real';
const now = new Date('2026-11-29T10:00:00Z');
const ts = String(now.getTime() / 1000);
const body = Buffer.from('{"type":"event_callback","event_id":"Ev1"}');
// Computed independently, the way Slack documents it.
const good = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body.toString()}`).digest('hex')}`;

describe('Slack request signature (v0)', () => {
  it('computes what Slack computes', () => {
    expect(slackSignature(secret, ts, body)).toBe(good);
  });

  it.each([
    ['a good signature', { signature: good }, { ok: true }],
    ['a signature 4m59s old', { signature: good, now: new Date(now.getTime() + 299_000) }, { ok: true }],
    [
      'a timestamp 5m01s old',
      { signature: good, now: new Date(now.getTime() + 301_000) },
      { ok: false, reason: 'stale_timestamp' },
    ],
    [
      'a timestamp from the future',
      { signature: good, now: new Date(now.getTime() - 301_000) },
      { ok: false, reason: 'stale_timestamp' },
    ],
    [
      'another secret',
      { signature: good, signingSecret: 'other-not-real' },
      { ok: false, reason: 'bad_signature' },
    ],
    [
      'an altered body',
      { signature: good, rawBody: Buffer.from('{"type":"event_callback","event_id":"Ev2"}') },
      { ok: false, reason: 'bad_signature' },
    ],
    ['a truncated signature', { signature: good.slice(0, 20) }, { ok: false, reason: 'bad_signature' }],
    ['no signature', { signature: undefined }, { ok: false, reason: 'missing_headers' }],
    ['no timestamp', { signature: good, timestamp: undefined }, { ok: false, reason: 'missing_headers' }],
    [
      'a non-numeric timestamp',
      { signature: good, timestamp: '12abc' },
      { ok: false, reason: 'missing_headers' },
    ],
  ])('%s', (_name, over, expected) => {
    const r = verifySlackSignature({
      signingSecret: secret,
      timestamp: ts,
      rawBody: body,
      now,
      ...over,
    } as Parameters<typeof verifySlackSignature>[0]);
    expect(r).toEqual(expected);
  });
});
