import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import { LocalChatClient, texts } from '../support/local-chat-client.ts';

/** The demo (`npm start` without DATABASE_URL) has past dialogues, so the harvest can be tried. */
describe('demo data: past dialogues with harvests (PostgreSQL + Redis)', () => {
  let app: App;
  beforeAll(async () => {
    // Tests run with NODE_ENV=test, where the demo seed leaves the dialogues out unless asked.
    app = await startTestApp({ env: { DEMO_DIALOGUES: '1' } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("Anouk can do /oogst for yesterday's dialogue", async () => {
    const anouk = new LocalChatClient(app, 'volunteer-anouk');
    const reply = texts(await anouk.send('/oogst'));
    expect(reply).toContain('1/9');
    expect(reply).toContain('Buurtcentrum De Leeuw');
    await anouk.send('/stop');
  });

  it('coordinators see reflections; the partner can record an outcome; the digest has content', async () => {
    const coordinator = new LocalChatClient(app, 'coordinator');
    expect(texts(await coordinator.send('/reflecties'))).toContain('stiltes laten vallen');
    const fatima = new LocalChatClient(app, 'partner-fatima');
    expect(texts(await fatima.send('/opbrengst'))).toContain('Wat is er met de opbrengst');
    await fatima.send('/stop');

    const to = DateTime.now().setZone('Europe/Amsterdam').toISODate() as string;
    const from = DateTime.now().minus({ days: 90 }).toISODate() as string;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/index.ts', 'digest', '--from', from, '--to', to],
      { env: { ...process.env, DATABASE_URL: app.config.DATABASE_URL as string, LOG_LEVEL: 'error' } },
    );
    expect(stdout).toContain('inloopuur');
    expect(stdout).toContain('We willen erbij horen, niet ertegenover staan');
  });

  it('a restart on the same database does not seed the dialogues again', async () => {
    const url = app.config.DATABASE_URL as string;
    const count = () => app.db.prisma.dialogueRequest.count();
    expect(await count()).toBe(4);
    await app.stop();
    app = await startTestApp({ databaseUrl: url });
    expect(await count()).toBe(4);
    expect(await app.db.prisma.harvest.count({ where: { status: 'SHARED' } })).toBe(3);
  });
});
