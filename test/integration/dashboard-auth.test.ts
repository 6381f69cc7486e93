import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { runExport } from '../../src/cli/import-export.ts';
import { startTestApp } from '../support/app.ts';
import {
  askDashboardLink,
  onApp,
  postSignIn,
  seedDashboardData,
  sessionCookieOf,
} from '../support/dashboard.ts';

const MINUTE = 60_000;

/** The dashboard's sign-in, sessions and downloads over real HTTP (PostgreSQL + Redis). */
describe('coordinator dashboard: sign-in by one-time link', () => {
  let app: App;
  let offset = 0;
  const p = () => app.db.prisma;
  const get = (url: string, cookie?: string, headers: Record<string, string> = {}) =>
    fetch(url.startsWith('http') ? url : `${app.url}${url}`, {
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...headers },
    });
  async function signIn(): Promise<string> {
    const { link } = await askDashboardLink(app, 'coordinator');
    const res = await postSignIn(app, link as string);
    expect(res.status).toBe(303);
    return sessionCookieOf(res) as string;
  }

  beforeAll(async () => {
    app = await startTestApp({ now: () => new Date(Date.now() + offset) });
    await seedDashboardData(p());
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('a coordinator gets a link that works once; only its hash is stored', async () => {
    const { text, link } = await askDashboardLink(app, 'coordinator');
    expect(text).toContain('werkt één keer');
    expect(link).toMatch(new RegExp(`^${app.url}/dashboard/login\\?token=`));
    const token = new URL(link as string).searchParams.get('token') as string;
    const rows = await p().dashboardLoginToken.findMany();
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);

    // Opening the link (or a chat app's link preview) does not use it up.
    const shown = await get(link as string);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('Inloggen');
    expect((await get(link as string)).status).toBe(200);

    const res = await postSignIn(app, link as string);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/dashboard/);
    expect(setCookie).not.toMatch(/Secure/); // plain http here; see the https test below
    const cookie = sessionCookieOf(res) as string;
    const page = await get('/dashboard', cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Aanvragen per status');
    expect(await p().auditLog.count({ where: { action: 'dashboard.signin' } })).toBeGreaterThan(0);

    // A second use is refused politely, and no second session appears.
    const sessions = await p().dashboardSession.count();
    const again = await postSignIn(app, link as string);
    expect(again.status).toBe(410);
    expect(sessionCookieOf(again)).toBeNull();
    expect(await again.text()).toContain('al gebruikt');
    const reopened = await get(link as string);
    expect(reopened.status).toBe(410);
    expect(await p().dashboardSession.count()).toBe(sessions);
  });

  it('an expired link is refused, in the person’s language', async () => {
    const { link } = await askDashboardLink(app, 'coordinator');
    offset += 11 * MINUTE;
    try {
      const res = await get(link as string);
      expect(res.status).toBe(410);
      expect(await res.text()).toContain('verlopen');
      const post = await postSignIn(app, link as string);
      expect(post.status).toBe(410);
      expect(sessionCookieOf(post)).toBeNull();
    } finally {
      offset -= 11 * MINUTE;
    }
  });

  it('a forged token, a cross-site form and a missing Origin are refused', async () => {
    const forged = await get(
      '/dashboard/login?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      undefined,
      {
        'accept-language': 'en-GB,en;q=0.9',
      },
    );
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('We do not recognise this link');
    expect((await get('/dashboard/login?token=%3Cscript%3E')).status).toBe(403);

    const { link } = await askDashboardLink(app, 'coordinator');
    const evil = await postSignIn(app, link as string, 'https://evil.example');
    expect(evil.status).toBe(403);
    expect(sessionCookieOf(evil)).toBeNull();
    const none = await postSignIn(app, link as string, null);
    expect(none.status).toBe(403);
    // Refusing those did not use the link up.
    expect((await postSignIn(app, link as string)).status).toBe(303);
  });

  it('two tabs using the same link at the same moment: exactly one signs in', async () => {
    const { link } = await askDashboardLink(app, 'coordinator');
    const results = await Promise.all([1, 2, 3].map(() => postSignIn(app, link as string)));
    expect(results.map((r) => r.status).sort()).toEqual([303, 410, 410]);
  });

  it('a volunteer asking /dashboard is refused politely and gets no link', async () => {
    const before = await p().dashboardLoginToken.count();
    const { text, link } = await askDashboardLink(app, 'volunteer-anouk');
    expect(link).toBeNull();
    expect(text).toContain('coördinator');
    expect(await p().dashboardLoginToken.count()).toBe(before);
  });

  it('without a session every page, download and the queue board send you to the sign-in page', async () => {
    for (const url of [
      '/dashboard',
      '/dashboard/audit',
      '/dashboard/export/requests.csv',
      '/dashboard/queues',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(303);
      expect(res.headers.get('location')).toBe('/dashboard/signin');
    }
    const forged = await get(
      '/dashboard/calendar',
      'dialoog_dashboard=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    );
    expect(forged.status).toBe(303);
    const signin = await get('/dashboard/signin');
    expect(await signin.text()).toContain('/dashboard');
  });

  it('someone who stops being coordinator loses access at the next request', async () => {
    const cookie = await signIn();
    const other = await signIn();
    expect((await get('/dashboard/fairness', cookie)).status).toBe(200);
    const lieke = await p().person.findFirstOrThrow({
      where: { identities: { some: { externalId: 'coordinator' } } },
    });
    await p().person.update({ where: { id: lieke.id }, data: { roles: ['VOLUNTEER'] } });
    try {
      const res = await get('/dashboard/fairness', cookie);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('alleen voor coördinatoren');
      expect((await get('/dashboard/queues', other)).status).toBe(403);
    } finally {
      await p().person.update({ where: { id: lieke.id }, data: { roles: ['COORDINATOR'] } });
    }
    // The session ended with the refusal: being coordinator again needs a new link.
    expect((await get('/dashboard/fairness', cookie)).status).toBe(303);
  });

  it('sessions end after 8 idle hours, 24 hours after sign-in, and at sign-out', async () => {
    const idle = await signIn();
    offset += 8 * 60 * MINUTE + MINUTE;
    try {
      expect((await get('/dashboard', idle)).status).toBe(303);
    } finally {
      offset -= 8 * 60 * MINUTE + MINUTE;
    }

    // Used now and then, a session still ends 24 hours after sign-in.
    const busy = await signIn();
    try {
      for (const hours of [7, 14, 21]) {
        offset = hours * 60 * MINUTE;
        expect((await get('/dashboard/audit', busy)).status, `${hours} h`).toBe(200);
      }
      offset = 24 * 60 * MINUTE + MINUTE;
      expect((await get('/dashboard/audit', busy)).status).toBe(303);
    } finally {
      offset = 0;
    }

    const cookie = await signIn();
    const crossSite = await fetch(`${app.url}/dashboard/logout`, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect((await get('/dashboard', cookie)).status).toBe(200);
    const out = await fetch(`${app.url}/dashboard/logout`, {
      method: 'POST',
      headers: { cookie, origin: app.url },
    });
    expect(out.status).toBe(200);
    expect(await out.text()).toContain('uitgelogd');
    expect((await get('/dashboard', cookie)).status).toBe(303);
    expect(await p().auditLog.count({ where: { action: 'dashboard.signout' } })).toBe(1);
  });

  it('downloads are logged; the harvest export holds only shareable items, never reflections', async () => {
    const cookie = await signIn();
    const csv = await get('/dashboard/export/requests.csv', cookie);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="dialoogbot-requests-.*\.csv"/,
    );
    expect(await csv.text()).toContain('Testhuis');

    const json = await get('/dashboard/export/harvests.json', cookie);
    const body = await json.text();
    const rows = JSON.parse(body) as { text: string; themes: string }[];
    expect(rows.map((r) => r.text)).toEqual(['Buren willen elkaar vaker zien.']);
    expect(rows[0]?.themes).toBe('eenzaamheid;wonen');
    expect(body).not.toContain('PRIVATE-REFLECTION-TEXT');
    expect(body).not.toContain('KEPT-FOR-ORGANISATION-ONLY');
    expect((await get('/dashboard/export/people.csv', cookie)).status).toBe(404);
    const logged = await p().auditLog.findMany({ where: { action: 'dashboard.export' } });
    expect(logged.map((r) => r.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'requests', format: 'csv' }),
        expect.objectContaining({ kind: 'harvests', format: 'json', rows: 1 }),
      ]),
    );

    // The same export from the command line.
    const out = path.join(tmpdir(), `harvests-${process.pid}.csv`);
    try {
      expect(await runExport(p(), ['harvests', '--format', 'csv', '--out', out])).toBe(0);
      const text = await readFile(out, 'utf8');
      expect(text.split('\n')[0]).toContain('requestNumber');
      expect(text).toContain('Buren willen elkaar vaker zien.');
      expect(text).not.toContain('KEPT-FOR-ORGANISATION-ONLY');
    } finally {
      await rm(out, { force: true });
    }
  });

  it('a second replica with an https PUBLIC_URL accepts the same session and marks cookies Secure', async () => {
    const publicUrl = 'https://dialoog.example.org';
    const other = await startTestApp({
      databaseUrl: app.config.DATABASE_URL as string,
      env: { PUBLIC_URL: publicUrl, DEMO_DATA: '0', LOCAL_CHAT: '1' },
    });
    try {
      const cookie = await signIn();
      const page = await fetch(`${other.url}/dashboard/calendar`, {
        redirect: 'manual',
        headers: { cookie },
      });
      expect(page.status).toBe(200);

      const { link } = await askDashboardLink(other, 'coordinator');
      expect(link?.startsWith(`${publicUrl}/dashboard/login?token=`)).toBe(true);
      const res = await postSignIn(other, onApp(other, link as string), publicUrl);
      expect(res.status).toBe(303);
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await other.stop();
    }
  });
});
