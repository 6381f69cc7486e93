import { describe, expect, it } from 'vitest';
import {
  areAdjacent,
  matchWijk,
  SUBWIJKEN,
  WIJK_ADJACENCY,
  WIJK_KEYS,
  WIJKEN,
  WijkKeySchema,
  wijkName,
} from './wijken.ts';

describe('matchWijk', () => {
  it.each([
    // the ten names, as written
    ['Binnenstad', 'binnenstad'],
    ['Noordoost', 'noordoost'],
    ['Oost', 'oost'],
    ['Zuid', 'zuid'],
    ['Zuidwest', 'zuidwest'],
    ['West', 'west'],
    ['Noordwest', 'noordwest'],
    ['Overvecht', 'overvecht'],
    ['Leidsche Rijn', 'leidsche-rijn'],
    ['Vleuten-De Meern', 'vleuten-de-meern'],
    // keys themselves
    ['leidsche-rijn', 'leidsche-rijn'],
    ['vleuten-de-meern', 'vleuten-de-meern'],
    // case, spaces, hyphens, spellings
    ['  leidsche rijn ', 'leidsche-rijn'],
    ['Leidse Rijn', 'leidsche-rijn'],
    ['LEIDSCHE RIJN', 'leidsche-rijn'],
    ['vleuten de meern', 'vleuten-de-meern'],
    ['Vleuten/De Meern', 'vleuten-de-meern'],
    ['de meern', 'vleuten-de-meern'],
    ['Vleuten', 'vleuten-de-meern'],
    ['noord-oost', 'noordoost'],
    ['Noord Oost', 'noordoost'],
    ['noord-west', 'noordwest'],
    ['zuid west', 'zuidwest'],
    ['Zuid-West', 'zuidwest'],
    ['centrum', 'binnenstad'],
    ['het centrum', 'binnenstad'],
    ['city centre', 'binnenstad'],
    ['Utrecht Oost', 'oost'],
    ['wijk Zuid', 'zuid'],
    ['in het westen van de stad', 'west'],
    // typos
    ['Leidschee Rijn', 'leidsche-rijn'],
    ['Overvegt', 'overvecht'],
    ['Noordwst', 'noordwest'],
    ['binnestad', 'binnenstad'],
    ['Kanaleiland', 'zuidwest'],
    // buurten
    ['Kanaleneiland', 'zuidwest'],
    ['Lombok', 'west'],
    ['Ondiep', 'noordwest'],
    ['Zuilen', 'noordwest'],
    ['Hoograven', 'zuid'],
    ['Tuinwijk', 'noordoost'],
    ['Wittevrouwen', 'noordoost'],
    ['Lunetten', 'zuid'],
    ['Terwijde', 'leidsche-rijn'],
    ['Parkwijk', 'leidsche-rijn'],
    ['Vleuterweide', 'vleuten-de-meern'],
    ['Tuindorp', 'noordoost'],
    ['Votulast', 'noordoost'],
    ['Rivierenwijk', 'zuidwest'],
    ['Dichterswijk', 'zuidwest'],
    ['Oog in Al', 'west'],
    ['oog-in-al', 'west'],
    ['Zeeheldenbuurt', 'noordoost'],
    ['Overvecht-Noord', 'overvecht'],
    ['overvecht zuid', 'overvecht'],
    ['Tolsteeg', 'zuid'],
    ['Abstede', 'oost'],
    ['Rijnsweerd', 'oost'],
    ['Galgenwaard', 'oost'],
    ['Sterrenwijk', 'oost'],
    ['de Uithof', 'oost'],
    ["'t Zand", 'leidsche-rijn'],
    ['Tuindorp-Oost', 'noordoost'],
    // inside a sentence; a specific name beats a generic one
    ['Wij zitten in Lombok, vlak bij het centrum', 'west'],
    ['in het centrum van Overvecht', 'overvecht'],
    ['Buurthuis in Kanaleneiland-Zuid', 'zuidwest'],
  ] as const)('%j → %s', (text, expected) => {
    expect(matchWijk(text)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['Amsterdam'],
    ['Noord'],
    ['weet ik niet'],
    ['🏠'],
    ['12345'],
    ['dat zullen we zien'],
    ['ik weet het niet meer'],
    ['x'.repeat(5000)],
  ])('%j → null', (text) => {
    expect(matchWijk(text)).toBeNull();
  });

  it('finds a wijk in a long message without fuzzy guessing', () => {
    expect(matchWijk(`${'bla '.repeat(1000)} in Lunetten`)).toBe('zuid');
    expect(matchWijk(`${'bla '.repeat(1000)} Overvegt`)).toBeNull();
  });
});

describe('wijk tables', () => {
  it('has ten wijken with display names', () => {
    expect(WIJK_KEYS).toHaveLength(10);
    expect(WIJKEN.map((w) => w.name)).toContain('Vleuten-De Meern');
    expect(wijkName('leidsche-rijn')).toBe('Leidsche Rijn');
    expect(WijkKeySchema.safeParse('zuid').success).toBe(true);
    expect(WijkKeySchema.safeParse('noord').success).toBe(false);
  });

  it('every subwijk name matches its own wijk', () => {
    for (const [name, wijk] of Object.entries(SUBWIJKEN))
      expect([name, matchWijk(name)]).toEqual([name, wijk]);
  });

  it('adjacency is symmetric, irreflexive and connected', () => {
    for (const a of WIJK_KEYS) {
      expect(WIJK_ADJACENCY[a]).not.toContain(a);
      expect(WIJK_ADJACENCY[a].length).toBeGreaterThan(0);
      for (const b of WIJK_ADJACENCY[a]) expect(WIJK_ADJACENCY[b]).toContain(a);
    }
    const seen = new Set(['binnenstad']);
    for (const key of seen) for (const n of WIJK_ADJACENCY[key as (typeof WIJK_KEYS)[number]]) seen.add(n);
    expect(seen.size).toBe(10);
  });

  it.each([
    ['binnenstad', 'oost', true],
    ['noordwest', 'overvecht', true],
    ['leidsche-rijn', 'vleuten-de-meern', true],
    ['west', 'leidsche-rijn', true],
    ['vleuten-de-meern', 'binnenstad', false],
    ['overvecht', 'zuid', false],
    ['oost', 'west', false],
  ] as const)('%s ~ %s = %s', (a, b, adjacent) => {
    expect(areAdjacent(a, b)).toBe(adjacent);
    expect(areAdjacent(b, a)).toBe(adjacent);
  });
});
