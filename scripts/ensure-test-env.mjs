// Makes sure what the test suite talks to is there, on a fresh machine of our kind:
// PostgreSQL and Redis (started if installed but down) and Debian's Chromium for the browser test.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';

const say = (msg) => console.log(`[test-env] ${msg}`);

function reachable(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(port, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await reachable(port)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

function run(cmd) {
  say(`$ ${cmd}`);
  return spawnSync('sh', ['-c', cmd], { stdio: 'inherit' }).status === 0;
}

const pgUrl = process.env.TEST_POSTGRES_URL;
if (!pgUrl && !(await reachable(5432))) {
  if (existsSync('/etc/postgresql')) {
    const version = readdirSync('/etc/postgresql')[0];
    run(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`);
  }
  if (!(await waitFor(5432, 20))) {
    console.error('PostgreSQL is not reachable on 127.0.0.1:5432. Start it, or set TEST_POSTGRES_URL.');
    process.exit(1);
  }
}

if (!(await reachable(6379))) {
  run(
    'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /tmp --logfile /tmp/redis-test.log',
  );
  if (!(await waitFor(6379, 10))) {
    console.error('Redis is not reachable on 127.0.0.1:6379. Start it (redis-server).');
    process.exit(1);
  }
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const root = process.getuid?.() === 0;
  let hasApt = false;
  try {
    execSync('command -v apt-get', { stdio: 'ignore' });
    hasApt = true;
  } catch {}
  if (root && hasApt) {
    say('installing Debian chromium for the browser test (once per machine)');
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null');
  }
  if (!existsSync(chromium)) {
    console.error(
      `Chromium is missing at ${chromium}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`,
    );
    process.exit(1);
  }
}
say('PostgreSQL, Redis and Chromium are ready');
