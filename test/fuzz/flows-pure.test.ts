import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { FLOWS } from '../../src/flows/registry.ts';
import { t } from '../../src/i18n/index.ts';
import { fuzzRuns, fuzzSeed, stepArb } from './flow-arbitraries.ts';
import { type FuzzStats, PERSONAS, runSequence } from './flow-harness.ts';
import { i18nProblems } from './i18n-probe.ts';

// Every catalogue lookup made by the flows is checked: a missing key or an unfilled placeholder fails.
vi.mock('../../src/i18n/index.ts', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/i18n/index.ts')>();
  const { probeT } = await import('./i18n-probe.ts');
  return { ...orig, t: probeT(orig as never) };
});

// `npm test` runs a deterministic sample; `npm run test:fuzz` (FUZZ_RUNS=10000, a fresh seed) the full count.
const RUNS = fuzzRuns(400);
const SEED = fuzzSeed();

describe('flows under random event sequences (pure)', () => {
  it('every conversation flow is covered by the fuzz, and the catalogue probe is live', () => {
    expect(
      Object.keys(FLOWS).sort(),
      'a new flow needs its PERSONAS and START in test/fuzz/flow-harness.ts',
    ).toEqual(Object.keys(PERSONAS).sort());
    i18nProblems.length = 0;
    t('nl', 'no.such.key' as never);
    t('nl', 'intake.submitted', {});
    expect(i18nProblems).toEqual([
      'missing key no.such.key',
      'intake.submitted: placeholder {number} not filled',
    ]);
  });

  for (const flow of Object.keys(PERSONAS)) {
    // Pure and fast, but 10,000 sequences of up to 30 steps take a minute or more on a busy machine.
    it(`${flow}: no throw, polite catalogue replies, state always parses (${RUNS} sequences)`, {
      timeout: 60_000 + RUNS * 50,
    }, () => {
      const stats: FuzzStats = { steps: 0, stepsInTarget: 0 };
      const cpu = process.cpuUsage();
      fc.assert(
        fc.property(
          fc.constantFrom(...(PERSONAS[flow] ?? [])),
          fc.nat(3),
          fc.array(stepArb, { minLength: 1, maxLength: 30, size: 'max' }),
          (who, startPick, steps) => runSequence(flow, who, startPick, steps, stats),
        ),
        { numRuns: RUNS, seed: SEED },
      );
      const { user, system } = process.cpuUsage(cpu);
      console.info(
        `fuzz ${flow}: ${RUNS} sequences, ${stats.steps} steps (${stats.stepsInTarget} inside the flow), ` +
          `${((user + system) / 1000 / Math.max(stats.steps, 1)).toFixed(3)} ms CPU per step`,
      );
      // The fuzz must actually reach into the flow, not only bounce off the engine.
      expect(stats.stepsInTarget).toBeGreaterThan(RUNS);
    });
  }
});
