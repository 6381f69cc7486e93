/**
 * Assigning many open sessions at once.
 *
 * The problem: give each open place (session × role) at most one volunteer so that every hard
 * rule holds (rules.ts), nobody is double-booked within the batch, nobody passes their monthly
 * maximum within the batch, and the objective is as large as possible:
 *   Σ over filled places (fill value of the role + the candidate's soft score)
 *   − Σ over volunteers loadStep × k(k − 1)/2   (k = places they get in this batch)
 * The fill value dwarfs score differences, so filling a place comes first; the convex load term
 * spreads the work instead of handing one popular volunteer five sessions.
 *
 * The algorithm: a min-cost flow (min-cost-flow.ts), in two phases.
 *   place ──(−weight)──► volunteer's overlap run ──► volunteer's month ──(room left that month)──►
 *   volunteer ──(1 unit at 0, 1 at loadStep, 1 at 2·loadStep, …)──► sink; and place ──(0)──► sink
 *   for "leave it open". An overlap run groups one volunteer's eligible sessions of one month that
 *   chain into each other in time (with the travel buffer); capacity 1 means at most one of them.
 *   Phase 1 fills lead and co places; phase 2 fills trainee places, only in sessions that then
 *   have a lead (trainees and leads are different people, so the phases do not compete).
 *   Scores that depend on the team (diversity of the pair) see the team as it was before the
 *   batch in phase 1 (a pair formed within phase 1 is not scored as a pair: that would make the
 *   objective quadratic), and phase 1's people in phase 2.
 * Exactness: when each run is a clique (its sessions all overlap each other: the usual case,
 * several sessions on the same evening), phase 1 is an exact optimum. Double-booking over general
 * intervals with per-person eligibility is NP-hard (interval scheduling on eligible machines), so
 * a run that only chains (A overlaps B, B overlaps C, A and C do not) is treated as "one of them":
 * safe, maybe not optimal; afterwards a greedy pass fills what is still open, and the greedy
 * baseline is computed too, so the result is never worse than greedy by construction (`notes`
 * says when the baseline won: 4 in 1,000 random small batches with chains and trainees).
 * Speed: each place first gets only its 16 best candidates; the flow's final potentials (dual
 * prices) then price every pair left out, and any that could improve the answer joins a next
 * round (batch-flow.ts). When none can, LP duality certifies the answer optimal for all pairs.
 * Complexity: building the candidate pairs is O(S · V) rule checks for S sessions and V
 * volunteers (an availability index skips most of them); the flow is successive shortest paths
 * with early-stopping Dijkstra, O(U · E' log N) worst case for U open places, E' kept pairs and
 * N nodes, in practice close to O(E' log N) because most searches end a few steps away at a
 * volunteer with room left; pricing is O(E). Benchmark figures: docs/matching.md.
 */

import { solveByFlow } from './batch-flow.ts';
import {
  buildProblem,
  fillGreedily,
  Ledger,
  loadStepMilli,
  MILLI,
  type Problem,
  type Slot,
} from './batch-problem.ts';
import { MatchContext } from './context.ts';
import type { FacilitatorRole, MatchOptions, OpenSession, TeamMember, Volunteer } from './types.ts';
import { MATCHING_WEIGHTS } from './weights.ts';

export interface BatchInput {
  /** Sessions with their open places in `open`. */
  sessions: readonly OpenSession[];
  volunteers: readonly Volunteer[];
  options: MatchOptions;
}

export interface BatchAssignment {
  sessionId: string;
  role: FacilitatorRole;
  volunteerId: string;
  /** The soft score (without the fill value). */
  score: number;
}

export interface BatchResult {
  algorithm: 'min-cost-flow' | 'greedy';
  assignments: BatchAssignment[];
  unfilled: Array<{ sessionId: string; role: FacilitatorRole; count: number }>;
  filled: number;
  /** Σ soft scores of the assignments. */
  totalScore: number;
  /** What the optimiser maximises (see the module comment). */
  objective: number;
  /** (place, volunteer) pairs that pass every hard rule. */
  eligiblePairs: number;
  notes: {
    /** Overlap runs that only chain, handled conservatively (see the module comment). */
    conservativeRuns: number;
    /** Pricing rounds of the flow (1: the first candidate lists were provably enough). */
    pricingRounds: number;
    greedyWasBetter: boolean;
  };
}

/** The optimal assignment (min-cost flow), never worse than `assignGreedy`. */
export function assignOptimal(input: BatchInput): BatchResult {
  const batch = prepare(input);
  const flow = finish(batch, solveOptimally);
  const greedy = finish(batch, solveGreedily);
  const greedyWasBetter = greedy.objectiveMilli > flow.objectiveMilli;
  const best = greedyWasBetter ? greedy : flow;
  return toResult('min-cost-flow', best, {
    conservativeRuns: flow.conservativeRuns,
    pricingRounds: flow.rounds,
    greedyWasBetter,
  });
}

/** The baseline: places in start order, each to the best eligible volunteer still free. */
export function assignGreedy(input: BatchInput): BatchResult {
  const greedy = finish(prepare(input), solveGreedily);
  return toResult('greedy', greedy, { conservativeRuns: 0, pricingRounds: 0, greedyWasBetter: false });
}

type Solver = (p: Problem) => { taken: number[]; conservativeRuns: number; rounds: number };

/** One batch run: phase 1 built once, phase-2 problems shared by solvers that agree on phase 1. */
interface Batch {
  ctx: MatchContext;
  input: BatchInput;
  one: Problem;
  phaseTwo: Map<string, Problem>;
}

interface Outcome {
  taken: Array<{ p: Problem; edge: number }>;
  problems: Problem[];
  objectiveMilli: number;
  conservativeRuns: number;
  rounds: number;
}

