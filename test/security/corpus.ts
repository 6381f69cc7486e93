import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { SLACK_TEST_ENV, signSlack } from '../support/slack-client.ts';

/** One crafted request: headers may repeat (an array sends the header line several times). */
export interface Attack {
  target: 'slack' | 'telegram';
  name: string;
  headers: Record<string, string | string[]>;
  body: string;
}

const SECRET: string = SLACK_TEST_ENV.SLACK_SIGNING_SECRET;
/** Header-safe random text (any visible ASCII a header may carry). */
export const printable = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=+/.:'),
  minLength: 1,
  maxLength: 80,
});

function slackBodies(now: number): { body: string; type: string }[] {
  const event = (text: string) =>
    JSON.stringify({
      team_id: 'T0TEST',
      api_app_id: 'A0TEST',
      type: 'event_callback',
      event_id: `Ev${randomUUID().slice(0, 10)}`,
      event_time: now,
      event: {
        type: 'message',
        channel_type: 'im',
        channel: 'DUEVIL',
        user: 'UEVIL',
        text,
        ts: `${now}.000100`,
      },
    });
  const payload = JSON.stringify({
    type: 'block_actions',
    user: { id: 'UEVIL', team_id: 'T0TEST' },
    team: { id: 'T0TEST' },
    channel: { id: 'DUEVIL' },
    actions: [{ action_id: 'b', value: 'x1', type: 'button' }],
    trigger_id: '1.2',
  });
  return [
    { body: event('/aanvragen'), type: 'application/json' },
    { body: event('hallo <script>'), type: 'application/json' },
    {
      body: new URLSearchParams({
        command: '/dialoog',
        text: 'aanvragen',
        user_id: 'UEVIL',
        team_id: 'T0TEST',
        channel_id: 'DUEVIL',
        trigger_id: '1.2',
      }).toString(),
      type: 'application/x-www-form-urlencoded',
    },
    { body: new URLSearchParams({ payload }).toString(), type: 'application/x-www-form-urlencoded' },
    {
      body: JSON.stringify({ type: 'url_verification', challenge: 'c', token: 'x' }),
      type: 'application/json',
    },
  ];
}

/** Flips, adds or drops something in a signed body. */
const tamper = fc.oneof(
  fc.nat().map((i) => (b: string) => {
    const k = i % b.length;
    return b.slice(0, k) + String.fromCharCode(b.charCodeAt(k) ^ 1) + b.slice(k + 1);
  }),
  fc.constantFrom(' ', '\n', '\r\n', '\u00a0', '}', '&admin=1').map((s) => (b: string) => b + s),
  fc.integer({ min: 1, max: 40 }).map((n) => (b: string) => b.slice(0, Math.max(0, b.length - n))),
  fc.constant((b: string) => b.replace('UEVIL', 'UADMIN')),
  fc.constant((b: string) => (b.startsWith('{') ? JSON.stringify(JSON.parse(b), null, 1) : `${b}&x=1`)),
  fc.constant((b: string) => b.normalize('NFD').replace('a', 'a\u0301')),
);

/** A tampering that happens not to change this body still changes it. */
const changed = (body: string, f: (b: string) => string) => {
  const out = f(body);
  return out === body ? `${out}x` : out;
};

