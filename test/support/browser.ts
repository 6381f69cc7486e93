// Helpers for browser tests of the local web chat (src/http/local-chat/public), using playwright-core
// with the system Chromium. Selectors rely on the data-testid attributes the chat UI guarantees.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launch headless Chromium (Debian's package) through playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Browser tests use the system Chromium, not a downloaded one. ` +
        'Install it with: apt-get update && apt-get install -y chromium ' +
        '(or point the CHROMIUM_PATH environment variable at a Chromium/Chrome binary).',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** What a test can read from one rendered bot message. */
export interface BotMessageSnapshot {
  id: string;
  seq: number;
  /** Exactly the message text, line breaks included. */
  text: string;
  /** Button labels, row by row. */
  buttons: string[][];
  file?: { filename: string; url: string };
}

const MESSAGES = '[data-testid="messages"]';
const BOT_MESSAGES = `${MESSAGES} [data-testid="message"][data-direction="out"]`;

/**
 * Open the chat at baseUrl as the given persona and wait until its history is shown and the
 * live event stream is connected.
 */
export async function openChat(
  page: Page,
  baseUrl: string,
  personaKey: string,
  timeoutMs = 10_000,
): Promise<void> {
  const url = new URL('/', baseUrl);
  url.searchParams.set('persona', personaKey);
  await page.goto(url.toString());
  const ready = `${MESSAGES}[data-persona="${cssString(personaKey)}"][data-loaded="true"]`;
  try {
    await page.waitForSelector(ready, { state: 'attached', timeout: timeoutMs });
  } catch (error) {
    throw new Error(
      `The chat did not show the history of persona "${personaKey}" within ${timeoutMs} ms ` +
        '(does the persona exist in GET /api/local/personas, and does GET /api/local/messages answer?)',
      { cause: error },
    );
  }
  try {
    await page.waitForSelector('body[data-connection="open"]', { state: 'attached', timeout: timeoutMs });
  } catch (error) {
    throw new Error(`The chat did not connect to GET /api/local/events within ${timeoutMs} ms`, {
      cause: error,
    });
  }
}

/**
 * Type text into the chat input and send it; resolves once the server accepted it (202).
 * Throws with the error line's text when the server refused it.
 */
export async function sendText(page: Page, text: string, timeoutMs = 10_000): Promise<void> {
  if (!text.trim()) throw new Error('sendText: text must not be empty (the chat ignores empty messages)');
  const input = page.getByTestId('chat-input');
  await input.fill(text);
  await submitAndWait(
    page,
    () => page.getByTestId('send').click(),
    `text ${JSON.stringify(text)}`,
    timeoutMs,
  );
}

/**
 * Click the button with this label in the LATEST bot message (waiting for it to appear there);
 * resolves once the server accepted the press.
 */
export async function clickButton(page: Page, label: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let button: Locator | null = null;
  while (Date.now() < deadline) {
    const latest = page.locator(BOT_MESSAGES).last();
    if ((await latest.count()) > 0) {
      const candidate = latest.locator('[data-testid="bot-button"]').filter({ hasText: label });
      const exact = await findExactLabel(candidate, label);
      if (exact) {
        button = exact;
        break;
      }
    }
    await page.waitForTimeout(50);
  }
  if (!button) {
    const last = await lastBotMessage(page);
    throw new Error(
      `clickButton: no button labelled ${JSON.stringify(label)} in the latest bot message within ${timeoutMs} ms. ` +
        (last
          ? `Latest bot message: ${JSON.stringify(last.text)} with buttons ${JSON.stringify(last.buttons)}`
          : 'There is no bot message at all.'),
    );
  }
  const target = button;
  await submitAndWait(page, () => target.click(), `button ${JSON.stringify(label)}`, timeoutMs);
}

/**
 * Wait until some bot ("out") message contains the substring or matches the regex; returns
 * the text of the first such message.
 */
export async function waitForBotText(
  page: Page,
  substringOrRegex: string | RegExp,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const texts = await botTexts(page);
    const found = texts.find((text) =>
      typeof substringOrRegex === 'string'
        ? text.includes(substringOrRegex)
        : matches(substringOrRegex, text),
    );
    if (found !== undefined) return found;
    if (Date.now() >= deadline) {
      throw new Error(
        `waitForBotText: no bot message contained ${String(substringOrRegex)} within ${timeoutMs} ms. ` +
          `Bot messages so far: ${JSON.stringify(texts.slice(-5))}`,
      );
    }
    await page.waitForTimeout(50);
  }
}

/** The newest bot message of the open conversation, or null when the bot has said nothing yet. */
export async function lastBotMessage(page: Page): Promise<BotMessageSnapshot | null> {
  const latest = page.locator(BOT_MESSAGES).last();
  if ((await latest.count()) === 0) return null;
  return latest.evaluate((el) => {
    const link = el.querySelector('[data-testid="message-file"]');
    const rows = Array.from(el.querySelectorAll('.msg-button-row')).map((row) =>
      Array.from(row.querySelectorAll('[data-testid="bot-button"]')).map((b) => b.textContent ?? ''),
    );
    return {
      id: el.getAttribute('data-message-id') ?? '',
      seq: Number(el.getAttribute('data-seq') ?? '0'),
      text: el.querySelector('.msg-text')?.textContent ?? '',
      buttons: rows,
      file: link
        ? {
            filename: link.querySelector('.file-name')?.textContent ?? '',
            url: link.getAttribute('href') ?? '',
          }
        : undefined,
    };
  });
}

// ------------------------------------------------------------------------------------------------

async function botTexts(page: Page): Promise<string[]> {
  return page
    .locator(BOT_MESSAGES)
    .evaluateAll((els) => els.map((el) => el.querySelector('.msg-text')?.textContent ?? ''));
}

async function findExactLabel(candidates: Locator, label: string): Promise<Locator | null> {
  const count = await candidates.count();
  for (let i = 0; i < count; i++) {
    const candidate = candidates.nth(i);
    if (((await candidate.textContent()) ?? '').trim() === label.trim()) return candidate;
  }
  return null;
}

/** Run an action that sends one message and wait for the UI to report the outcome. */
async function submitAndWait(page: Page, action: () => Promise<void>, what: string, timeoutMs: number) {
  const composer = page.locator('#composer');
  const before = Number((await composer.getAttribute('data-completed')) ?? '0');
  await action();
  try {
    await page.waitForFunction(
      (n) => Number(document.getElementById('composer')?.dataset.completed ?? '0') > n,
      before,
      { timeout: timeoutMs },
    );
  } catch (error) {
    throw new Error(`Sending ${what} did not finish within ${timeoutMs} ms`, { cause: error });
  }
  if ((await composer.getAttribute('data-last-result')) === 'error') {
    const message = (await page.getByTestId('send-error').textContent()) ?? '';
    throw new Error(`Sending ${what} failed: ${message.trim()}`);
  }
}

function matches(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0; // tolerate /g and /y regexes
  return regex.test(text);
}

/** Escape a value for use inside a double-quoted CSS attribute selector. */
function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ');
}
