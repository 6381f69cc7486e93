/**
 * Our messages mark emphasis the way Slack's mrkdwn does: `*Uitspraken*`. Slack renders that
 * itself; the other channels use this to show it bold without the asterisks. The rule is Slack's:
 * an opening `*` at the start of a line or after a space or opening bracket/quote, directly
 * followed by a non-space; a closing `*` on the same line, directly after a non-space and before
 * the end, a space or punctuation. So "5 * 3 * 2" and "a*b" stay as typed. The web chat page
 * (src/http/local-chat/public/app.js, `emphasize`) applies the same rule in the browser.
 */
export const EMPHASIS = /(^|[\s([{"'“‘«])\*([^\s*](?:[^*\n]*[^\s*])?)\*(?=$|[\s.,;:!?)\]}"'”’»])/gm;

/** A bold stretch of the plain text, in UTF-16 code units (what JavaScript and Telegram count). */
export interface BoldRange {
  offset: number;
  length: number;
}

/** The text without its emphasis asterisks, and where the bold stretches are in it. */
export function parseEmphasis(text: string): { text: string; bold: BoldRange[] } {
  let plain = '';
  let last = 0;
  const bold: BoldRange[] = [];
  for (const m of text.matchAll(EMPHASIS)) {
    const before = m[1] ?? '';
    const inner = m[2] ?? '';
    plain += text.slice(last, m.index) + before;
    bold.push({ offset: plain.length, length: inner.length });
    plain += inner;
    last = m.index + m[0].length;
  }
  return { text: plain + text.slice(last), bold };
}
