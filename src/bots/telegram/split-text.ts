/** Telegram's limit for one message's text (UTF-16 code units, as its entity offsets count). */
export const TELEGRAM_TEXT_LIMIT = 4096;

/**
 * Splits a long text into messages of at most `limit` UTF-16 units, preferring paragraph, line,
 * sentence and word boundaries (in that order) in the second half of each chunk. Only the
 * whitespace at a boundary is dropped; every other character is kept, and no emoji or other
 * grapheme is cut in two.
 */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    const head = rest.slice(0, cut).trimEnd();
    if (head) chunks.push(head);
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.trim() || chunks.length === 0) chunks.push(rest);
  return chunks;
}

const BOUNDARIES: RegExp[] = [/\n\s*\n/g, /\n/g, /[.!?…。]["'”’)]*\s/g, /\s/g];

function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  const floor = Math.floor(limit / 2);
  for (const re of BOUNDARIES) {
    let best = -1;
    for (const m of window.matchAll(re)) {
      // The cut goes after the sentence mark (and its quotes), before the whitespace.
      const end = m.index + m[0].length;
      const at = re === BOUNDARIES[2] ? end - 1 : m.index;
      if (at > 0 && at <= limit && end - 1 <= limit) best = Math.max(best, at);
    }
    if (best >= floor) return best;
  }
  return graphemeCut(text, limit);
}

/** The last grapheme boundary at or before `limit` (never splits a surrogate pair or an emoji sequence). */
function graphemeCut(text: string, limit: number): number {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let last = 0;
  for (const { index } of segmenter.segment(text.slice(0, limit + 16))) {
    if (index > limit) break;
    last = index;
  }
  // One grapheme longer than the limit (absurd, but possible): cut at a code point instead.
  if (last === 0) return limit - (/[\uD800-\uDBFF]/.test(text[limit - 1] ?? '') ? 1 : 0);
  return last;
}
