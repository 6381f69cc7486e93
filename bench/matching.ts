// npm run bench:matching — 500 open sessions × 5,000 volunteers, optimal (min-cost flow) vs greedy.
// The matching runs in a worker thread, the way the app would run a big batch, while the main
// thread measures how long its event loop is ever kept waiting. Prints a table and writes it,
// with the date and the machine, to docs/matching.md.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DateTime } from 'luxon';
import { type Availability, AvailabilitySchema, type Slot } from '../src/domain/matching/availability.ts';
import {
  assignGreedy,
  assignOptimal,
  type BatchInput,
  type BatchResult,
} from '../src/domain/matching/batch.ts';
import type { Level, OpenSession, Volunteer } from '../src/domain/matching/types.ts';
import { THEME_KEYS } from '../src/domain/themes.ts';
import { WIJK_ADJACENCY, WIJK_KEYS, type WijkKey } from '../src/domain/wijken.ts';
import { seeded as prng } from '../test/support/prng.ts';

const SESSIONS = 500;
const VOLUNTEERS = 5000;
const SEED = 20_261_129;
const ZONE = 'Europe/Amsterdam';
/** Eight weeks around the March 2027 daylight-saving switch. */
const FIRST_DAY = DateTime.fromISO('2027-02-15', { zone: ZONE });
const NOW = FIRST_DAY.minus({ days: 10 }).set({ hour: 9 }).toJSDate();

interface Figures {
  name: string;
  coldMs: number;
  warmMs: number;
  filled: number;
  unfilled: number;
  objective: number;
  totalScore: number;
  maxLoad: number;
  meanLoad: number;
  twoOrMore: number;
  /** Open places left, per role. */
  openByRole: Record<string, number>;
  eligiblePairs: number;
  places: number;
  notes: BatchResult['notes'];
}

type Algorithm = 'optimal' | 'greedy';

async function main(): Promise<void> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const runs: Array<Figures & { loopMaxMs: number }> = [];
  // Each algorithm in a fresh worker, so both pay for a cold start (JIT) and neither warms the other.
  for (const algorithm of ['optimal', 'greedy'] as const) runs.push(await inWorker(algorithm));
  const report = render(runs, { loadBefore, loadAfter: os.loadavg()[0] ?? 0 });
  console.log(report);
  // One machine-readable line for bench/all.ts (npm run bench).
  console.log(`BENCH_JSON ${JSON.stringify({ bench: 'matching', runs })}`);
  writeDoc(report);
}

