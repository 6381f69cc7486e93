import { loadStepMilli, type Problem, type Slot } from './batch-problem.ts';
import { MinCostFlow } from './min-cost-flow.ts';

/** Candidates per place in the first round; the duals say whether anyone further down matters. */
const FIRST_ROUND_CANDIDATES = 16;
/** After this many rounds every pair goes in (never needed in the benchmark, but bounded). */
const MAX_ROUNDS = 4;

export interface FlowSolution {
  /** Pair edges (of the problem) that carry flow. */
  taken: number[];
  /** Overlap runs that only chain (treated as "one of them": safe, maybe not optimal). */
  conservativeRuns: number;
  rounds: number;
}

/**
 * The optimum of one phase as a min-cost flow (network in batch.ts's comment). Each place first
 * gets only its best candidates; the final potentials then price every pair left out: a pair
 * with a negative reduced cost could improve the answer and joins the next round. When no left-out
 * pair has one, the duals certify the answer optimal for all pairs (LP duality: no improving
 * cycle can exist), so the pruning costs nothing in quality.
 */
export function solveByFlow(p: Problem, firstRound = FIRST_ROUND_CANDIDATES): FlowSolution {
  const structure = buildStructure(p);
  const kept = topCandidates(p, firstRound);
  for (let round = 1; ; round++) {
    const { graph, pairEdge } = buildGraph(p, structure, kept);
    graph.initPotentials();
    p.slots.forEach((slot, si) => {
      for (let k = 0; k < slot.count; k++) graph.augment(si, structure.sink);
    });
    const taken: number[] = [];
    pairEdge.forEach((id, e) => {
      if (id >= 0 && graph.flowOn(id) > 0) taken.push(e);
    });
    const violators = round < MAX_ROUNDS ? underpriced(p, structure, graph, kept) : [];
    if (violators.length === 0) return { taken, conservativeRuns: structure.conservativeRuns, rounds: round };
    for (const e of violators) kept[e] = 1;
    if (round === MAX_ROUNDS - 1) kept.fill(1);
  }
}

interface VolunteerNodes {
  /** Index of the volunteer in the problem. */
  vi: number;
  runs: number[];
  /** Month node of each run. */
  runMonth: number[];
  /** Per month: node and room left that month. */
  months: Array<{ node: number; room: number }>;
  node: number;
}

interface Structure {
  nodeCount: number;
  sink: number;
  /** Run node of every pair edge. */
  runOf: Int32Array;
  volunteers: VolunteerNodes[];
  conservativeRuns: number;
}

/** Node ids grow along every edge (place < run < month < volunteer < sink), so id order is topological. */
function buildStructure(p: Problem): Structure {
  const E = p.edgeSlot.length;
  const runOf = new Int32Array(E).fill(-1);
  const volunteers: VolunteerNodes[] = [];
  let next = p.slots.length;
  let conservativeRuns = 0;
  // Pair edges were made session by session in start order, so each list is in start order too.
  const byVolunteer = new Map<number, number[]>();
  for (let e = 0; e < E; e++) {
    const vi = p.edgeVol[e] as number;
    const list = byVolunteer.get(vi);
    if (list) list.push(e);
    else byVolunteer.set(vi, [e]);
  }
  for (const [vi, edges] of byVolunteer) {
    const facts = p.facts[vi];
    if (!facts) continue;
    const runs = overlapRuns(p, edges);
    const runNodes = runs.map((run) => {
      const node = next++;
      if (!run.clique) conservativeRuns++;
      for (const e of run.edges) runOf[e] = node;
      return node;
    });
    const monthNodes = new Map<string, number>();
    for (const run of runs) if (!monthNodes.has(run.month)) monthNodes.set(run.month, next++);
    const months = [...monthNodes].map(([month, node]) => ({
      node,
      room: facts.volunteer.maxPerMonth + p.ctx.extraMonthly - (facts.monthCounts.get(month) ?? 0),
    }));
    const runMonth = runs.map((run) => monthNodes.get(run.month) as number);
    volunteers.push({ vi, runs: runNodes, runMonth, months, node: next++ });
  }
  return { nodeCount: next + 1, sink: next, runOf, volunteers, conservativeRuns };
}

