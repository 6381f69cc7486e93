import { readFileSync } from 'node:fs';
import {
  type EvalSummary,
  type GoldenCase,
  GoldenCaseSchema,
  SCORED_FIELDS,
} from '../domain/extract/score.ts';

/** Reads the golden set (one JSON case per line; blank lines and lines starting with # skipped). */
export function loadGoldenSet(file: string): GoldenCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l, i) => {
      const parsed = GoldenCaseSchema.safeParse(JSON.parse(l));
      if (!parsed.success)
        throw new Error(`golden case on line ${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

const pct = (v: { correct: number; total: number }): string =>
  `${((100 * v.correct) / Math.max(1, v.total)).toFixed(1)} %`;

/** A plain-text report: per field, overall, and which fields failed per case (ids only). */
export function formatSummary(s: EvalSummary, label: string, verbose: boolean): string {
  const width = Math.max(...SCORED_FIELDS.map((f) => f.length));
  const lines = [`intake extraction eval — extractor: ${label}, ${s.cases} cases`, ''];
  for (const f of SCORED_FIELDS) {
    const v = s.perField[f];
    lines.push(`  ${f.padEnd(width)}  ${String(v.correct).padStart(3)}/${v.total}  ${pct(v).padStart(7)}`);
  }
  lines.push(
    '',
    `  ${'overall'.padEnd(width)}  ${String(s.overall.correct).padStart(3)}/${s.overall.total}  ${pct(s.overall).padStart(7)}`,
  );
  if (verbose) {
    lines.push('', 'failed fields per case:');
    for (const f of s.failures) lines.push(`  ${f.id}: ${f.fields.join(', ')}`);
  }
  return lines.join('\n');
}