/** Runs one algorithm in a worker while measuring how long this thread's event loop ever waits. */
async function inWorker(algorithm: Algorithm): Promise<Figures & { loopMaxMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  // A 1 ms heartbeat: the longest gap between beats is the worst wait anything on this thread saw.
  let last = performance.now();
  let maxGap = 0;
  const beat = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 1);
  const figures = await new Promise<Figures>((resolve, reject) => {
    // The worker runs this same TypeScript file, so it loads it through tsx's loader.
    const url = JSON.stringify(import.meta.url);
    const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${url}, ${url}))`;
    const worker = new Worker(boot, {
      eval: true,
      workerData: { seed: SEED, algorithm },
      // A roomier young generation: the batch makes many short-lived objects (fewer scavenges).
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  clearInterval(beat);
  histogram.disable();
  return { ...figures, loopMaxMs: Math.max(histogram.max / 1e6, maxGap) };
}

function runInWorker({ seed, algorithm }: { seed: number; algorithm: Algorithm }): Figures {
  const input = generate(seed);
  const run = algorithm === 'optimal' ? assignOptimal : assignGreedy;
  const t0 = performance.now();
  const result = run(input);
  const coldMs = performance.now() - t0;
  const t1 = performance.now();
  run(input);
  const warmMs = performance.now() - t1;
  const load = new Map<string, number>();
  for (const a of result.assignments) load.set(a.volunteerId, (load.get(a.volunteerId) ?? 0) + 1);
  const counts = [...load.values()];
  return {
    name: algorithm === 'optimal' ? 'optimal (min-cost flow)' : 'greedy',
    coldMs,
    warmMs,
    filled: result.filled,
    unfilled: result.unfilled.reduce((n, u) => n + u.count, 0),
    objective: result.objective,
    totalScore: result.totalScore,
    maxLoad: Math.max(0, ...counts),
    meanLoad: counts.length === 0 ? 0 : counts.reduce((a, b) => a + b, 0) / counts.length,
    twoOrMore: counts.filter((n) => n >= 2).length,
    openByRole: result.unfilled.reduce<Record<string, number>>((m, u) => {
      m[u.role] = (m[u.role] ?? 0) + u.count;
      return m;
    }, {}),
    eligiblePairs: result.eligiblePairs,
    places: input.sessions.reduce(
      (n, s) => n + (s.open?.LEAD ?? 0) + (s.open?.CO ?? 0) + (s.open?.TRAINEE ?? 0),
      0,
    ),
    notes: result.notes,
  };
}

function render(
  runs: ReadonlyArray<Figures & { loopMaxMs: number }>,
  load: { loadBefore: number; loadAfter: number },
) {
  const pool = (f: Figures) => f.filled / VOLUNTEERS;
  const row = (f: Figures) =>
    `| ${f.name} | ${f.coldMs.toFixed(0)} ms | ${f.warmMs.toFixed(0)} ms | ${f.filled} | ${f.unfilled} | ` +
    `${f.objective.toFixed(1)} | ${f.totalScore.toFixed(1)} | ${f.maxLoad} / ${pool(f).toFixed(3)} = ` +
    `${(f.maxLoad / (pool(f) || 1)).toFixed(2)} | ${f.maxLoad} / ${f.meanLoad.toFixed(3)} = ` +
    `${(f.maxLoad / (f.meanLoad || 1)).toFixed(2)} | ${f.twoOrMore} |`;
  const cpus = os.cpus();
  const first = runs[0] as Figures;
  const optimal = runs.find((r) => r.name.startsWith('optimal'));
  return [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus.length} cores ` +
      `(${cpus[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, seed ${SEED}; ` +
      `load average ${load.loadBefore.toFixed(1)} before, ${load.loadAfter.toFixed(1)} after ` +
      '(other work on the machine slows every figure).',
    `${SESSIONS} open sessions (${first.places} open places) × ${VOLUNTEERS} volunteers; ` +
      `${first.eligiblePairs} (place, volunteer) pairs pass every hard rule.`,
    '',
    '| algorithm | time (cold) | time (warm) | filled | open | objective | total score | ' +
      'load max / mean, all volunteers | load max / mean, those given any | 2+ places |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map(row),
    '',
    'Time includes checking every pair against the hard rules and scoring the eligible ones; cold is ' +
      'the first run in a fresh worker thread, warm the second. Objective = Σ (fill value + score) − load ' +
      'penalty (what both maximise); total score = Σ soft scores. Load = places per volunteer in this ' +
      'batch, averaged over all volunteers or over those given at least one; "2+ places" = volunteers ' +
      `given more than one. Open places left by role: ${JSON.stringify(first.openByRole)}.`,
    `Longest wait of the main thread's event loop while a worker computed: ` +
      `${Math.max(...runs.map((r) => r.loopMaxMs)).toFixed(1)} ms. ` +
      `Flow pricing rounds: ${optimal?.notes.pricingRounds ?? '-'}; overlap runs handled conservatively: ` +
      `${optimal?.notes.conservativeRuns ?? '-'}; greedy baseline won: ${optimal?.notes.greedyWasBetter ? 'yes' : 'no'}.`,
  ].join('\n');
}

const START = '<!-- bench:matching:start -->';
const END = '<!-- bench:matching:end -->';