function buildGraph(p: Problem, st: Structure, kept: Uint8Array) {
  const graph = new MinCostFlow(st.nodeCount, p.slots.length + p.edgeSlot.length + st.volunteers.length * 8);
  const pairEdge = new Int32Array(p.edgeSlot.length).fill(-1);
  const step = loadStepMilli();
  p.slots.forEach((slot: Slot, si) => {
    graph.addEdge(si, st.sink, slot.count, 0);
  });
  for (let e = 0; e < p.edgeSlot.length; e++) {
    if (kept[e])
      pairEdge[e] = graph.addEdge(
        p.edgeSlot[e] as number,
        st.runOf[e] as number,
        1,
        -(p.edgeWeight[e] as number),
      );
  }
  for (const v of st.volunteers) {
    v.runs.forEach((run, i) => {
      graph.addEdge(run, v.runMonth[i] as number, 1, 0);
    });
    let room = 0;
    for (const m of v.months) {
      graph.addEdge(m.node, v.node, m.room, 0);
      room += m.room;
    }
    for (let k = 0; k < Math.min(room, v.runs.length); k++) graph.addEdge(v.node, st.sink, 1, k * step);
  }
  return { graph, pairEdge };
}

/** Each place's best `k` candidates by weight (a running top-k, no full sort). */
function topCandidates(p: Problem, k: number): Uint8Array {
  const kept = new Uint8Array(p.edgeSlot.length);
  const top: number[] = [];
  for (const edges of p.bySlot) {
    top.length = 0;
    for (const e of edges) {
      const w = p.edgeWeight[e] as number;
      if (top.length === k && w <= (p.edgeWeight[top[k - 1] as number] as number)) continue;
      let i = Math.min(top.length, k - 1);
      while (i > 0 && (p.edgeWeight[top[i - 1] as number] as number) < w) {
        top[i] = top[i - 1] as number;
        i--;
      }
      top[i] = e;
    }
    for (const e of top) kept[e] = 1;
  }
  return kept;
}

/**
 * Left-out pairs whose reduced cost is negative under the tightest potentials we can give the
 * volunteer's own nodes: places and sink keep theirs; each volunteer's run, month and volunteer
 * nodes take the least values that keep every residual edge non-negative (a longest-path fixed
 * point over a handful of nodes). If even those make a left-out pair negative, it may help.
 */
function underpriced(p: Problem, st: Structure, graph: MinCostFlow, kept: Uint8Array): number[] {
  const pruned = new Uint8Array(p.volunteers.length);
  for (let e = 0; e < p.edgeSlot.length; e++) if (!kept[e]) pruned[p.edgeVol[e] as number] = 1;
  const own = new Uint8Array(st.nodeCount);
  const least = new Float64Array(st.nodeCount);
  for (const v of st.volunteers) {
    if (!pruned[v.vi]) continue;
    const nodes = [...v.runs, ...v.months.map((m) => m.node), v.node];
    for (const n of nodes) {
      own[n] = 1;
      least[n] = Number.NEGATIVE_INFINITY;
    }
    for (let pass = 0, changed = true; changed && pass <= nodes.length + 1; pass++) {
      changed = false;
      for (const u of nodes) {
        let best = least[u] as number;
        graph.residualOut(u, (to, cost) => {
          const pi = own[to] ? (least[to] as number) : graph.potentialOf(to);
          if (pi - cost > best) best = pi - cost;
        });
        if (best > (least[u] as number)) {
          least[u] = best;
          changed = true;
        }
      }
    }
  }
  const out: number[] = [];
  for (let e = 0; e < p.edgeSlot.length; e++) {
    if (kept[e]) continue;
    const run = least[st.runOf[e] as number] as number;
    if (-(p.edgeWeight[e] as number) + graph.potentialOf(p.edgeSlot[e] as number) - run < 0) out.push(e);
  }
  return out;
}

interface Run {
  month: string;
  edges: number[];
  clique: boolean;
}

/** One volunteer's eligible sessions (in start order), per month, chained into runs of sessions that clash. */
function overlapRuns(p: Problem, edges: readonly number[]): Run[] {
  const buffer = p.ctx.bufferMs;
  const runs: Run[] = [];
  let run: { month: string; edges: number[]; maxEnd: number; minEnd: number; maxStart: number } | null = null;
  const close = () => {
    // Sessions pairwise clash exactly when the latest start clashes with the earliest end.
    if (run) runs.push({ month: run.month, edges: run.edges, clique: run.maxStart < run.minEnd + buffer });
  };
  for (const e of edges) {
    const s = (p.slots[p.edgeSlot[e] as number] as Slot).facts;
    if (run && run.month === s.month && s.startMs < run.maxEnd + buffer) {
      run.edges.push(e);
      run.maxEnd = Math.max(run.maxEnd, s.endMs);
      run.minEnd = Math.min(run.minEnd, s.endMs);
      run.maxStart = s.startMs;
      continue;
    }
    close();
    run = { month: s.month, edges: [e], maxEnd: s.endMs, minEnd: s.endMs, maxStart: s.startMs };
  }
  close();
  return runs;
}
