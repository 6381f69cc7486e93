import { describe, expect, it } from 'vitest';
import { parseBroadcastFilter } from './broadcast.ts';

describe('parseBroadcastFilter', () => {
  it('knows the level by the name it has everywhere, and by the older words', () => {
    for (const args of [
      'in opleiding',
      'In Opleiding Overvecht',
      'trainee',
      'leerling',
      'leerling-begeleider',
    ])
      expect(parseBroadcastFilter(args)).toMatchObject({ ok: true, filter: { level: 'TRAINEE' } });
    expect(parseBroadcastFilter('Overvecht in opleiding')).toEqual({
      ok: true,
      filter: { level: 'TRAINEE', wijk: 'overvecht' },
    });
    expect(parseBroadcastFilter('senior')).toEqual({ ok: true, filter: { level: 'SENIOR' } });
  });
});