function writeDoc(report: string): void {
  const path = new URL('../docs/matching.md', import.meta.url);
  const doc = readFileSync(path, 'utf8');
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  if (from < 0 || to < from) throw new Error('docs/matching.md lacks the bench:matching markers');
  writeFileSync(path, `${doc.slice(0, from + START.length)}\n${report}\n${doc.slice(to)}`);
}

// ---------------------------------------------------------------- realistic data, seeded

/** Rough share of Utrecht's residents per wijk. */
const WIJK_SHARE: Record<WijkKey, number> = {
  binnenstad: 6,
  noordoost: 10,
  oost: 10,
  zuid: 10,
  zuidwest: 11,
  west: 7,
  noordwest: 10,
  overvecht: 10,
  'leidsche-rijn': 16,
  'vleuten-de-meern': 10,
};

const LANGUAGE_SHARE: Array<[string, number]> = [
  ['en', 0.6],
  ['ar', 0.1],
  ['tr', 0.08],
  ['fr', 0.04],
  ['de', 0.04],
  ['es', 0.03],
  ['pl', 0.03],
  ['uk', 0.03],
  ['so', 0.02],
  ['fa', 0.02],
  ['ti', 0.01],
];

const TABLE_LANGUAGES: Array<[string[], number]> = [
  [['nl'], 70],
  [['nl', 'ar'], 10],
  [['nl', 'tr'], 5],
  [['en'], 5],
  [['nl', 'en'], 4],
  [['uk', 'nl'], 2],
  [['nl', 'so'], 2],
  [['ar'], 1],
  [['pl'], 1],
];

function generate(seed: number): BatchInput {
  const rnd = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const weighted = <T>(pairs: ReadonlyArray<readonly [T, number]>): T => {
    const total = pairs.reduce((n, [, w]) => n + w, 0);
    let x = rnd() * total;
    for (const [item, w] of pairs) {
      x -= w;
      if (x < 0) return item;
    }
    return (pairs[pairs.length - 1] as readonly [T, number])[0];
  };
  const wijkPairs = WIJK_KEYS.map((k) => [k, WIJK_SHARE[k]] as const);
  const sessionStart = (day: DateTime): DateTime => {
    const [hour, minute] = weighted([
      [[19, 0], 35],
      [[19, 30], 15],
      [[14, 0], 15],
      [[15, 0], 15],
      [[10, 0], 20],
    ] as const);
    return day.set({ hour, minute });
  };

  const sessions: OpenSession[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    let day = FIRST_DAY.plus({ days: Math.floor(rnd() * 56) });
    if (day.weekday === 7 || (day.weekday === 6 && rnd() < 0.6)) day = day.minus({ days: 2 });
    const start = sessionStart(day);
    const online = rnd() < 0.1;
    sessions.push({
      id: `s${i}`,
      start: start.toJSDate(),
      end: start.plus({ minutes: pick([90, 120, 120, 150]) }).toJSDate(),
      theme: pick(THEME_KEYS),
      languages: weighted(TABLE_LANGUAGES),
      wijk: online ? null : weighted(wijkPairs),
      online,
      team: [],
      open: { LEAD: 1, CO: rnd() < 0.5 ? 1 : 0, TRAINEE: rnd() < 0.4 ? 1 : 0 },
    });
  }

  const volunteers: Volunteer[] = [];
  for (let i = 0; i < VOLUNTEERS; i++) {
    const level: Level = weighted([
      ['TRAINEE', 25],
      ['CERTIFIED', 55],
      ['SENIOR', 20],
    ] as const);
    const home = weighted(wijkPairs);
    const wijken = new Set<string>([home]);
    if (rnd() < 0.5) wijken.add(pick(WIJK_ADJACENCY[home]));
    if (rnd() < 0.2) wijken.add(weighted(wijkPairs));
    const languages = rnd() < 0.93 ? ['nl'] : [];
    for (const [code, share] of LANGUAGE_SHARE) if (rnd() < share) languages.push(code);
    if (languages.length === 0) languages.push('en');
    const history = pastAssignments(rnd, pick);
    volunteers.push({
      id: `v${i}`,
      level,
      languages,
      wijken: [...wijken],
      anywhere: rnd() < 0.15,
      themes: [
        ...new Set(
          [pick(THEME_KEYS), pick(THEME_KEYS), pick(THEME_KEYS)].slice(0, 1 + Math.floor(rnd() * 3)),
        ),
      ],
      availability: randomAvailability(rnd, pick),
      maxPerMonth: weighted([
        [1, 15],
        [2, 40],
        [3, 25],
        [4, 12],
        [5, 8],
      ] as const),
      pausedUntil: rnd() < 0.03 ? FIRST_DAY.plus({ days: Math.floor(rnd() * 40) }).toJSDate() : null,
      assignments: history,
      declines: Array.from({ length: Math.floor(rnd() * 3) }, () => {
        const at = DateTime.fromJSDate(NOW).minus({ days: Math.floor(rnd() * 80) });
        return {
          at: at.toJSDate(),
          sessionStart: sessionStart(at.plus({ days: 7 })).toJSDate(),
          theme: pick(THEME_KEYS),
          wijk: weighted(wijkPairs),
          reason: pick(['day', 'theme', 'distance', null] as const),
        };
      }),
    });
  }
  return { sessions, volunteers, options: { now: NOW, zone: ZONE } };
}