function prepare(input: BatchInput): Batch {
  const ctx = new MatchContext(input.options);
  const experienced = input.volunteers.filter((v) => v.level !== 'TRAINEE');
  const one = buildProblem(ctx, input.sessions, experienced, ['LEAD', 'CO']);
  return { ctx, input, one, phaseTwo: new Map() };
}

/** Solves phase 1 with `solve`, then phase 2 on top of the leads it found. */
function finish(batch: Batch, solve: Solver): Outcome {
  const { one } = batch;
  const first = solve(one);
  const two = traineeProblem(batch, first.taken);
  const second = solve(two);
  return {
    taken: [
      ...first.taken.map((edge) => ({ p: one, edge })),
      ...second.taken.map((edge) => ({ p: two, edge })),
    ],
    problems: [one, two],
    objectiveMilli: objectiveOf(one, first.taken) + objectiveOf(two, second.taken),
    conservativeRuns: first.conservativeRuns + second.conservativeRuns,
    rounds: Math.max(first.rounds, second.rounds),
  };
}

/**
 * Phase 2: the trainee places, with phase 1's people on the teams. It only sees their role, level
 * and languages (trainees are never among them), so two phase-1 answers that agree on those
 * share one problem.
 */
function traineeProblem(batch: Batch, taken: readonly number[]): Problem {
  const { one, input } = batch;
  const joined = new Map<string, TeamMember[]>();
  for (const e of taken) {
    const slot = one.slots[one.edgeSlot[e] as number] as Slot;
    const v = one.volunteers[one.edgeVol[e] as number] as Volunteer;
    const member = { volunteerId: v.id, role: slot.role, level: v.level, languages: v.languages };
    joined.set(slot.session.id, [...(joined.get(slot.session.id) ?? []), member]);
  }
  const sessions = input.sessions
    .filter((s) => (s.open?.TRAINEE ?? 0) > 0)
    .map((s) => ({ ...s, team: [...s.team, ...(joined.get(s.id) ?? [])] }));
  const describe = (m: TeamMember) => `${m.role}/${m.level}/${[...m.languages].sort()}`;
  const signature = sessions.map((s) => `${s.id}:${(joined.get(s.id) ?? []).map(describe).sort()}`).join('|');
  let two = batch.phaseTwo.get(signature);
  if (!two) {
    const trainees = input.volunteers.filter((v) => v.level === 'TRAINEE');
    two = buildProblem(batch.ctx, sessions, trainees, ['TRAINEE']);
    batch.phaseTwo.set(signature, two);
  }
  return two;
}

const solveGreedily: Solver = (p) => {
  const taken: number[] = [];
  fillGreedily(p, { ledger: new Ledger(p), filled: new Int32Array(p.slots.length), taken });
  return { taken, conservativeRuns: 0, rounds: 0 };
};

/** The flow's answer, re-checked and topped up (see the module comment). */
const solveOptimally: Solver = (p) => {
  const flow = solveByFlow(p);
  // Runs never cross a month, so two sessions around midnight at a month's end could still
  // clash: re-check through the ledger, best first, then let a greedy pass fill what is open.
  const chosen = [...flow.taken].sort((a, b) => (p.edgeWeight[b] as number) - (p.edgeWeight[a] as number));
  const ledger = new Ledger(p);
  const filled = new Int32Array(p.slots.length);
  const taken: number[] = [];
  for (const e of chosen) {
    const vi = p.edgeVol[e] as number;
    const si = p.edgeSlot[e] as number;
    const slot = p.slots[si] as Slot;
    if (!ledger.canTake(vi, slot)) continue;
    ledger.take(vi, slot);
    filled[si] = (filled[si] ?? 0) + 1;
    taken.push(e);
  }
  fillGreedily(p, { ledger, filled, taken });
  return { taken, conservativeRuns: flow.conservativeRuns, rounds: flow.rounds };
};

function objectiveOf(p: Problem, taken: readonly number[]): number {
  const load = new Map<number, number>();
  let total = 0;
  for (const e of taken) {
    total += p.edgeWeight[e] as number;
    const vi = p.edgeVol[e] as number;
    load.set(vi, (load.get(vi) ?? 0) + 1);
  }
  for (const k of load.values()) total -= (loadStepMilli() * k * (k - 1)) / 2;
  return total;
}

function toResult(algorithm: BatchResult['algorithm'], o: Outcome, notes: BatchResult['notes']): BatchResult {
  const assignments: BatchAssignment[] = [];
  const filledPerSlot = new Map<Slot, number>();
  let softMilli = 0;
  for (const { p, edge } of o.taken) {
    const slot = p.slots[p.edgeSlot[edge] as number] as Slot;
    const soft = (p.edgeWeight[edge] as number) - MATCHING_WEIGHTS.batch.fill[slot.role] * MILLI;
    softMilli += soft;
    filledPerSlot.set(slot, (filledPerSlot.get(slot) ?? 0) + 1);
    const volunteerId = (p.volunteers[p.edgeVol[edge] as number] as Volunteer).id;
    assignments.push({ sessionId: slot.session.id, role: slot.role, volunteerId, score: soft / MILLI });
  }
  const unfilled = o.problems.flatMap((p) =>
    p.slots
      .map((slot) => ({
        sessionId: slot.session.id,
        role: slot.role,
        count: slot.count - (filledPerSlot.get(slot) ?? 0),
      }))
      .filter((u) => u.count > 0),
  );
  return {
    algorithm,
    assignments,
    unfilled,
    filled: assignments.length,
    totalScore: softMilli / MILLI,
    objective: o.objectiveMilli / MILLI,
    eligiblePairs: o.problems.reduce((n, p) => n + p.edgeSlot.length, 0),
    notes,
  };
}