export function slackCorpus(count: number, seed: number, now = Math.floor(Date.now() / 1000)): Attack[] {
  const bodies = slackBodies(now);
  const ts = String(now);
  const base = (
    b: { body: string; type: string },
    sig: string | string[] | null,
    stamp: string | string[] | null,
  ) => ({
    'content-type': b.type,
    ...(sig === null ? {} : { 'x-slack-signature': sig }),
    ...(stamp === null ? {} : { 'x-slack-request-timestamp': stamp }),
  });
  const good = (b: string, t = ts, secret = SECRET) => signSlack(secret, t, b);
  const mutation: fc.Arbitrary<(b: { body: string; type: string }) => Attack> = fc.oneof(
    fc.constant((b: { body: string; type: string }) => ({
      target: 'slack' as const,
      name: 'signature missing',
      headers: base(b, null, ts),
      body: b.body,
    })),
    fc.constantFrom('', 'v0=', 'v0', 'v1=', 'sha256=').map((s) => (b: { body: string; type: string }) => ({
      target: 'slack' as const,
      name: `signature "${s}"`,
      headers: base(b, s, ts),
      body: b.body,
    })),
    fc.integer({ min: 1, max: 66 }).map((n) => (b: { body: string; type: string }) => ({
      target: 'slack' as const,
      name: `signature truncated by ${n}`,
      headers: base(b, good(b.body).slice(0, -n), ts),
      body: b.body,
    })),
    printable.map((secret) => (b: { body: string; type: string }) => ({
      target: 'slack' as const,
      name: 'signed with another secret',
      headers: base(b, good(b.body, ts, `${secret}x`), ts),
      body: b.body,
    })),
    fc.constantFrom('upper', 'v1', 'extra', 'base64').map((how) => (b: { body: string; type: string }) => {
      const s = good(b.body);
      const sig = {
        upper: s.toUpperCase(),
        v1: s.replace('v0=', 'v1='),
        extra: `${s}0`,
        base64: `v0=${Buffer.from(s.slice(3), 'hex').toString('base64')}`,
      }[how];
      return {
        target: 'slack' as const,
        name: `signature variant ${how}`,
        headers: base(b, sig, ts),
        body: b.body,
      };
    }),
    fc.integer({ min: 1, max: 10_000 }).map((d) => (b: { body: string; type: string }) => ({
      target: 'slack' as const,
      name: 'signature of another timestamp',
      headers: base(b, good(b.body, String(now - d)), ts),
      body: b.body,
    })),
    fc.integer({ min: 301, max: 10_000_000 }).map((d) => (b: { body: string; type: string }) => ({
      target: 'slack' as const,
      name: 'timestamp too old',
      headers: base(b, good(b.body, String(now - d)), String(now - d)),
      body: b.body,
    })),
    fc.integer({ min: 301, max: 10_000_000 }).map((d) => (b: { body: string; type: string }) => ({
      target: 'slack' as const,
      name: 'timestamp in the future',
      headers: base(b, good(b.body, String(now + d)), String(now + d)),
      body: b.body,
    })),
    fc
      .constantFrom(
        'abc',
        '',
        ' ',
        '1e9',
        '-5',
        `+${ts}`,
        `${ts}.0`,
        `${ts}000`,
        `0x${now.toString(16)}`,
        'NaN',
        'Infinity',
      )
      .map((stamp) => (b: { body: string; type: string }) => ({
        target: 'slack' as const,
        name: `timestamp "${stamp}"`,
        headers: base(b, good(b.body, stamp), stamp),
        body: b.body,
      })),
    tamper.map((f) => (b: { body: string; type: string }) => ({
      target: 'slack' as const,
      name: 'body changed after signing',
      headers: base(b, good(b.body), ts),
      body: changed(b.body, f),
    })),
    fc
      .constantFrom(
        'text/plain',
        'application/xml',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
        'application/jso',
        'text/html',
      )
      .map((type) => (b: { body: string; type: string }) => ({
        target: 'slack' as const,
        name: `content-type ${type} (signed)`,
        headers: { ...base(b, good(b.body), ts), 'content-type': type },
        body: b.body,
      })),
    fc
      .constantFrom('text/plain', 'application/json', 'application/x-www-form-urlencoded')
      .map((type) => (b: { body: string; type: string }) => ({
        target: 'slack' as const,
        name: `content-type ${type}, bad signature`,
        headers: { ...base(b, good(`${b.body} `), ts), 'content-type': type },
        body: b.body,
      })),
    fc.boolean().map((signed) => (b: { body: string; type: string }) => {
      const body = `${b.body}${' '.repeat(1024 * 1024 + 10)}`;
      return {
        target: 'slack' as const,
        name: `oversized body (${signed ? 'signed' : 'unsigned'})`,
        headers: base(b, signed ? good(body) : good(b.body), ts),
        body,
      };
    }),
    fc
      .constantFrom('sig-good-bad', 'sig-good-good', 'ts-twice', 'ts-old-new')
      .map((how) => (b: { body: string; type: string }) => {
        const s = good(b.body);
        const headers =
          how === 'sig-good-bad'
            ? base(b, [s, good(b.body, ts, 'other')], ts)
            : how === 'sig-good-good'
              ? base(b, [s, s], ts)
              : how === 'ts-twice'
                ? base(b, s, [ts, ts])
                : base(b, s, [String(now - 4000), ts]);
        return { target: 'slack' as const, name: `duplicated headers ${how}`, headers, body: b.body };
      }),
  );
  return fc
    .sample(fc.tuple(fc.nat(bodies.length - 1), mutation), { numRuns: count, seed })
    .map(([i, m]) => m(bodies[i] as { body: string; type: string }));
}