function pastAssignments(rnd: () => number, pick: <T>(items: readonly T[]) => T): Volunteer['assignments'] {
  const n = Math.floor(rnd() * rnd() * 6);
  return Array.from({ length: n }, (_, k) => {
    // Mostly in the past 120 days; now and then one already booked in the batch's weeks.
    const day =
      rnd() < 0.8
        ? DateTime.fromJSDate(NOW).minus({ days: 1 + Math.floor(rnd() * 120) })
        : FIRST_DAY.plus({ days: Math.floor(rnd() * 56) });
    const start = day.set({ hour: 19, minute: 0 });
    return {
      sessionId: `past-${k}`,
      role: pick(['LEAD', 'CO', 'TRAINEE'] as const),
      start: start.toJSDate(),
      end: start.plus({ hours: 2 }).toJSDate(),
      theme: pick(THEME_KEYS),
    };
  });
}

function randomAvailability(rnd: () => number, pick: <T>(items: readonly T[]) => T): Availability {
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  const weekly: Partial<Record<(typeof days)[number], Slot[]>> = {};
  const parts = 2 + Math.floor(rnd() * 6);
  for (let i = 0; i < parts; i++) {
    const day = rnd() < 0.85 ? pick(days.slice(0, 5)) : pick(days.slice(5));
    const slot: Slot =
      rnd() < 0.1
        ? pick([
            { from: '18:30', to: '22:00' },
            { from: '09:30', to: '13:00' },
            { from: '13:30', to: '17:30' },
          ])
        : pick(['evening', 'evening', 'afternoon', 'morning'] as const);
    weekly[day] = [...(weekly[day] ?? []), slot];
  }
  const exceptions = [];
  if (rnd() < 0.2) {
    const from = FIRST_DAY.plus({ days: Math.floor(rnd() * 50) });
    exceptions.push({
      kind: 'unavailable',
      date: from.toISODate(),
      until: from.plus({ days: 6 + Math.floor(rnd() * 8) }).toISODate(),
    });
  }
  if (rnd() < 0.1) {
    exceptions.push({
      kind: 'available',
      date: FIRST_DAY.plus({ days: Math.floor(rnd() * 56) }).toISODate(),
      slots: ['evening'],
    });
  }
  return AvailabilitySchema.parse({ weekly, exceptions });
}

// Last, so every constant above is initialised before either thread starts.
if (isMainThread) await main();
else parentPort?.postMessage(runInWorker(workerData as { seed: number; algorithm: Algorithm }));
