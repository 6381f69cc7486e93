import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_LIMITS, escapeMrkdwn, renderMessage, slackCommands, splitText } from './slack-blocks.ts';

describe('Block Kit rendering', () => {
  it('renders text as a mrkdwn section and buttons as actions carrying our opaque id', () => {
    const [part, ...rest] = renderMessage({
      text: 'Kies een thema',
      buttons: [[{ id: 'abcDEF123456', label: 'Armoede' }], [{ id: 'xyzXYZ987654', label: '⬅️ Terug' }]],
    });
    expect(rest).toEqual([]);
    expect(part?.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Kies een thema' } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'abcDEF123456',
            value: 'abcDEF123456',
            text: { type: 'plain_text', text: 'Armoede', emoji: true },
          },
        ],
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'xyzXYZ987654',
            value: 'xyzXYZ987654',
            text: { type: 'plain_text', text: '⬅️ Terug', emoji: true },
          },
        ],
      },
    ]);
    expect(part?.text).toBe('Kies een thema');
  });

  it.each([
    ['<!channel> & <@U123>', '&lt;!channel&gt; &amp; &lt;@U123&gt;'],
    ['a > b', 'a &gt; b'],
  ])('escapes %s so user text cannot mention or link', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });

  it.each([
    ['Typ /help om verder te gaan', 'Typ /dialoog help om verder te gaan'],
    ['/aanvragen of /mijnaanvragen', '/dialoog aanvragen of /dialoog mijnaanvragen'],
    ['Gebruik /dialoog help', 'Gebruik /dialoog help'],
    ['zie https://example.org/help en 1/2', 'zie https://example.org/help en 1/2'],
    ['(of /stop)', '(of /dialoog stop)'],
  ])('writes core commands as the Slack slash command: %s', (input, expected) => {
    expect(slackCommands(input)).toBe(expected);
  });

  it('keeps a long button label within 75 characters', () => {
    const [part] = renderMessage({ text: 'x', buttons: [[{ id: 'id1', label: 'é'.repeat(200) }]] });
    const el = part?.blocks[1]?.type === 'actions' ? part.blocks[1].elements[0] : undefined;
    expect([...(el?.text.text ?? '')].length).toBe(75);
  });

  it('splits on paragraph boundaries first', () => {
    const a = 'a'.repeat(2000);
    const b = 'b'.repeat(2000);
    expect(splitText(`${a}\n\n${b}`, 3000)).toEqual([a, b]);
  });

  it('never breaks an escape such as &amp; across sections', () => {
    const text = `${'x'.repeat(2998)}&amp;yyy`;
    const parts = splitText(text, 3000);
    expect(parts[0]?.endsWith('&')).toBe(false);
    expect(parts.join('')).toBe(text);
  });

  it('any text and buttons stay inside the limits and lose no words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 0, maxLength: 400 }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 0, max: 60 }),
        (paragraphs, buttonRows) => {
          const text = paragraphs.join('\n\n');
          const buttons = Array.from({ length: buttonRows }, (_, i) => [{ id: `b${i}`, label: `Knop ${i}` }]);
          const parts = renderMessage({ text, buttons });
          let sections = '';
          let buttonCount = 0;
          for (const p of parts) {
            expect(p.blocks.length).toBeLessThanOrEqual(BLOCK_LIMITS.blocksPerMessage);
            expect(p.text.length).toBeLessThanOrEqual(BLOCK_LIMITS.fallbackChars);
            for (const b of p.blocks) {
              if (b.type === 'section') {
                expect(b.text.text.length).toBeLessThanOrEqual(BLOCK_LIMITS.sectionChars);
                sections += b.text.text;
              }
              if (b.type === 'actions') buttonCount += b.elements.length;
            }
          }
          expect(buttonCount).toBe(buttonRows);
          const words = slackCommands(escapeMrkdwn(text)).split(/\s+/).filter(Boolean).join('');
          expect(sections.replace(/\s+/g, '')).toBe(words);
        },
      ),
      { numRuns: 60 },
    );
  });
});
