import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { createSlackChannel } from './slack-channel.ts';

const base = { SLACK_BOT_TOKEN: 'xoxb-fake', SLACK_API_URL: 'http://127.0.0.1:9/api' };
const build = (env: Record<string, string>) =>
  createSlackChannel({
    config: loadConfig(env),
    log: pino({ level: 'silent' }),
    receive: async () => ({ duplicate: false }),
    // Nothing is read at construction; the channel only talks to the database once events arrive.
    prisma: {} as PrismaClient,
  });

describe('Slack channel configuration', () => {
  it('HTTP mode: serves POST /slack/events on our server', () => {
    const channel = build({ ...base, SLACK_SIGNING_SECRET: 'test-signing-secret-not-real' });
    expect(channel.adapter.platform).toBe('SLACK');
    expect(channel.registerRoutes).toBeTypeOf('function');
  });

  it('Socket Mode when SLACK_APP_TOKEN is set: no route, no network call until start()', () => {
    const channel = build({ ...base, SLACK_APP_TOKEN: 'xapp-test-not-real' });
    expect(channel.registerRoutes).toBeUndefined();
    expect(channel.start).toBeTypeOf('function');
  });

  it('refuses a bot token without a signing secret or app token (config)', () => {
    expect(() => loadConfig(base)).toThrow(/SLACK_SIGNING_SECRET/);
  });
});
