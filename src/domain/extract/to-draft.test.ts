import { describe, expect, it } from 'vitest';
import { DraftSchema } from '../../flows/intake/intake-state.ts';
import { extractWithRules } from './rules-extractor.ts';
import { toDraftPatch } from './to-draft.ts';

describe('toDraftPatch', () => {
  it("gives the intake flow's Draft: wijk key, UTC dates, only known fields", () => {
    const r = extractWithRules(
      'Namens Buurtteam West: dialoog over armoede in Lombok op 8/12 om 19.30 met 15 bewoners. Groet, Joost (joost@example.nl)',
      { now: new Date('2026-11-25T10:00:00+01:00'), locale: 'nl' },
    ).request;
    const patch = toDraftPatch(r);
    expect(DraftSchema.parse(patch)).toEqual(patch);
    expect(patch).toMatchObject({
      organisation: 'Buurtteam West',
      theme: 'armoede',
      participants: 15,
      online: false,
      wijk: 'west',
      dates: ['2026-12-08T18:30:00.000Z'],
      contactName: 'Joost',
      contactEmail: 'joost@example.nl',
    });
    expect(patch).not.toHaveProperty('durationMinutes');
    expect(patch).not.toHaveProperty('goal');
  });
});
