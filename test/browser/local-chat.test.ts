import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import { clickButton, launchBrowser, openChat, sendText, waitForBotText } from '../support/browser.ts';

/** A partner completes a request in the real web chat, in headless Chromium, by clicking and typing. */
describe('local web chat in Chromium', () => {
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('completes a dialogue request and the coordinator sees it live', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openChat(page, app.url, 'partner-jeroen');
    await sendText(page, '/aanvragen');
    // What you type shows up in the conversation at once (pushed by the server, like the bot's replies).
    await page
      .locator('[data-testid="message"][data-direction="in"]', { hasText: '/aanvragen' })
      .first()
      .waitFor({ timeout: 10_000 });
    await waitForBotText(page, 'Over welk thema');
    await clickButton(page, 'Wonen');
    await waitForBotText(page, 'Wat is het doel');
    await sendText(page, 'Bewoners praten over de nieuwbouw in Kanaleneiland en wat die betekent.');
    await waitForBotText(page, 'Wie wil je aan tafel');
    await sendText(page, 'Bewoners van Kanaleneiland');
    await waitForBotText(page, 'Hoeveel deelnemers');
    await sendText(page, '12');
    await waitForBotText(page, 'In welke taal');
    await clickButton(page, 'Nederlands + Engels');
    await waitForBotText(page, 'op een locatie, of online');
    await clickButton(page, '💻 Online');
    await waitForBotText(page, 'Wanneer zou de dialoog');
    await sendText(page, '14-12-2026 19:30');
    await waitForBotText(page, 'nog een datum');
    await clickButton(page, 'Nee, verder');
    await waitForBotText(page, 'Hoe lang duurt');
    await clickButton(page, '90 minuten');
    await waitForBotText(page, 'co-design');
    await clickButton(page, 'Ja');
    await waitForBotText(page, 'toegankelijkheid');
    await clickButton(page, 'Geen');
    await waitForBotText(page, 'contactpersoon');
    await clickButton(page, 'Ik (Jeroen)');
    await waitForBotText(page, 'Hoe kunnen we Jeroen bereiken');
    await sendText(page, 'jeroen@example.org');
    await waitForBotText(page, 'Zo ziet je aanvraag eruit');
    await clickButton(page, '✅ Versturen');
    const done = await waitForBotText(page, /aanvraag #\d+ is verstuurd/);
    expect(done).toContain('Dank je wel');
    // The coordinator's persona gets an unread badge without reloading.
    await page.getByTestId('unread-coordinator').waitFor({ state: 'visible', timeout: 10_000 });
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/local-chat-request.png', fullPage: false });
    await openChat(page, app.url, 'coordinator');
    // The shortcuts under the input fit the role.
    expect(await page.locator('#commands').textContent()).toContain('/kandidaten');
    await waitForBotText(page, 'Nieuwe aanvraag');
    await page.screenshot({ path: 'test-results/local-chat-coordinator.png' });
    await page.close();
  });

  it('links in bot messages are clickable; every role sees its new shortcuts', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openChat(page, app.url, 'coordinator');
    const commands = await page.locator('#commands').textContent();
    for (const c of [
      '/overzicht',
      '/dashboard',
      '/uitnodigen',
      '/rondsturen',
      '/belanghebbenden',
      '/reflecties',
    ])
      expect(commands).toContain(c);
    await sendText(page, '/dashboard');
    await waitForBotText(page, 'persoonlijke link naar het dashboard');
    const link = page.getByTestId('message-link').last();
    await link.waitFor({ timeout: 10_000 });
    const href = (await link.getAttribute('href')) as string;
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dashboard/);
    expect(await link.textContent()).toBe(href);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    // Only http(s) becomes a link; markup stays text; the full stop after a URL is not part of it.
    await sendText(page, 'javascript:alert(1) <b>vet</b> zie https://example.org/a?b=1.');
    const mine = page
      .locator('[data-testid="message"][data-direction="in"]', { hasText: 'example.org' })
      .last();
    await mine.waitFor({ timeout: 10_000 });
    expect(await mine.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'https://example.org/a?b=1',
    ]);
    expect(await mine.locator('b').count()).toBe(0);
    expect(await mine.textContent()).toContain('<b>vet</b>');
    await openChat(page, app.url, 'volunteer-anouk');
    const volunteer = await page.locator('#commands').textContent();
    for (const c of ['/oogst', '/mijnsessies', '/profiel']) expect(volunteer).toContain(c);
    await openChat(page, app.url, 'partner-jeroen');
    const partner = await page.locator('#commands').textContent();
    for (const c of ['/mijnaanvragen', '/opbrengst']) expect(partner).toContain(c);
    await page.close();
  });

  it("shows the bot's *emphasis* bold without asterisks, and what a person types exactly as typed", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openChat(page, app.url, 'partner-jeroen');
    await sendText(page, '/koppel');
    const text = await waitForBotText(page, 'Je koppelcode is');
    expect(text).not.toContain('*');
    const reply = page
      .locator('[data-testid="message"][data-direction="out"]', { hasText: 'Je koppelcode is' })
      .last();
    expect(await reply.locator('strong').allTextContents()).toEqual([expect.stringMatching(/^\d{4}-\d{4}$/)]);
    await sendText(page, '*niet vet* <strong>ook niet</strong>');
    const mine = page.locator('[data-testid="message"][data-direction="in"]', { hasText: 'niet vet' }).last();
    await mine.waitFor({ timeout: 10_000 });
    expect(await mine.locator('strong').count()).toBe(0);
    expect(await mine.textContent()).toContain('*niet vet* <strong>ook niet</strong>');
    await page.close();
  });
});
