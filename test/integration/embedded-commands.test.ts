import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { LocalChatClient, texts } from '../support/local-chat-client.ts';

/**
 * The embedded database has one connection: anything that queries outside the step's transaction
 * waits for it until the transaction times out. Every command a demo persona can type must work
 * there, since that is what `npm start` runs.
 */
describe('every command on the embedded database (the quick start)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dialoog-pglite-cmds-'));
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    // As `npm start` runs: embedded database, demo people and past dialogues.
    app = await startTestApp({ databaseUrl: null, env: { DATA_DIR: dir, DEMO_DIALOGUES: '1' } });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const failed = /ging bij mij iets mis|went wrong on my side/;

  it('a coordinator gets a dashboard link and uses every coordinator command', async () => {
    const lieke = new LocalChatClient(app, 'coordinator');
    const link = texts(await lieke.send('/dashboard'));
    expect(link).not.toMatch(failed);
    expect(link).toMatch(/\/dashboard\/login\?token=/);
    for (const command of [
      '/overzicht',
      '/eerlijkheid',
      '/instellingen',
      '/uitnodigen vrijwilliger',
      '/rondsturen',
      '/belanghebbenden',
      '/reflecties',
      '/opbrengst',
      '/help',
    ]) {
      const answer = texts(await lieke.send(command));
      expect(answer, command).not.toMatch(failed);
      expect(answer.length, command).toBeGreaterThan(0);
      await lieke.send('/stop');
    }
  });

  it('volunteers and partners use their commands', async () => {
    const anouk = new LocalChatClient(app, 'volunteer-anouk');
    expect(texts(await anouk.send('/oogst'))).toContain('1/9'); // yesterday's demo dialogue
    await anouk.send('/stop');
    for (const command of ['/mijnsessies', '/oogst', '/profiel', '/mijngegevens', '/privacy', '/help']) {
      const answer = texts(await anouk.send(command));
      expect(answer, command).not.toMatch(failed);
      await anouk.send('/stop');
    }
    const fatima = new LocalChatClient(app, 'partner-fatima');
    for (const command of ['/mijnaanvragen', '/opbrengst', '/aanvragen', '/help']) {
      const answer = texts(await fatima.send(command));
      expect(answer, command).not.toMatch(failed);
      await fatima.send('/stop');
    }
  });
});
