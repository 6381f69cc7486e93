import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestApp } from '../support/app.ts';
import { LocalChatClient, texts } from '../support/local-chat-client.ts';

describe('resume after a restart (PostgreSQL)', () => {
  it('a half-finished request continues where it was after the app restarts', async () => {
    const databaseUrl = await createTestDatabase();
    let app = await startTestApp({ databaseUrl });
    let fatima = new LocalChatClient(app, 'partner-fatima');
    await fatima.send('/aanvragen');
    await fatima.press('Gezondheid');
    await fatima.send('Bewoners delen ervaringen met zorg in de wijk, want er sluit een huisartsenpost.');
    await app.stop();

    app = await startTestApp({ databaseUrl });
    fatima = new LocalChatClient(app, 'partner-fatima');
    // The next answer is taken as the answer to the pending question...
    expect(texts(await fatima.send('Ouderen en mantelzorgers'))).toContain('Hoeveel deelnemers');
    // ...and /aanvragen offers to continue or start again.
    expect(texts(await fatima.send('/aanvragen'))).toContain('verdergaan');
    expect(texts(await fatima.press('Verdergaan'))).toContain('Hoeveel deelnemers');
    await app.stop();
  });
});

describe('the zero-configuration path: embedded PGlite under DATA_DIR', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dialoog-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the request flow, survives a restart, and refuses a second process on the same directory', async () => {
    let app = await startTestApp({ databaseUrl: null, env: { DATA_DIR: dir } });
    expect(app.db.kind).toBe('pglite');
    // Right after creating the database, in the same process: queries on enum arrays must work
    // (the coordinator lookup when a request is submitted, /eerlijkheid).
    expect(texts(await new LocalChatClient(app, 'coordinator').send('/eerlijkheid'))).toContain(
      'Eerlijke verdeling',
    );
    await expect(startTestApp({ databaseUrl: null, env: { DATA_DIR: dir } })).rejects.toThrow(
      /in use by another process/,
    );

    let jeroen = new LocalChatClient(app, 'partner-jeroen');
    await jeroen.send('/aanvragen');
    await jeroen.press('Klimaat');
    await jeroen.send('Buren willen samen hun straat vergroenen en zoeken ideeën.');
    await jeroen.send('Buren uit de straat');
    await jeroen.send('8');
    await jeroen.press('Nederlands');
    await app.stop();

    app = await startTestApp({ databaseUrl: null, env: { DATA_DIR: dir } });
    jeroen = new LocalChatClient(app, 'partner-jeroen');
    await jeroen.press('💻 Online');
    await jeroen.send('15-12-2026 20:00');
    await jeroen.press('Nee, verder');
    await jeroen.press('60 minuten');
    await jeroen.press('Nee');
    await jeroen.press('Geen');
    await jeroen.press('Ik (Jeroen)');
    await jeroen.send('030 1234567');
    const done = await jeroen.press('✅ Versturen');
    expect(texts(done)).toMatch(/aanvraag #\d+ is verstuurd/);
    expect(await app.db.prisma.dialogueRequest.count()).toBe(1);
    expect(await app.db.prisma.dialogueSession.count()).toBe(1);
    await app.stop();
  });
});
