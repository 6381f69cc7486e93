import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('config', () => {
  it('needs nothing: embedded database, local web chat, demo data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      QUEUE_PREFIX: 'dialoog',
      DATA_DIR: './data',
      localChatEnabled: true,
      demoData: true,
    });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.TELEGRAM_MODE).toBeUndefined();
  });

  it('takes PUBLIC_URL with or without its trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://bot.example.org' }).PUBLIC_URL).toBe('https://bot.example.org');
    expect(loadConfig({ PUBLIC_URL: 'https://bot.example.org/' }).PUBLIC_URL).toBe(
      'https://bot.example.org/',
    );
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ QUEUE_PREFIX: 'a:b' }, 'QUEUE_PREFIX'],
    [{ APP_TIMEZONE: 'Mars/Olympus' }, 'APP_TIMEZONE'],
    [{ DEFAULT_LOCALE: 'fr' }, 'DEFAULT_LOCALE'],
    [{ TELEGRAM_BOT_TOKEN: 'nonsense' }, 'TELEGRAM_BOT_TOKEN'],
    [
      { TELEGRAM_BOT_TOKEN: '123:TEST-not-real', PUBLIC_URL: 'https://bot.example.org' },
      'TELEGRAM_WEBHOOK_SECRET',
    ],
    [{ SLACK_BOT_TOKEN: 'xoxb-fake' }, 'SLACK_SIGNING_SECRET'],
    // setWebhook, the dashboard's links and its Origin check all hang off the root.
    [{ PUBLIC_URL: 'https://bot.example.org/dialoog/' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://bot.example.org/?x=1' }, 'PUBLIC_URL'],
  ])('a bad value (%o) stops with one line naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration — ${name}`));
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('treats empty variables as unset and turns the local chat off when another channel is on', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    const c = loadConfig({ TELEGRAM_BOT_TOKEN: '123:TEST-not-real' });
    expect(c.telegramEnabled).toBe(true);
    expect(c.localChatEnabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).demoData).toBe(false);
  });
});
