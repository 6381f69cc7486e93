import { ErrorCode } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { toSendResult } from './slack-adapter.ts';

const platform = (error: string) => ({ code: ErrorCode.PlatformError, data: { ok: false, error } });

describe('Web API failures → delivery outcomes', () => {
  it.each([
    [
      'a 429 with Retry-After 7',
      { code: ErrorCode.RateLimitedError, retryAfter: 7 },
      { ok: false, reason: 'rate_limited', retryAfterMs: 7000 },
    ],
    [
      'ratelimited in the body',
      platform('ratelimited'),
      { ok: false, reason: 'rate_limited', retryAfterMs: 1000 },
    ],
    [
      'account_inactive',
      platform('account_inactive'),
      { ok: false, reason: 'unreachable', detail: 'account_inactive' },
    ],
    [
      'channel_not_found',
      platform('channel_not_found'),
      { ok: false, reason: 'unreachable', detail: 'channel_not_found' },
    ],
    [
      'not_in_channel',
      platform('not_in_channel'),
      { ok: false, reason: 'unreachable', detail: 'not_in_channel' },
    ],
    // Our own token problem is not the person's: never mark everyone unreachable for it.
    ['invalid_auth', platform('invalid_auth'), { ok: false, reason: 'transient', detail: 'invalid_auth' }],
    [
      'a 503',
      { code: ErrorCode.HTTPError, statusCode: 503 },
      { ok: false, reason: 'transient', detail: 'http 503' },
    ],
    [
      'a network error',
      { code: ErrorCode.RequestError, message: 'ECONNRESET' },
      { ok: false, reason: 'transient', detail: 'slack_webapi_request_error' },
    ],
  ])('%s', (_name, err, expected) => {
    expect(toSendResult(err)).toEqual(expected);
  });
});
