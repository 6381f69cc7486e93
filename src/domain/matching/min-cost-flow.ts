/**
 * Min-cost flow by successive shortest paths (Dijkstra on reduced costs, Johnson potentials),
 * one unit at a time from a chosen source to the sink, stopping each search as soon as the sink
 * is settled. Integer costs; negative costs are allowed on the initial graph as long as every
 * edge goes from a lower to a higher node id (so it is acyclic) and `initPotentials` runs first.
 *
 * Why this and not a textbook Hungarian: the batch has nested capacities (a volunteer's month,
 * their overlapping sessions) that a plain assignment matrix cannot express, and the graph is
 * sparse (a place has hundreds of eligible people, not thousands), so an early-stopping search
 * touches a small neighbourhood per unit. Cost per unit: O((E + V) log V) in the worst case,
 * far less in practice; total O(U · (E + V) log V) for U units of supply.
 */
export class MinCostFlow {
  private head: Int32Array;
  private next: Int32Array;
  private to: Int32Array;
  private cap: Int32Array;
  private cost: Float64Array;
  private edges = 0;
  private readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly via: Int32Array;
  private readonly heap = new MinHeap();

  constructor(
    readonly nodeCount: number,
    edgeHint = 16,
  ) {
    this.head = new Int32Array(nodeCount).fill(-1);
    const size = Math.max(2, edgeHint * 2);
    this.next = new Int32Array(size);
    this.to = new Int32Array(size);
    this.cap = new Int32Array(size);
    this.cost = new Float64Array(size);
    this.potential = new Float64Array(nodeCount);
    this.dist = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
    this.via = new Int32Array(nodeCount).fill(-1);
  }

  /** Adds an edge (and its residual twin); returns its id for `flowOn`. */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    if (this.edges + 2 > this.to.length) this.grow();
    const id = this.edges;
    this.link(id, from, to, capacity, cost);
    this.link(id + 1, to, from, 0, -cost);
    this.edges += 2;
    return id;
  }

  /** A node's potential (dual value): certifies optimality of edges left out of the graph. */
  potentialOf(node: number): number {
    return this.potential[node] ?? 0;
  }

  /** Calls `visit` for every edge out of `node` that can still carry flow (residual graph). */
  residualOut(node: number, visit: (to: number, cost: number) => void): void {
    for (let e = this.head[node] as number; e !== -1; e = this.next[e] as number) {
      if ((this.cap[e] as number) > 0) visit(this.to[e] as number, this.cost[e] as number);
    }
  }

  flowOn(edge: number): number {
    return this.cap[edge + 1] ?? 0;
  }

  /**
   * Valid potentials (every residual edge has a non-negative reduced cost) for an acyclic graph
   * whose edges all go from a lower to a higher node id: shortest distances from a virtual source
   * joined to every node at cost 0.
   */
  initPotentials(): void {
    const pi = this.potential;
    pi.fill(0);
    for (let u = 0; u < this.nodeCount; u++) {
      for (let e = this.head[u] as number; e !== -1; e = this.next[e] as number) {
        if ((this.cap[e] as number) <= 0) continue;
        const v = this.to[e] as number;
        const d = (pi[u] as number) + (this.cost[e] as number);
        if (d < (pi[v] as number)) pi[v] = d;
      }
    }
  }

  /** Sends one unit along a cheapest path from `source` to `sink`; returns its cost, or null. */
  augment(source: number, sink: number): number | null {
    const { dist, via, potential: pi, heap } = this;
    const touched: number[] = [source];
    dist[source] = 0;
    heap.clear();
    heap.push(0, source);
    let reached = Number.POSITIVE_INFINITY;
    while (heap.size > 0) {
      const d = heap.peekKey();
      const u = heap.pop();
      if (d > (dist[u] as number)) continue;
      if (u === sink) {
        reached = d;
        break;
      }
      const base = d + (pi[u] as number);
      for (let e = this.head[u] as number; e !== -1; e = this.next[e] as number) {
        if ((this.cap[e] as number) <= 0) continue;
        const v = this.to[e] as number;
        const nd = base + (this.cost[e] as number) - (pi[v] as number);
        if (nd < (dist[v] as number)) {
          if (dist[v] === Number.POSITIVE_INFINITY) touched.push(v);
          dist[v] = nd;
          via[v] = e;
          heap.push(nd, v);
        }
      }
    }
    let cost: number | null = null;
    if (reached < Number.POSITIVE_INFINITY) {
      cost = 0;
      for (let v = sink; v !== source; ) {
        const e = via[v] as number;
        this.cap[e] = (this.cap[e] as number) - 1;
        this.cap[e ^ 1] = (this.cap[e ^ 1] as number) + 1;
        cost += this.cost[e] as number;
        v = this.to[e ^ 1] as number;
      }
    }
    // Early stop: nodes settled closer than the sink move by (d − reached), the rest stay; that keeps
    // every residual reduced cost non-negative. Without a path, the whole reachable part was settled.
    const shift = reached < Number.POSITIVE_INFINITY ? reached : 0;
    for (const v of touched) {
      const d = dist[v] as number;
      if (d < reached) pi[v] = (pi[v] as number) + d - shift;
      dist[v] = Number.POSITIVE_INFINITY;
      via[v] = -1;
    }
    return cost;
  }

  private link(id: number, from: number, to: number, capacity: number, cost: number): void {
    this.to[id] = to;
    this.cap[id] = capacity;
    this.cost[id] = cost;
    this.next[id] = this.head[from] as number;
    this.head[from] = id;
  }

  private grow(): void {
    const size = this.to.length * 2;
    const widen = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.next = widen(this.next, (n) => new Int32Array(n));
    this.to = widen(this.to, (n) => new Int32Array(n));
    this.cap = widen(this.cap, (n) => new Int32Array(n));
    this.cost = widen(this.cost, (n) => new Float64Array(n));
  }
}

/** Binary min-heap of (key, node) in flat arrays; duplicates allowed (lazy deletion). */
class MinHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  peekKey(): number {
    return this.keys[0] as number;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.keys[parent] as number) <= key) break;
      this.keys[i] = this.keys[parent] as number;
      this.nodes[i] = this.nodes[parent] as number;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  pop(): number {
    const top = this.nodes[0] as number;
    const last = --this.size;
    const key = this.keys[last] as number;
    const node = this.nodes[last] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && (this.keys[child + 1] as number) < (this.keys[child] as number)) child++;
      if ((this.keys[child] as number) >= key) break;
      this.keys[i] = this.keys[child] as number;
      this.nodes[i] = this.nodes[child] as number;
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }
}
