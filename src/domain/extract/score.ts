import { z } from 'zod';
import type { ExtractedRequest } from './extracted-request.ts';
import { fold } from './text.ts';

/** One golden case: a message, the moment it was sent, and the fields a careful reader finds in it. */
export const GoldenCaseSchema = z.object({
  id: z.string(),
  now: z.string(),
  locale: z.enum(['nl', 'en']),
  text: z.string(),
  expected: z.object({
    organisation: z.string().nullable(),
    theme: z.string().nullable(),
    goal: z.string().nullable(),
    targetGroup: z.string().nullable(),
    expectedParticipants: z.number().nullable(),
    languages: z.array(z.string()),
    wijk: z.string().nullable(),
    address: z.string().nullable(),
    online: z.boolean().nullable(),
    dates: z.array(z.string()),
    durationMinutes: z.number().nullable(),
    coDesign: z.boolean().nullable(),
    accessibility: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
});
export type GoldenCase = z.infer<typeof GoldenCaseSchema>;
export type ScoredField = keyof GoldenCase['expected'];
export const SCORED_FIELDS = Object.keys(GoldenCaseSchema.shape.expected.shape) as ScoredField[];

/**
 * Per-field verdicts for one case. Exact fields must be equal; free-text fields (goal, target
 * group, accessibility) pass when most of the expected words are in the answer and the answer is
 * not mostly something else; names and organisations ignore case and punctuation; an address
 * passes when it contains the expected street and number. A null expectation needs a null answer.
 */
export function scoreCase(c: GoldenCase, r: ExtractedRequest): Record<ScoredField, boolean> {
  const e = c.expected;
  return {
    organisation: sameName(e.organisation, r.organisation),
    theme: e.theme === r.theme,
    goal: textMatch(e.goal, r.goal, 0.3),
    targetGroup: textMatch(e.targetGroup, r.targetGroup, 0.4),
    expectedParticipants: e.expectedParticipants === r.expectedParticipants,
    languages: sameSet(e.languages, r.languages),
    wijk: e.wijk === r.location.wijk,
    address:
      e.address === null
        ? r.location.address === null
        : norm(r.location.address ?? '').includes(norm(e.address)),
    online: e.online === r.location.online,
    dates: sameSet(
      e.dates,
      r.dateOptions.map((d) => d.start),
    ),
    durationMinutes: e.durationMinutes === r.durationMinutes,
    coDesign: e.coDesign === r.coDesign,
    accessibility: textMatch(e.accessibility, r.accessibility, 0.2),
    name: sameName(e.name, r.contact.name),
    email: e.email === r.contact.email,
    phone: e.phone === r.contact.phone,
  };
}

export interface EvalSummary {
  cases: number;
  perField: Record<ScoredField, { correct: number; total: number }>;
  overall: { correct: number; total: number };
  failures: Array<{ id: string; fields: ScoredField[] }>;
}

export function summarise(
  results: Array<{ id: string; verdicts: Record<ScoredField, boolean> }>,
): EvalSummary {
  const perField = Object.fromEntries(
    SCORED_FIELDS.map((f) => [f, { correct: 0, total: 0 }]),
  ) as EvalSummary['perField'];
  const failures: EvalSummary['failures'] = [];
  for (const { id, verdicts } of results) {
    const failed: ScoredField[] = [];
    for (const f of SCORED_FIELDS) {
      perField[f].total++;
      if (verdicts[f]) perField[f].correct++;
      else failed.push(f);
    }
    if (failed.length > 0) failures.push({ id, fields: failed });
  }
  const overall = Object.values(perField).reduce(
    (acc, v) => ({ correct: acc.correct + v.correct, total: acc.total + v.total }),
    { correct: 0, total: 0 },
  );
  return { cases: results.length, perField, overall, failures };
}

const norm = (s: string): string =>
  fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const STOP = new Set(
  'de het een en van in op met voor die dat is the a an and of in on with for to that is'.split(' '),
);
const words = (s: string): string[] =>
  norm(s)
    .split(' ')
    .filter((w) => w && !STOP.has(w));

function sameName(expected: string | null, actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  const [e, a] = [norm(expected), norm(actual)];
  return (
    e === a || (a.includes(e) && a.length <= e.length + 12) || (e.includes(a) && a.length >= e.length * 0.6)
  );
}

function textMatch(expected: string | null, actual: string | null, minPrecision: number): boolean {
  if (expected === null || actual === null) return expected === actual;
  const e = words(expected);
  const a = new Set(words(actual));
  const hit = e.filter(
    (w) => a.has(w) || [...a].some((x) => x.startsWith(w.slice(0, 5)) && w.length > 5),
  ).length;
  return hit / Math.max(1, e.length) >= 0.6 && hit / Math.max(1, a.size) >= minPrecision;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
