import fc from 'fast-check';

/** Words a check must not find in a reply unless the person typed them. */
export const LEAK_MARKERS = ['undefined', '[object Object]', 'NaN', 'null'];

const FLOW_WORDS = [
  'ja',
  'nee',
  'yes',
  'no',
  'ok',
  'akkoord',
  '0',
  '1',
  '2',
  '15',
  '-3',
  '9999999',
  '1e309',
  '#1',
  '#999',
  'een stuk of vijftien',
  'dinsdag 8 december 19:00',
  'morgen 14:00',
  'volgende week dinsdag',
  '8-12-2026 19:00-21:00',
  '31 februari',
  'gisteren',
  'over 3 jaar',
  'tot 1 februari',
  '2 weken',
  'Overvecht',
  'Kanaleneiland',
  'Zuilen',
  'overal',
  'eenzaamheid',
  'polarisatie',
  'nl',
  'en',
  'nl, en',
  'ar',
  'ma-do 17-22',
  'weekend',
  'nooit',
  'terug',
  'wijzig',
  'klaar',
  'overslaan',
  'skip',
  'Fatima de Vries',
  'Buurtteam Oost',
  'DEMO-VRIJWILLIGER',
  'DEMO-COORDINATOR',
  'Gespreksvorm: kring\n- Wat raakt je?\n- Wat hoop je?',
  "Wij willen op dinsdag 8 december 's avonds een dialoog over eenzaamheid met ongeveer 15 ouderen in Overvecht",
  'We would like a dialogue on loneliness next Tuesday evening with about 20 people in Zuilen',
  'hoi',
  'hello',
  'stop',
  'STOP',
  'annuleer',
];
const EMOJI = ['🙂', '🙃', '👍🏽', '👨‍👩‍👧‍👦', '🇳🇱', '✅', '❌', '⬅️', '🧕🏾', '\u200d', '\ufe0f'];
const RTL = ['مرحبا بكم', 'שלום עולם', '\u202eevil\u202c', 'نحن نريد حوارا يوم الثلاثاء', '\u200f'];
const HTML = [
  '<script>alert(1)</script>',
  '<b>vet</b>',
  '&amp;&lt;&gt;',
  '"; DROP TABLE "Person";--',
  '{{name}}',
  '{organisation}',
  '$' + '{process.env}',
  '*bold* _it_ `code`',
  '[link](http://x)',
  '\\',
  '\u0000',
  '\r\n\t',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FLOW_WORDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI, ...RTL, ...HTML) },
  { weight: 1, arbitrary: fc.integer({ min: -100, max: 100_000 }).map(String) },
);

/** Text as people (and pranksters) type it: flow answers, garbage, emoji, RTL, markup, very long. */
export const textArb: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 8, arbitrary: piece },
    { weight: 3, arbitrary: fc.array(piece, { minLength: 2, maxLength: 5 }).map((p) => p.join(' ')) },
    {
      weight: 1,
      // Up to the shell's limit of 4,096 characters (longer text never reaches a flow).
      arbitrary: fc
        .tuple(fc.constantFrom(...FLOW_WORDS, ...EMOJI, ...RTL), fc.integer({ min: 200, max: 4000 }))
        .map(([p, n]) => `${p} `.repeat(Math.ceil(n / (p.length + 1))).slice(0, n)),
    },
  )
  .filter((s) => !LEAK_MARKERS.some((m) => s.includes(m)));

const COMMANDS = [
  'start',
  'help',
  'hulp',
  'stop',
  'annuleer',
  'cancel',
  'taal',
  'language',
  'aanvragen',
  'request',
  'mijnaanvragen',
  'mijnsessies',
  'kandidaten',
  'instellingen',
  'eerlijkheid',
  'niveau',
  'gespreksvorm',
  'koppel',
  'profiel',
  'pauze',
  'oogst',
  'privacy',
  'overzicht',
  'mijngegevens',
  'vergeetmij',
  'xyz',
  'rondsturen',
  'opbrengst',
  'dashboard',
  'belanghebbenden',
  'reflecties',
  'TAAL',
];
const commandArb = fc
  .tuple(
    fc.constantFrom(...COMMANDS),
    fc.oneof(fc.constant(''), fc.constantFrom('en', 'nl', 'fr', '1', '#2'), textArb),
  )
  .map(([c, a]) => `/${c}${a ? ` ${a}` : ''}`);

