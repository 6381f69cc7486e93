import fc from 'fast-check';
import { TEST_SECRET } from '../telegram/telegram-user.ts';
import { type Attack, printable } from './corpus.ts';

/** A private-chat text message update as Telegram sends it. */
export function privateMessage(updateId: number, userId: number, text: string, firstName = 'Eve') {
  return {
    update_id: updateId,
    message: {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: 'private' },
      from: { id: userId, is_bot: false, first_name: firstName },
      text,
    },
  };
}

/** Forged or malformed Telegram webhook calls: wrong secrets, broken JSON, wrong types, huge bodies. */
export function telegramCorpus(count: number, seed: number, firstUpdateId: number): Attack[] {
  let updateId = firstUpdateId;
  const update = () => JSON.stringify(privateMessage(updateId++, 6_666_001, '/start'));
  const H = 'x-telegram-bot-api-secret-token';
  const withSecret = (
    name: string,
    secret: string | string[] | null,
    body?: string,
    type = 'application/json',
  ): Attack => ({
    target: 'telegram',
    name,
    headers: { 'content-type': type, ...(secret === null ? {} : { [H]: secret }) },
    body: body ?? update(),
  });
  const attack: fc.Arbitrary<() => Attack> = fc.oneof(
    fc.constant(() => withSecret('secret missing', null)),
    printable.map((s) => () => withSecret('wrong secret', s)),
    fc
      .constantFrom('upper', 'lower', 'swap')
      .map(
        (how) => () =>
          withSecret(
            `secret in other case (${how})`,
            how === 'upper'
              ? TEST_SECRET.toUpperCase()
              : how === 'lower'
                ? TEST_SECRET.replace('t', 'T')
                : TEST_SECRET.replace(/[a-z]/g, (c) => c.toUpperCase()).replace(/[A-Z]/, (c) =>
                    c.toLowerCase(),
                  ),
          ),
      ),
    fc.tuple(fc.constantFrom('x', '0', '==', 'Bearer ', '%20'), fc.boolean()).map(
      ([p, before]) =>
        () =>
          withSecret(
            before ? 'prefix added' : 'suffix added',
            before ? `${p}${TEST_SECRET}` : `${TEST_SECRET}${p}`,
          ),
    ),
    fc
      .integer({ min: 1, max: 5 })
      .map((n) => () => withSecret(`length-extended ×${n + 1}`, TEST_SECRET.repeat(n + 1))),
    fc
      .integer({ min: 1, max: TEST_SECRET.length - 1 })
      .map((n) => () => withSecret(`truncated by ${n}`, TEST_SECRET.slice(0, -n))),
    fc.constant(() => withSecret('secret header twice', [TEST_SECRET, TEST_SECRET])),
    fc.constant(() => withSecret('wrong and right secret', ['nope', TEST_SECRET])),
    fc
      .constantFrom(
        '{',
        '{"update_id":',
        'null',
        '[]',
        '"x"',
        'undefined',
        'NaN',
        '{"update_id":1,}',
        '\u0000',
        '',
      )
      .map((body) => () => withSecret(`malformed JSON ${JSON.stringify(body)}`, TEST_SECRET, body)),
    fc
      .boolean()
      .map(
        (right) => () =>
          withSecret(
            `huge body (${right ? 'right' : 'wrong'} secret)`,
            right ? TEST_SECRET : 'nope',
            JSON.stringify({ update_id: updateId++, pad: 'x'.repeat(300 * 1024) }),
          ),
      ),
    fc
      .constantFrom('"12"', '-1', '1.5', 'null', '{}', '[1]', 'true', '1e400')
      .map(
        (id) => () =>
          withSecret(`update_id ${id}`, TEST_SECRET, `{"update_id":${id},"message":{"text":"/start"}}`),
      ),
    fc
      .constantFrom(
        '[{"update_id":1}]',
        '{"message":{"text":"/start"}}',
        '{"update_id":"1","callback_query":{}}',
      )
      .map((body) => () => withSecret('wrong types', TEST_SECRET, body)),
    fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
      )
      .map((type) => () => withSecret(`content-type ${type}`, TEST_SECRET, undefined, type)),
  );
  return fc.sample(attack, { numRuns: count, seed }).map((make) => make());
}
