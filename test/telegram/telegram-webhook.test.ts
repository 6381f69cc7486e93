import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { FakeTelegramApi } from '../fakes/telegram-api.ts';
import { startTestApp } from '../support/app.ts';
import { settle } from '../support/local-chat-client.ts';
import { localIso } from '../support/zone.ts';
import { newUpdateId, postUpdate, TEST_SECRET, TEST_TOKEN, TelegramUser, texts } from './telegram-user.ts';

/** Telegram updates posted to /telegram/webhook as Telegram sends them; replies seen at a fake Bot API. */
describe('Telegram webhook (PostgreSQL + Redis + fake Bot API)', () => {
  let app: App;
  let fake: FakeTelegramApi;
  const logLines: string[] = [];
  beforeAll(async () => {
    fake = await FakeTelegramApi.start({ token: TEST_TOKEN });
    app = await startTestApp({
      logLines,
      env: {
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_WEBHOOK_SECRET: TEST_SECRET,
        TELEGRAM_MODE: 'webhook',
        TELEGRAM_API_ROOT: fake.url,
        PUBLIC_URL: 'https://dialoog.example.org',
        LOCAL_CHAT: '1',
      },
      // Tests do not wait for Telegram's real per-chat pace (that is tested on the pacer itself).
      telegram: { limits: { privateChat: { intervalMs: 1, burst: 1000 } } },
    });
    await fake.waitFor((calls) => calls.some((c) => c.method === 'setWebhook'));
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
  });

  const inboundCount = () => app.db.prisma.inboundEvent.count({ where: { platform: 'TELEGRAM' } });

  it('sets the webhook with its secret and the update types it uses, and the command menus in nl and en', () => {
    const [hook] = fake.callsOf('setWebhook');
    expect(hook?.params).toMatchObject({
      url: 'https://dialoog.example.org/telegram/webhook',
      secret_token: TEST_SECRET,
      allowed_updates: ['message', 'callback_query'],
    });
    const menus = fake.callsOf('setMyCommands');
    const nl = menus.find((c) => c.params.language_code === 'nl');
    const en = menus.find((c) => c.params.language_code === 'en');
    expect(nl?.params.commands).toContainEqual({
      command: 'aanvragen',
      description: 'Een dialoog aanvragen',
    });
    expect(en?.params.commands).toContainEqual({ command: 'request', description: 'Request a dialogue' });
    expect(menus.some((c) => c.params.language_code === undefined)).toBe(true);
  });

  it('a new partner signs up with /start and requests a dialogue, all over Telegram', async () => {
    const noor = new TelegramUser(app, fake, 5_000_001, 'Noor');
    let replies = await noor.send('/start');
    expect(texts(replies)).toContain('Wie ben jij?');
    await noor.press('Partnerorganisatie');
    await noor.press('Noor');
    replies = await noor.send('Jongerenwerk <b>Oost</b> 🌱');
    expect(texts(replies)).toContain('akkoord');
    replies = await noor.press('✅ Akkoord');
    expect(texts(replies)).toContain('Welkom, Noor van Jongerenwerk <b>Oost</b> 🌱');

    replies = await noor.send('/aanvragen');
    expect(texts(replies)).toContain('Over welk thema');
    await noor.press('Armoede');
    await noor.send('Jongeren praten mee over armoede in hun wijk, nu de gemeente plannen maakt.');
    await noor.send('Jongeren van 16 tot 23');
    await noor.send('15-20');
    await noor.send('Nederlands en Arabisch');
    await noor.press('📍 Op locatie');
    replies = await noor.send('Lunetten');
    expect(texts(replies)).toContain('adres');
    await noor.send('Jongerencentrum, Hondsrug 2');
    replies = await noor.send('10-12-2026 16:00');
    expect(texts(replies)).toContain('do 10 dec 2026 16:00');
    await noor.press('Nee, verder');
    await noor.press('120 minuten');
    await noor.press('Nee');
    await noor.send('Rolstoeltoegankelijk');
    await noor.press(/^Ik \(/);
    replies = await noor.send('noor@example.org, 06 12345678');
    expect(texts(replies)).toContain('Thema: Armoede');
    replies = await noor.press('✅ Versturen');
    expect(texts(replies)).toMatch(/aanvraag #\d+ is verstuurd/);

    const request = await app.db.prisma.dialogueRequest.findFirstOrThrow({
      where: { organisation: { name: 'Jongerenwerk <b>Oost</b> 🌱' } },
      include: { sessions: true },
    });
    expect(request).toMatchObject({
      theme: 'armoede',
      expectedParticipants: 20,
      languages: ['nl', 'ar'],
      wijk: 'zuid',
      durationMinutes: 120,
      contactEmail: 'noor@example.org',
    });
    expect(request.sessions[0]?.startsAt.toISOString()).toBe(localIso(app, '2026-12-10T16:00'));
    const identity = await app.db.prisma.channelIdentity.findUniqueOrThrow({
      where: { platform_externalId: { platform: 'TELEGRAM', externalId: '5000001' } },
      include: { person: true },
    });
    expect(identity).toMatchObject({ chatId: '5000001', person: { displayName: 'Noor' } });
    // The coordinator (on the local web chat) is told.
    const told = await app.db.prisma.outboundMessage.findFirst({
      where: { platform: 'LOCAL', payload: { path: ['text'], string_contains: `#${request.number}` } },
    });
    expect(told).not.toBeNull();

    // Every button press was answered at once, and nothing was sent with a parse mode.
    const presses = fake.callsOf('answerCallbackQuery').length;
    expect(presses).toBeGreaterThanOrEqual(9);
    expect(fake.messages(noor.id).every((c) => c.params.parse_mode === undefined)).toBe(true);
    expect(fake.messages(noor.id).flatMap((c) => keyboardData(c.params))).not.toContain(undefined);
    expect(
      fake
        .messages(noor.id)
        .flatMap((c) => keyboardData(c.params))
        .every((d) => Buffer.byteLength(String(d)) <= 64),
    ).toBe(true);
  });

  it('a deep link /start <invite> signs a volunteer up with that role', async () => {
    const vera = new TelegramUser(app, fake, 5_000_002, 'Vera');
    let replies = await vera.send('/start DEMO-VRIJWILLIGER');
    expect(texts(replies)).toContain('Hoe mag ik je noemen?');
    await vera.press('Vera');
    replies = await vera.press('✅ Akkoord');
    const person = await app.db.prisma.person.findFirstOrThrow({
      where: { identities: { some: { platform: 'TELEGRAM', externalId: '5000002' } } },
    });
    expect(person.roles).toEqual(['VOLUNTEER']);
    expect(replies.length).toBeGreaterThan(0);
  });

  it('rejects a missing or wrong secret: 401, nothing stored, no reply', async () => {
    const eve = new TelegramUser(app, fake, 5_000_003, 'Eve');
    const before = { inbound: await inboundCount(), calls: fake.calls.length };
    expect((await postUpdate(app, eve.messageUpdate('/start'), null)).status).toBe(401);
    expect((await postUpdate(app, eve.messageUpdate('/start'), 'wrong-secret')).status).toBe(401);
    expect((await postUpdate(app, eve.messageUpdate('/start'), `${TEST_SECRET}x`)).status).toBe(401);
    expect((await postUpdate(app, eve.messageUpdate('/start'), '')).status).toBe(401);
    await settle(app);
    expect(await inboundCount()).toBe(before.inbound);
    expect(fake.calls.length).toBe(before.calls);
    expect(
      await app.db.prisma.channelIdentity.count({ where: { platform: 'TELEGRAM', externalId: '5000003' } }),
    ).toBe(0);
  });

  it('the same update three times (in a row and at once) has one effect and one reply', async () => {
    const sam = new TelegramUser(app, fake, 5_000_004, 'Sam');
    const update = sam.messageUpdate('/help');
    const results = [
      await postUpdate(app, update),
      await postUpdate(app, update),
      await postUpdate(app, update),
    ];
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.body.outcome)).toEqual(['stored', 'duplicate', 'duplicate']);
    const concurrent = sam.messageUpdate('/taal');
    const at_once = await Promise.all([1, 2, 3].map(() => postUpdate(app, concurrent)));
    expect(at_once.filter((r) => r.body.outcome === 'stored')).toHaveLength(1);
    await settle(app);
    expect(
      fake.messages(sam.id).filter((c) => String(c.params.text).includes('Dit kun je bij mij doen')),
    ).toHaveLength(1);
    expect(fake.messages(sam.id).filter((c) => String(c.params.text).includes('In welke taal'))).toHaveLength(
      1,
    );
    expect(
      await app.db.prisma.inboundEvent.count({
        where: {
          platform: 'TELEGRAM',
          eventId: { in: [String(update.update_id), String(concurrent.update_id)] },
        },
      }),
    ).toBe(2);
  });

  it('answers malformed and unsupported bodies without storing anything', async () => {
    const before = await inboundCount();
    const post = (body: string) =>
      fetch(`${app.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_SECRET },
        body,
      });
    expect((await post('{"update_id":')).status).toBe(400);
    expect((await post('{"hello":"world"}')).status).toBe(400);
    expect((await post('[]')).status).toBe(400);
    // Shapes Telegram never sends, which the translator would trip over: told what is wrong, not a 500.
    const noChat = await post(
      JSON.stringify({
        update_id: newUpdateId(),
        message: { message_id: 1, date: 1, from: { id: 1 }, text: 'hi' },
      }),
    );
    expect(noChat.status).toBe(400);
    expect(((await noChat.json()) as { message: string }).message).toContain('message.chat');
    const noFrom = await post(
      JSON.stringify({
        update_id: newUpdateId(),
        callback_query: { id: 'x', data: 'abc', chat_instance: 'c' },
      }),
    );
    expect(noFrom.status).toBe(400);
    expect(((await noFrom.json()) as { message: string }).message).toContain('callback_query.from');
    const fromWithoutId = await post(
      JSON.stringify({
        update_id: newUpdateId(),
        message: {
          message_id: 1,
          date: 1,
          from: { first_name: 'A' },
          chat: { id: 1, type: 'private' },
          text: 'hi',
        },
      }),
    );
    expect(fromWithoutId.status).toBe(400);
    // Sent without a JSON content type (curl -d): refused as such, nothing stored.
    const form = await fetch(`${app.url}/telegram/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-telegram-bot-api-secret-token': TEST_SECRET,
      },
      body: `{"update_id":${newUpdateId()}}`,
    });
    expect(form.status).toBe(415);
    // Valid updates of types we do not use are acknowledged, or Telegram would send them again for a day.
    const edited = await post(
      JSON.stringify({
        update_id: newUpdateId(),
        edited_message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: 'x' },
      }),
    );
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as { outcome: string }).outcome).toBe('ignored');
    const location = await post(
      JSON.stringify({
        update_id: newUpdateId(),
        message: {
          message_id: 1,
          date: 0,
          from: { id: 5_000_009, is_bot: false, first_name: 'L' },
          chat: { id: 5_000_009, type: 'private' },
          location: { latitude: 52.09, longitude: 5.12 },
        },
      }),
    );
    expect(location.status).toBe(200);
    expect(await inboundCount()).toBe(before);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('stale buttons, other people’s buttons and a 10,000-character message get polite answers', async () => {
    const jan = new TelegramUser(app, fake, 5_000_005, 'Jan');
    await jan.send('/start');
    const partner = jan.findButton('Partnerorganisatie');
    await jan.press('Partnerorganisatie');
    const stale = await jan.roundTrip(jan.callbackUpdate(partner.data, partner.messageId));
    expect(texts(stale)).toContain('werkt niet meer');

    const mallory = new TelegramUser(app, fake, 5_000_006, 'Mallory');
    const janNameButton = jan.findButton('Jan');
    const foreign = await mallory.roundTrip(
      mallory.callbackUpdate(janNameButton.data, janNameButton.messageId),
    );
    expect(texts(foreign)).toContain('niet voor jou');
    expect(texts(await jan.roundTrip(jan.callbackUpdate('x'.repeat(64))))).toContain('werkt niet meer');

    const long = await jan.send('lorem ipsum '.repeat(834));
    expect(texts(long)).toContain('te lang');
    // Jan's conversation is where it was: the name question still works.
    const state = await app.db.prisma.conversation.findFirstOrThrow({
      where: { person: { identities: { some: { externalId: '5000005' } } } },
    });
    expect((state.state as { step: string }).step).toBe('name');
  });

  it('shows emoji, right-to-left text, HTML and Markdown in names exactly as typed', async () => {
    const name = 'سارة <i>*Sara*</i> _x_ [y](z) 🧕🏽';
    const sara = new TelegramUser(app, fake, 5_000_007, 'Sara');
    await sara.send('/start');
    await sara.press('Partnerorganisatie');
    await sara.send(name);
    await sara.send('Stichting `code` & <script>alert(1)</script>');
    const done = await sara.press('✅ Akkoord');
    expect(texts(done)).toContain(`Welkom, ${name} van Stichting \`code\` & <script>alert(1)</script>`);
    expect(fake.messages(sara.id).every((c) => c.params.parse_mode === undefined)).toBe(true);
    const person = await app.db.prisma.person.findFirstOrThrow({
      where: { identities: { some: { externalId: '5000007' } } },
    });
    expect(person.displayName).toBe(name);
  });

  it('fetches voice notes and files through getFile and stores them; a too large file gets a clear message', async () => {
    const fatma = new TelegramUser(app, fake, 5_000_008, 'Fatma');
    await fatma.send('/help');
    fake.addFile('voice-1', { content: Buffer.from('OggS fake voice note') });
    const voice = {
      update_id: newUpdateId(),
      message: {
        message_id: 77,
        from: fatma.from,
        chat: { id: fatma.id, type: 'private' },
        date: 0,
        voice: {
          file_id: 'voice-1',
          file_unique_id: 'uv1',
          duration: 3,
          mime_type: 'audio/ogg',
          file_size: 20,
        },
      },
    };
    const replies = await fatma.roundTrip(voice);
    // Fatma has not signed up yet, so the core asks her to; the file is kept all the same.
    expect(texts(replies)).toContain('aanmelden');
    await waitForMedia('tg:uv1', 'STORED');
    const stored = await app.db.prisma.mediaFile.findUniqueOrThrow({ where: { ref: 'tg:uv1' } });
    expect(Buffer.from(stored.content ?? []).toString()).toBe('OggS fake voice note');
    const event = await app.db.prisma.inboundEvent.findFirstOrThrow({
      where: { eventId: String(voice.update_id) },
    });
    expect(event.payload).toMatchObject({ kind: 'media', mediaKind: 'voice', fileRef: 'tg:uv1' });

    const big = {
      update_id: newUpdateId(),
      message: {
        message_id: 78,
        from: fatma.from,
        chat: { id: fatma.id, type: 'private' },
        date: 0,
        document: {
          file_id: 'doc-big',
          file_unique_id: 'udbig',
          file_name: 'film.mp4',
          file_size: 25 * 1024 * 1024,
        },
      },
    };
    await postUpdate(app, big);
    await fake.waitFor(() => fake.messages(fatma.id).some((c) => String(c.params.text).includes('te groot')));
    expect(texts(fake.messages(fatma.id))).toContain('25 MB; maximaal 20 MB');
    await waitForMedia('tg:udbig', 'TOO_LARGE');
    expect(fake.callsOf('getFile').some((c) => c.params.file_id === 'doc-big')).toBe(false);
  });

  it('logs no message text, names, tokens or secrets', () => {
    const logs = logLines.join('\n');
    for (const secret of [TEST_TOKEN, TEST_SECRET, 'noor@example.org', 'Jongeren van 16 tot 23', 'سارة']) {
      expect(logs).not.toContain(secret);
    }
  });

  async function waitForMedia(ref: string, status: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const row = await app.db.prisma.mediaFile.findUnique({ where: { ref }, select: { status: true } });
      if (row?.status === status) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`media ${ref} never became ${status}`);
  }
});

function keyboardData(params: Record<string, unknown>): unknown[] {
  const markup = params.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
  return markup?.inline_keyboard?.flat().map((b) => b.callback_data) ?? [];
}
