import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import { lastBotMessage, launchBrowser, openChat, sendText } from '../support/browser.ts';
import { seedDashboardData } from '../support/dashboard.ts';

const LINK = /https?:\/\/\S+\/dashboard\/login\?token=[\w-]+/;

/** A coordinator asks for the dashboard in the local chat and uses it in headless Chromium. */
describe('coordinator dashboard in Chromium', () => {
  let app: App;
  let browser: Browser;
  let offset = 0;
  let numbers: number[] = [];
  beforeAll(async () => {
    app = await startTestApp({ now: () => new Date(Date.now() + offset) });
    ({ numbers } = await seedDashboardData(app.db.prisma));
    browser = await launchBrowser();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** Asks /dashboard in the chat as this persona; returns the link (or the refusal text). */
  async function askInChat(page: Page, persona: string, expected: string | RegExp): Promise<string> {
    await openChat(page, app.url, persona);
    const before = (await lastBotMessage(page))?.seq ?? -1;
    await sendText(page, '/dashboard');
    // The answer to this /dashboard, not a link from earlier in the history.
    for (let i = 0; i < 200; i++) {
      const last = await lastBotMessage(page);
      if (last && last.seq > before && last.text.match(expected))
        return LINK.exec(last.text)?.[0] ?? last.text;
      await page.waitForTimeout(50);
    }
    throw new Error(`no new bot message matching ${String(expected)}`);
  }

  async function signIn(page: Page, link: string): Promise<void> {
    await page.goto(link);
    await page.getByTestId('sign-in').click();
    await page.waitForURL(/\/dashboard$/);
  }

  it('signs in with the link from the chat and shows every page with the seeded data', async () => {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'nl-NL' });
    const page = await context.newPage();
    const link = await askInChat(page, 'coordinator', LINK);
    await signIn(page, link);
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('Lieke');

    // Pipeline: the requests under their status.
    const staffing = page.getByTestId('status-STAFFING');
    expect(await staffing.getByTestId('count').textContent()).toBe('1');
    expect(await staffing.textContent()).toContain(`#${numbers[0]}`);
    expect(await page.getByTestId('status-DONE').textContent()).toContain(`#${numbers[2]}`);
    await page.screenshot({ path: 'test-results/dashboard-pipeline.png', fullPage: true });

    // Calendar: who facilitates, and what is still missing.
    await page.getByRole('link', { name: 'Kalender' }).click();
    const soon = page.getByTestId('session-row').filter({ hasText: `#${numbers[0]}` });
    expect(await soon.textContent()).toContain('Vrijwilliger0 Test');
    expect(await soon.getByTestId('missing').textContent()).toBe('1');
    const later = page.getByTestId('session-row').filter({ hasText: `#${numbers[1]}` });
    expect(await later.textContent()).toContain('nog niemand');

    // Fairness: the same ledger as /eerlijkheid.
    await page.getByRole('link', { name: 'Eerlijkheid' }).click();
    const row = page.getByTestId('fairness-row').filter({ hasText: 'Vrijwilliger1 Test' });
    expect(await row.locator('td').nth(2).textContent()).toBe('1');

    // Harvest themes as an SVG bar chart.
    await page.getByRole('link', { name: "Oogst-thema's" }).click();
    const bar = page.locator('[data-testid="themes-chart"] svg g[data-label="Eenzaamheid"]');
    expect(await bar.getAttribute('data-value')).toBe('1');
    expect(await page.locator('main').textContent()).toContain('1 oogst, 14 deelnemers');
    // The digest's charts: themes per wijk, dialogues per month.
    expect(await page.getByTestId('wijken-chart').textContent()).toContain('Overvecht');
    expect(await page.locator('[data-testid="months-chart"] svg').count()).toBe(1);
    await page.screenshot({ path: 'test-results/dashboard-themes.png', fullPage: true });

    // Audit log: the sign-in is in it.
    await page.getByRole('link', { name: 'Logboek' }).click();
    const audit = await page.getByTestId('audit-row').allTextContents();
    expect(audit.some((r) => r.includes('Ingelogd op het dashboard') && r.includes('Lieke'))).toBe(true);
    expect(audit.some((r) => r.includes('seed.example'))).toBe(true);

    // Exports: a CSV download, written to the audit log.
    await page.getByRole('link', { name: 'Exports' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-requests-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^dialoogbot-requests-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('number,status,organisation');
    expect(csv).toContain('Testhuis');
    const exported = await app.db.prisma.auditLog.count({ where: { action: 'dashboard.export' } });
    expect(exported).toBe(1);

    // The queue board loads, from our own server only (no fonts or scripts from elsewhere).
    const foreign: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(app.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.getByRole('link', { name: 'Wachtrijen' }).click();
    await page.getByText('outbound-local').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: 'test-results/dashboard-queues.png' });
    expect(foreign).toEqual([]);
    expect(failed).toEqual([]);

    // Signing out ends it.
    await page.goto(`${app.url}/dashboard`);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signed-out').waitFor();
    await page.goto(`${app.url}/dashboard/queues`);
    await page.getByTestId('signin-needed').waitFor();

    // The same link a second time: refused, politely.
    await page.goto(link);
    await page.getByTestId('refused-used').waitFor();
    await context.close();
  });

  it('refuses an expired link, a volunteer, and a signed-in person who is no longer coordinator', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();

    const expired = await askInChat(page, 'coordinator', LINK);
    offset += 11 * 60_000;
    try {
      await page.goto(expired);
      await page.getByTestId('refused-expired').waitFor();
      expect(await page.locator('main').textContent()).toContain('verlopen');
    } finally {
      offset -= 11 * 60_000;
    }

    const refusal = await askInChat(page, 'volunteer-anouk', 'coördinator');
    expect(refusal).not.toMatch(LINK);

    // The queue board is not reachable without signing in.
    await page.goto(`${app.url}/dashboard/queues`);
    expect(page.url()).toBe(`${app.url}/dashboard/signin`);
    await page.getByTestId('signin-needed').waitFor();

    const link = await askInChat(page, 'coordinator', LINK);
    await signIn(page, link);
    const prisma = app.db.prisma;
    const lieke = await prisma.person.findFirstOrThrow({
      where: { identities: { some: { externalId: 'coordinator' } } },
    });
    await prisma.person.update({ where: { id: lieke.id }, data: { roles: ['PARTNER'] } });
    try {
      await page.reload();
      await page.getByTestId('not-coordinator').waitFor();
      await page.goto(`${app.url}/dashboard/queues`);
      await page.getByTestId('signin-needed').waitFor();
    } finally {
      await prisma.person.update({ where: { id: lieke.id }, data: { roles: ['COORDINATOR'] } });
    }
    await context.close();
  });
});
