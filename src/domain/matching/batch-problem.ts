import type { MatchContext, SessionFacts, VolunteerFacts } from './context.ts';
import { conflicts, isEligible } from './rules.ts';
import { scoreTotal } from './scores.ts';
import type { FacilitatorRole, OpenSession, Volunteer } from './types.ts';
import { MATCHING_WEIGHTS } from './weights.ts';

/** Points are handled in thousandths inside the batch, so totals compare exactly. */
export const MILLI = 1000;

/** Open places of one role in one session. */
export interface Slot {
  session: OpenSession;
  facts: SessionFacts;
  role: FacilitatorRole;
  count: number;
}

/** One phase of a batch: its places, and every (place, volunteer) pair that passes the hard rules. */
export interface Problem {
  ctx: MatchContext;
  slots: Slot[];
  volunteers: readonly Volunteer[];
  facts: VolunteerFacts[];
  /** Edge i joins slot edgeSlot[i] and volunteer edgeVol[i], worth edgeWeight[i] (fill + score, milli). */
  edgeSlot: Int32Array;
  edgeVol: Int32Array;
  edgeWeight: Int32Array;
  /** Edge ids per slot. */
  bySlot: number[][];
}

/**
 * Builds one phase. Leads and co-facilitators share a phase (same rules, same scores; only the
 * fill value differs), so each (session, volunteer) pair is checked and scored once for both.
 */
export function buildProblem(
  ctx: MatchContext,
  sessions: readonly OpenSession[],
  volunteers: readonly Volunteer[],
  roles: readonly FacilitatorRole[],
): Problem {
  const facts = volunteers.map((v) => ctx.volunteer(v));
  const slots: Slot[] = [];
  const bySlot: number[][] = [];
  const edges = new EdgeBuffer();
  const index = new AvailabilityIndex(facts);
  const ordered = [...sessions].sort((a, b) => a.start.getTime() - b.start.getTime());
  for (const session of ordered) {
    const s = ctx.session(session);
    const first = slots.length;
    for (const role of roles) {
      const count = session.open?.[role] ?? 0;
      if (count <= 0) continue;
      slots.push({ session, facts: s, role, count });
      bySlot.push([]);
    }
    const probe = slots[first];
    if (!probe) continue;
    const { covered, maybe } = index.candidates(s);
    for (let c = 0; c < covered.length + maybe.length; c++) {
      const known = c < covered.length;
      const vi = (known ? covered[c] : maybe[c - covered.length]) as number;
      const v = facts[vi] as VolunteerFacts;
      if (!isEligible(v, s, probe.role, ctx, known)) continue;
      const score = Math.round(scoreTotal(v, s, probe.role, ctx) * MILLI);
      for (let si = first; si < slots.length; si++) {
        (bySlot[si] as number[]).push(edges.size);
        edges.push(si, vi, MATCHING_WEIGHTS.batch.fill[(slots[si] as Slot).role] * MILLI + score);
      }
    }
  }
  return { ctx, slots, volunteers, facts, bySlot, ...edges.done() };
}

/** Three growing Int32Arrays: half a million pairs without half a million small objects. */
class EdgeBuffer {
  size = 0;
  private slot = new Int32Array(1024);
  private vol = new Int32Array(1024);
  private weight = new Int32Array(1024);

  push(slot: number, vol: number, weight: number): void {
    if (this.size === this.slot.length) {
      this.slot = grow(this.slot);
      this.vol = grow(this.vol);
      this.weight = grow(this.weight);
    }
    this.slot[this.size] = slot;
    this.vol[this.size] = vol;
    this.weight[this.size] = weight;
    this.size++;
  }

