import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { formatDateTime } from '../../src/domain/time.ts';
import { startTestApp } from '../support/app.ts';
import { askDashboardLink, postSignIn, seedDashboardData, sessionCookieOf } from '../support/dashboard.ts';

/** What the dashboard pages show and refuse, over real HTTP (PostgreSQL + Redis). */
describe('coordinator dashboard pages', () => {
  let app: App;
  let cookie = '';
  const p = () => app.db.prisma;
  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${url}`, { redirect: 'manual', headers: { cookie, ...headers } });

  beforeAll(async () => {
    app = await startTestApp();
    await seedDashboardData(p());
    const { link } = await askDashboardLink(app, 'coordinator');
    cookie = sessionCookieOf(await postSignIn(app, link as string)) as string;
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('escapes what people typed: an organisation name cannot inject markup', async () => {
    const org = await p().organisation.create({ data: { name: '<img src=x onerror=alert(1)>Evil & Co' } });
    await p().dialogueRequest.create({
      data: {
        organisationId: org.id,
        theme: 'wonen',
        goal: 'x',
        targetGroup: 'y',
        expectedParticipants: 5,
        languages: ['nl'],
        durationMinutes: 60,
        contactName: '"><script>alert(2)</script>',
      },
    });
    const res = await get('/dashboard');
    const body = await res.text();
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;Evil &amp; Co');
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain('<script>');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('pages are in the coordinator’s language', async () => {
    const lieke = await p().person.findFirstOrThrow({
      where: { identities: { some: { externalId: 'coordinator' } } },
    });
    await p().person.update({ where: { id: lieke.id }, data: { locale: 'en' } });
    try {
      const body = await (await get('/dashboard/calendar')).text();
      expect(body).toContain('Sessions in the coming 4 weeks');
      expect(body).toContain('nobody yet');
      expect(body).toContain('lang="en"');
    } finally {
      await p().person.update({ where: { id: lieke.id }, data: { locale: 'nl' } });
    }
  });

  it('the audit log is paged, newest first', async () => {
    await p().auditLog.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        action: `paging.test.${i}`,
        subjectType: 'test',
        createdAt: new Date(Date.now() - (i + 1) * 60_000),
      })),
    });
    const first = await (await get('/dashboard/audit')).text();
    expect(first).toContain('paging.test.0<');
    expect(first).not.toContain('paging.test.59<');
    expect(first).toMatch(/Pagina 1 van 2/);
    const second = await (await get('/dashboard/audit?page=2')).text();
    expect(second).toContain('paging.test.59<');
    expect(second).not.toContain('paging.test.0<');
    // Nonsense page numbers fall back to the first page.
    expect((await get('/dashboard/audit?page=-3')).status).toBe(200);
    expect((await get('/dashboard/audit?page=abc')).status).toBe(200);
  });

  it('the audit log says in words what happened and to what, never an internal id', async () => {
    const person = await p().person.create({ data: { displayName: 'Fenna de Vries' } });
    const gone = await p().person.create({ data: { displayName: 'Weg' } });
    const erased = await p().person.create({ data: { displayName: 'Gewist Later' } });
    const session = await p().dialogueSession.findFirstOrThrow({ include: { request: true } });
    const later = new Date(Date.now() + 1000);
    await p().auditLog.createMany({
      data: [
        {
          action: 'session.moved',
          subjectType: 'session',
          subjectId: session.id,
          details: { from: '10 dec', sessionId: session.id },
          createdAt: later,
        },
        {
          action: 'profile.updated',
          subjectType: 'volunteerProfile',
          subjectId: person.id,
          details: { fields: ['pausedUntil', 'weekly', 'languages'] },
          createdAt: later,
        },
        {
          action: 'volunteer.level_set',
          subjectType: 'person',
          subjectId: person.id,
          details: { from: 'TRAINEE', to: 'SENIOR' },
          createdAt: later,
        },
        {
          action: 'request.approved',
          subjectType: 'request',
          subjectId: session.requestId,
          createdAt: later,
        },
        { action: 'privacy.erased', subjectType: 'person', subjectId: gone.id, createdAt: later },
        {
          action: 'dashboard.export',
          subjectType: 'dashboard',
          details: { kind: 'sessions', rows: 3 },
          createdAt: later,
        },
        {
          action: 'assignment.manual',
          subjectType: 'session',
          subjectId: session.id,
          details: { personId: person.id, role: 'LEAD', at: '2026-12-10T18:00:00.000Z' },
          createdAt: later,
        },
        {
          action: 'identity.linked',
          subjectType: 'person',
          subjectId: erased.id,
          details: { from: gone.id },
          createdAt: later,
        },
        {
          action: 'setting.changed',
          subjectType: 'setting',
          subjectId: 'offers.wave_size',
          details: { value: 4 },
          createdAt: later,
        },
        {
          action: 'setting.changed',
          subjectType: 'setting',
          subjectId: 'approvalRequired',
          details: { value: true },
          createdAt: later,
        },
      ],
    });
    await p().person.delete({ where: { id: gone.id } });
    // Erasure keeps the row but blanks the name (src/db/privacy-repo.ts).
    await p().person.update({ where: { id: erased.id }, data: { displayName: '', erasedAt: new Date() } });
    const page = await (await get('/dashboard/audit')).text();
    expect(page).toContain(`Sessie van #${session.request.number}, `);
    expect(page).toContain('Sessie verplaatst');
    expect(page).toContain('van: 10 dec');
    expect(page).toContain('Profiel bijgewerkt</td>');
    expect(page).toContain('velden: pauze, vaste beschikbaarheid, talen');
    // The level by the one name it has everywhere (/niveau, /eerlijkheid, the profile).
    expect(page).toContain('naar: senior · van: in opleiding');
    expect(page).toContain('>Fenna de Vries<');
    expect(page).toContain(`Aanvraag #${session.request.number} (Testhuis)`);
    expect(page).toContain('(niet meer aanwezig)');
    expect(page).toContain('Export gedownload');
    expect(page).toContain('soort: sessies · rijen: 3');
    // The time in the app's zone, as every other time on the dashboard.
    const at = formatDateTime(new Date('2026-12-10T18:00:00.000Z'), app.config.APP_TIMEZONE, 'nl');
    // (jsonb keeps keys in its own order: shorter first)
    expect(page).toContain(`persoon: Fenna de Vries · at: ${at} · rol: hoofdbegeleider`);
    expect(page).toContain('(gewist)');
    expect(page).not.toContain('Gewist Later');
    expect(page).toContain('Instelling: offers.wave_size');
    expect(page).toContain('nieuwe waarde: 4');
    expect(page).toContain('Goedkeuring van aanvragen nodig</td><td>nieuwe waarde: aan');
    for (const id of [session.id, session.requestId, person.id, gone.id, erased.id])
      expect(page).not.toContain(id);
    // A coordinator who chose English reads it in English.
    const { personId } = await p().dashboardSession.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    await p().person.update({ where: { id: personId }, data: { locale: 'en' } });
    try {
      const en = await (await get('/dashboard/audit')).text();
      expect(en).toContain('Session moved');
      expect(en).toContain(`Request #${session.request.number} (Testhuis)`);
      expect(en).toContain('(no longer there)');
      expect(en).toContain('kind: sessions · rows: 3');
      expect(en).toContain('role: lead facilitator');
      expect(en).toContain('fields: pause, weekly availability, languages');
    } finally {
      await p().person.update({ where: { id: personId }, data: { locale: 'nl' } });
    }
  });

  it('the queue board is read-only, even for a signed-in coordinator', async () => {
    const list = await get('/dashboard/queues/api/queues?activeQueue=timers');
    expect(list.status).toBe(200);
    const names = ((await list.json()) as { queues: { name: string; readOnlyMode: boolean }[] }).queues;
    expect(names.map((q) => q.name)).toEqual(expect.arrayContaining(['timers', 'outbound-local']));
    expect(names.every((q) => q.readOnlyMode)).toBe(true);

    const pause = await fetch(`${app.url}/dashboard/queues/api/queues/timers/pause`, {
      method: 'PUT',
      headers: { cookie, origin: app.url },
    });
    expect(pause.status).toBe(405);
    expect(await pause.text()).toContain('READ_ONLY');
    const crossSite = await fetch(`${app.url}/dashboard/queues/api/queues/timers/pause`, {
      method: 'PUT',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);

    // The page itself does not load web fonts from elsewhere.
    const html = await (await get('/dashboard/queues')).text();
    expect(html).not.toContain('fonts.googleapis.com');
    expect(html).toContain('static/js/');
  });
});
