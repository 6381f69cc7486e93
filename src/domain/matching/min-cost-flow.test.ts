import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinCostFlow } from './min-cost-flow.ts';

/**
 * Rows (supply 1 each, may stay unassigned at cost 0) to columns (capacity 1) with costs:
 * nodes 0..R-1 rows, R..R+C-1 columns, R+C sink.
 */
function assign(costs: number[][]): number {
  const R = costs.length;
  const C = costs[0]?.length ?? 0;
  const sink = R + C;
  const graph = new MinCostFlow(R + C + 1);
  costs.forEach((row, r) => {
    graph.addEdge(r, sink, 1, 0);
    row.forEach((cost, c) => {
      graph.addEdge(r, R + c, 1, cost);
    });
  });
  for (let c = 0; c < C; c++) graph.addEdge(R + c, sink, 1, 0);
  graph.initPotentials();
  let total = 0;
  for (let r = 0; r < R; r++) total += graph.augment(r, sink) ?? Number.NaN;
  return total;
}

function bruteForce(costs: number[][]): number {
  const C = costs[0]?.length ?? 0;
  const used = new Array<boolean>(C).fill(false);
  const go = (r: number): number => {
    if (r === costs.length) return 0;
    let best = go(r + 1); // unassigned
    for (let c = 0; c < C; c++) {
      if (used[c]) continue;
      used[c] = true;
      best = Math.min(best, (costs[r]?.[c] ?? 0) + go(r + 1));
      used[c] = false;
    }
    return best;
  };
  return go(0);
}

describe('MinCostFlow', () => {
  it('solves a textbook assignment (with negative costs: maximising value)', () => {
    expect(
      assign([
        [-4, -1, -3],
        [-2, 0, -5],
        [-3, -2, -2],
      ]),
    ).toBe(-4 - 5 - 2);
  });

  it('leaves a row unassigned when every column costs more than leaving it', () => {
    expect(assign([[3, 5]])).toBe(0);
  });

  it('re-routes earlier units when a later one needs their column', () => {
    // Row 0 alone would take column 0; row 1 can only use column 0; best is 0→1, 1→0.
    expect(
      assign([
        [-10, -9],
        [-10, 100],
      ]),
    ).toBe(-19);
  });

  it('agrees with brute force on random assignment problems', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((rows) =>
          fc.integer({ min: 1, max: 5 }).chain((cols) =>
            fc.array(fc.array(fc.integer({ min: -50, max: 20 }), { minLength: cols, maxLength: cols }), {
              minLength: rows,
              maxLength: rows,
            }),
          ),
        ),
        (costs) => {
          expect(assign(costs)).toBe(bruteForce(costs));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports how much flow an edge carries and null when the sink cannot be reached', () => {
    const graph = new MinCostFlow(3);
    const e = graph.addEdge(0, 1, 1, 2);
    graph.initPotentials();
    expect(graph.augment(0, 2)).toBeNull();
    graph.addEdge(1, 2, 1, 3);
    expect(graph.augment(0, 2)).toBe(5);
    expect(graph.flowOn(e)).toBe(1);
    expect(graph.augment(0, 2)).toBeNull();
  });
});
