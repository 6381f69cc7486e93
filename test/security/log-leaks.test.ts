import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { findLeaks, LOG_CAPTURE_ENV } from '../support/log-leaks.ts';

describe('the log leak check of the whole test run (test/support/log-leaks.ts)', () => {
  it.each([
    ['+31 6 1234 5678', 'phone number'],
    ['bel 06-12345678', 'phone number'],
    ['030-1234567', 'phone number'],
    ['+44 20 7946 0958', 'phone number'],
    ['0031612345678', 'phone number'],
    ['noor@example.org', 'e-mail address'],
    ['ANOUK@voorbeeld.ORG', 'e-mail address'],
    ['xoxb-1234-abcd', 'slack token'],
    ['authorization: Bearer abc.def.ghi', 'bearer token'],
    ['/bot123456:FAKE-token-for-tests-only-xx/sendMessage', 'bot token'],
    ['123456:TEST-token-not-real', 'test secret'],
  ])('finds %j (%s)', (line, kind) => {
    expect(findLeaks(line).map((f) => f.kind)).toContain(kind);
  });

  it.each([
    '{"level":30,"time":1795953334034,"pid":1234,"msg":"listening"}',
    '{"responseTime":1.0012345678901234}',
    '{"ts":"1764412345.000100","chatId":"5000001","updateId":700001}',
    '{"inboundId":"cm3abcdefghijklmnopqrstuv","key":"cm3abcdefg:r0"}',
    '{"url":"postgresql://postgres@127.0.0.1:5432/dialoog"}',
  ])('does not flag %j', (line) => {
    expect(findLeaks(line)).toEqual([]);
  });

  it('is switched on for this run: the logger of every app writes to the capture directory', () => {
    expect(process.env[LOG_CAPTURE_ENV]).toBeTruthy();
    const lines: string[] = [];
    createLogger('info', { write: (l: string) => void lines.push(l) }).info({ n: 1 }, 'capture probe');
    // The app's own destination still gets every line; the capture is a copy.
    expect(lines).toHaveLength(1);
  });
});