  done() {
    const n = this.size;
    return {
      edgeSlot: this.slot.slice(0, n),
      edgeVol: this.vol.slice(0, n),
      edgeWeight: this.weight.slice(0, n),
    };
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Which volunteers can possibly be available for a session, so the rules run on those only: the
 * ones whose weekly pattern covers it (worked out once per weekday and time, which sessions
 * share), plus the ones with a date exception that day. The rules still decide.
 */
class AvailabilityIndex {
  private readonly byPattern = new Map<string, number[]>();
  private readonly byDate = new Map<string, number[]>();
  /** Per weekday, who has any time that day in their weekly pattern. */
  private readonly byWeekday: number[][] = Array.from({ length: 7 }, () => []);
  private readonly all: number[];

  constructor(private readonly facts: readonly VolunteerFacts[]) {
    this.all = facts.map((_, i) => i);
    facts.forEach((v, i) => {
      v.availability.weekly.forEach((ranges, day) => {
        if (ranges.length > 0) this.byWeekday[day]?.push(i);
      });
      for (const date of v.availability.byDate.keys()) {
        const list = this.byDate.get(date);
        if (list) list.push(i);
        else this.byDate.set(date, [i]);
      }
    });
  }

  /**
   * `covered`: their weekly pattern covers the session and no exception touches that date, so the
   * availability rule holds; `maybe`: everyone else who could be available (to check in full).
   */
  candidates(s: SessionFacts): { covered: readonly number[]; maybe: readonly number[] } {
    const piece = s.span[0];
    if (s.span.length !== 1 || !piece) return { covered: [], maybe: this.all };
    const key = `${piece.weekday}|${piece.from}|${piece.to}`;
    let weekly = this.byPattern.get(key);
    if (!weekly) {
      weekly = (this.byWeekday[piece.weekday] ?? []).filter((i) =>
        covers(
          (this.facts[i] as VolunteerFacts).availability.weekly[piece.weekday] ?? [],
          piece.from,
          piece.to,
        ),
      );
      this.byPattern.set(key, weekly);
    }
    const exceptional = this.byDate.get(piece.date);
    if (!exceptional) return { covered: weekly, maybe: [] };
    const special = new Set(exceptional);
    return { covered: weekly.filter((i) => !special.has(i)), maybe: exceptional };
  }
}

function covers(ranges: ReadonlyArray<readonly [number, number]>, from: number, to: number): boolean {
  return ranges.some(([a, b]) => a <= from && b >= to);
}

/** What the batch has given out so far: per volunteer their new sessions and per month their count. */
export class Ledger {
  readonly load: Int32Array;
  private readonly months = new Map<string, number>();
  private readonly taken: Array<Array<readonly [number, number]>>;

  constructor(private readonly p: Problem) {
    this.load = new Int32Array(p.volunteers.length);
    this.taken = p.volunteers.map(() => []);
  }

  /** Every hard rule that the batch itself can break: the month's maximum and double-booking. */
  canTake(vi: number, slot: Slot): boolean {
    const v = this.p.facts[vi] as VolunteerFacts;
    const s = slot.facts;
    const used = (v.monthCounts.get(s.month) ?? 0) + (this.months.get(`${vi}|${s.month}`) ?? 0);
    if (used >= v.volunteer.maxPerMonth + this.p.ctx.extraMonthly) return false;
    for (const [start, end] of this.taken[vi] as Array<readonly [number, number]>) {
      if (conflicts(s.startMs, s.endMs, start, end, this.p.ctx.bufferMs)) return false;
    }
    return true;
  }

  take(vi: number, slot: Slot): void {
    const key = `${vi}|${slot.facts.month}`;
    this.months.set(key, (this.months.get(key) ?? 0) + 1);
    (this.taken[vi] as Array<readonly [number, number]>).push([slot.facts.startMs, slot.facts.endMs]);
    (this.load as Int32Array)[vi] = (this.load[vi] ?? 0) + 1;
  }

  /** Cost of giving one more place to this volunteer in this batch (convex: spreads the work). */
  marginalPenalty(vi: number): number {
    return (this.load[vi] ?? 0) * loadStepMilli();
  }
}

export function loadStepMilli(): number {
  return Math.round(MATCHING_WEIGHTS.batch.loadStep * MILLI);
}

/**
 * Fills open places one at a time, each with the eligible volunteer worth most right now (weight
 * minus the growing load penalty) whom the ledger still allows. Returns the edges taken.
 */
export function fillGreedily(
  p: Problem,
  state: { ledger: Ledger; filled: Int32Array; taken: number[] },
): void {
  const { ledger, filled, taken } = state;
  p.slots.forEach((slot, si) => {
    const edges = p.bySlot[si] as number[];
    while ((filled[si] ?? 0) < slot.count) {
      let best = -1;
      let bestValue = 0;
      for (const e of edges) {
        const vi = p.edgeVol[e] as number;
        const value = (p.edgeWeight[e] as number) - ledger.marginalPenalty(vi);
        if (value > bestValue && ledger.canTake(vi, slot)) {
          best = e;
          bestValue = value;
        }
      }
      if (best < 0) break;
      ledger.take(p.edgeVol[best] as number, slot);
      filled[si] = (filled[si] ?? 0) + 1;
      taken.push(best);
    }
  });
}
