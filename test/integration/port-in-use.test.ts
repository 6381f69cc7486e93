import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A second `npm start` while the first one runs: one clear line, before any database is touched. */
describe('the HTTP port is already taken', () => {
  let taken: Server;
  let port: number;
  const dir = mkdtempSync(path.join(tmpdir(), 'dialoog-port-'));
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen({ host: '127.0.0.1', port: 0 }, resolve));
    port = (taken.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => taken.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('says which port, and how to run a second instance, without creating or seeding a database', async () => {
    const dataDir = path.join(dir, 'data');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
    };
    delete env.DATABASE_URL;
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...env, DATA_DIR: dataDir, LOCAL_CHAT: '1', LOG_LEVEL: 'info' },
      timeout: 30_000,
    });
    const failed = await run.then(
      () => null,
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    const out = `${failed?.stdout}${failed?.stderr}`;
    expect(out).toContain(`Port ${port} on 127.0.0.1 is in use`);
    expect(out).toContain(`Set PORT=${port + 1} to run a second one.`);
    expect(out).not.toMatch(/migrat|seeded/i);
    expect(existsSync(dataDir)).toBe(false);
  });
});
