import { describe, expect, it } from 'vitest';
import { applyClauses, readClauses } from './typed-choices.ts';

describe('typed changes to a picker (readClauses, applyClauses)', () => {
  it.each([
    ['zondagmiddag ook', [{ mode: 'add', text: 'zondagmiddag' }]],
    ['Lombok en Kanaleneiland', [{ mode: 'add', text: 'Lombok en Kanaleneiland' }]],
    ['maandag niet meer', [{ mode: 'remove', text: 'maandag' }]],
    ['Not on Monday any more', [{ mode: 'remove', text: 'on Monday' }]],
    ['alleen nog het weekend', [{ mode: 'only', text: 'het weekend' }]],
    ['only Zuid', [{ mode: 'only', text: 'Zuid' }]],
    [
      'za avond niet meer, wel zondagochtend',
      [
        { mode: 'remove', text: 'za avond' },
        { mode: 'add', text: 'zondagochtend' },
      ],
    ],
    [
      'ook zondag maar niet maandag',
      [
        { mode: 'add', text: 'zondag' },
        { mode: 'remove', text: 'maandag' },
      ],
    ],
    // A plain comma keeps the list together: all three days go.
    ['ma, di, wo avond niet meer', [{ mode: 'remove', text: 'ma, di, wo avond' }]],
    // "alleen zijn" is a theme (loneliness), not "only".
    ['alleen zijn', [{ mode: 'add', text: 'alleen zijn' }]],
  ])('"%s"', (text, clauses) => {
    expect(readClauses(text)).toEqual({ ok: true, value: clauses });
  });

  it('a clause that asks for two things at once is not guessed at', () => {
    expect(readClauses('alleen niet maandag')).toMatchObject({ ok: false, error: 'mixed' });
  });

  it('adds, removes and replaces in order, and names what it did not understand', () => {
    const parse = (s: string) =>
      /^[a-z ]+$/.test(s)
        ? { ok: true as const, value: s.split(' ') }
        : { ok: false as const, error: 'unknown', detail: s };
    const clauses = (text: string) => {
      const r = readClauses(text);
      if (!r.ok) throw new Error(text);
      return r.value;
    };
    expect(applyClauses(['a', 'b'], clauses('c ook'), parse)).toEqual({ ok: true, value: ['a', 'b', 'c'] });
    expect(applyClauses(['a', 'b'], clauses('a niet meer'), parse)).toEqual({ ok: true, value: ['b'] });
    expect(applyClauses(['a', 'b'], clauses('alleen c'), parse)).toEqual({ ok: true, value: ['c'] });
    expect(applyClauses(['a'], clauses('x?1'), parse)).toMatchObject({ ok: false, detail: 'x?1' });
    expect(applyClauses(['a'], clauses('ook'), parse)).toMatchObject({ ok: false });
  });
});