/** Buttons someone else was shown, or that were never shown at all. */
const FOREIGN_ACTIONS = [
  'answer',
  'back',
  'change',
  'confirm',
  'cancel',
  'role',
  'consent',
  'name',
  'harvest.skip',
  'harvest.approve',
  'done',
  'preset',
  'remove',
  'pause',
  'toggle',
  'section',
  'offer.accept',
  'offer.decline',
  'offer.reason',
  'act.session.move',
  'act.approve',
  'act.handback',
  'command',
  'setLocale',
  'no-such-action',
  '',
];
const foreignButton = fc.record({
  action: fc.constantFrom(...FOREIGN_ACTIONS),
  value: fc.option(
    fc.oneof(fc.constantFrom('PARTNER', 'yes', 'no', 'resume', 'nl', 'en', 'fr', '0', '99'), textArb),
    {
      nil: undefined,
    },
  ),
});

/** One thing a person does; buttons are resolved against what the bot showed when the step runs. */
export type FuzzEvent =
  | { t: 'text'; text: string }
  | { t: 'button'; from: 'current' | 'stale'; index: number }
  | { t: 'foreignButton'; action: string; value?: string }
  | { t: 'media'; mediaKind: 'voice' | 'photo' | 'document' }
  | { t: 'form'; values: Record<string, string> }
  | { t: 'locale'; value: string; viaButton: boolean }
  | { t: 'later'; minutes: number }
  | { t: 'restart' };

export interface FuzzStep {
  event: FuzzEvent;
  /** How the effects this step asks for turn out. */
  outcomes: { ok: boolean; pick: number }[];
}

const FORM_KEYS = [
  'organisation',
  'theme',
  'date',
  'time',
  'duration',
  'participants',
  'wijk',
  'address',
  'language',
];

export const eventArb: fc.Arbitrary<FuzzEvent> = fc.oneof(
  { weight: 6, arbitrary: textArb.map((text) => ({ t: 'text' as const, text })) },
  {
    weight: 6,
    arbitrary: fc.nat(20).map((index) => ({ t: 'button' as const, from: 'current' as const, index })),
  },
  {
    weight: 2,
    arbitrary: fc.nat(50).map((index) => ({ t: 'button' as const, from: 'stale' as const, index })),
  },
  { weight: 1, arbitrary: foreignButton.map((b) => ({ t: 'foreignButton' as const, ...b })) },
  { weight: 2, arbitrary: commandArb.map((text) => ({ t: 'text' as const, text })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('voice', 'photo', 'document')
      .map((mediaKind) => ({ t: 'media' as const, mediaKind: mediaKind as 'voice' | 'photo' | 'document' })),
  },
  {
    weight: 1,
    arbitrary: fc
      .dictionary(fc.constantFrom(...FORM_KEYS), fc.oneof(fc.constantFrom(...FLOW_WORDS), textArb), {
        maxKeys: 9,
      })
      .map((values) => ({ t: 'form' as const, values })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ value: fc.constantFrom('nl', 'en', 'fr', ''), viaButton: fc.boolean() })
      .map((r) => ({ t: 'locale' as const, ...r })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 60 * 24 * 20 }).map((minutes) => ({ t: 'later' as const, minutes })),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'restart' as const }) },
);

export const stepArb: fc.Arbitrary<FuzzStep> = fc.record({
  event: eventArb,
  outcomes: fc.array(fc.record({ ok: fc.boolean(), pick: fc.nat(11) }), { minLength: 5, maxLength: 5 }),
});

/** How many sequences per property: FUZZ_RUNS overrides the default. */
export function fuzzRuns(fallback: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Fixed in `npm test` (the same sequences every run), fresh with FUZZ_RUNS; FUZZ_SEED replays a failure. */
export function fuzzSeed(): number | undefined {
  if (process.env.FUZZ_SEED) return Number(process.env.FUZZ_SEED);
  return process.env.FUZZ_RUNS ? undefined : 20261129;
}
