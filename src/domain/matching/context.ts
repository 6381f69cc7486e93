import { WIJK_ADJACENCY, WIJK_KEYS, type WijkKey } from '../wijken.ts';
import {
  type CompiledAvailability,
  compile,
  type DayPiece,
  localSpan,
  type PartOfDay,
  partOfDayAt,
} from './availability.ts';
import { LocalClock } from './local-clock.ts';
import type { Decline, MatchOptions, OpenSession, Volunteer } from './types.ts';
import { MATCHING_DEFAULTS, MATCHING_WEIGHTS } from './weights.ts';

const DAY_MS = 86_400_000;

/** What the rules and scores need about a session, worked out once per run. */
export interface SessionFacts {
  session: OpenSession;
  startMs: number;
  endMs: number;
  /** Local pieces of the session widened by the travel buffer (not widened when online). */
  span: DayPiece[];
  /** 'yyyy-MM' of the local start: the calendar month the monthly maximum counts in. */
  month: string;
  /** Local date of the start. */
  date: string;
  weekday: number;
  partOfDay: PartOfDay;
  languages: ReadonlySet<string>;
  excluded: ReadonlySet<string>;
  team: ReadonlySet<string>;
  /** Languages and levels already on the team (diversity of the pair). */
  teamLanguages: ReadonlySet<string>;
  teamLevels: ReadonlySet<string>;
  hasCertifiedLead: boolean;
  seniorLead: boolean;
}

/** What the rules and scores need about a volunteer, worked out once per run. */
export interface VolunteerFacts {
  volunteer: Volunteer;
  availability: CompiledAvailability;
  pausedUntilMs: number;
  pausedUntilDate: string | null;
  monthCounts: ReadonlyMap<string, number>;
  /** Active assignments as [start, end] in ms, for the double-booking rule. */
  busy: ReadonlyArray<readonly [number, number]>;
  /** Sessions in the fairness lookback window before now. */
  recentLoad: number;
  lastServedMs: number | null;
  themeCounts: ReadonlyMap<string, number>;
  /** Earlier sessions in the trainee role. */
  shadowed: number;
  /** Days since their last session (null: never), for the fairness score. */
  daysSinceServed: number | null;
  /** Wijken bordering one of theirs (and not theirs). */
  nearWijken: ReadonlySet<string>;
  /** Declines in the lookback window, with their session's local weekday and part of day. */
  recentDeclines: ReadonlyArray<DeclineFacts>;
}

export interface DeclineFacts {
  weekday: number;
  partOfDay: PartOfDay;
  theme: string;
  wijk: string | null;
  reason: Decline['reason'];
}

/**
 * One matching run's settings plus caches of the facts above. Everything is derived from the
 * plain input, so the engine stays pure; the caches only make a 500 × 5,000 batch affordable.
 */
export class MatchContext {
  readonly nowMs: number;
  readonly zone: string;
  readonly bufferMs: number;
  readonly extraMonthly: number;
  readonly ignoreLanguage: boolean;
  private readonly sessions = new WeakMap<OpenSession, SessionFacts>();
  readonly clock: LocalClock;

  constructor(
    readonly options: MatchOptions,
    private readonly volunteers = new WeakMap<Volunteer, VolunteerFacts>(),
  ) {
    this.nowMs = options.now.getTime();
    this.zone = options.zone ?? MATCHING_DEFAULTS.zone;
    this.bufferMs = (options.travelBufferMinutes ?? MATCHING_DEFAULTS.travelBufferMinutes) * 60_000;
    this.extraMonthly = options.extraMonthlyCapacity ?? 0;
    this.ignoreLanguage = options.ignoreLanguage ?? false;
    this.clock = new LocalClock(this.zone);
  }

  /** The same run with some settings changed (relaxations); volunteer facts are shared. */
  with(overrides: Partial<MatchOptions>): MatchContext {
    const options = { ...this.options, ...overrides };
    const same =
      (options.zone ?? MATCHING_DEFAULTS.zone) === this.zone && options.now.getTime() === this.nowMs;
    return new MatchContext(options, same ? this.volunteers : undefined);
  }

  session(session: OpenSession): SessionFacts {
    let facts = this.sessions.get(session);
    if (!facts) {
      facts = this.sessionFacts(session);
      this.sessions.set(session, facts);
    }
    return facts;
  }

  volunteer(volunteer: Volunteer): VolunteerFacts {
    let facts = this.volunteers.get(volunteer);
    if (!facts) {
      facts = this.volunteerFacts(volunteer);
      this.volunteers.set(volunteer, facts);
    }
    return facts;
  }

  /** 'yyyy-MM' of an instant in the run's zone. */
  monthOf(ms: number): string {
    return this.clock.at(ms).month;
  }

  private sessionFacts(session: OpenSession): SessionFacts {
    const startMs = session.start.getTime();
    const endMs = session.end.getTime();
    const buffer = session.online ? 0 : this.bufferMs;
    const local = this.clock.at(startMs);
    const lead = session.team.find((m) => m.role === 'LEAD');
    return {
      session,
      startMs,
      endMs,
      span: localSpan(startMs - buffer, endMs + buffer, this.clock),
      month: local.month,
      date: local.date,
      weekday: local.weekday,
      partOfDay: partOfDayAt(local.minute),
      languages: new Set(session.languages),
      excluded: new Set(session.excludedVolunteerIds ?? []),
      team: new Set(session.team.map((m) => m.volunteerId)),
      teamLanguages: new Set(session.team.flatMap((m) => m.languages)),
      teamLevels: new Set(session.team.map((m) => m.level)),
      hasCertifiedLead: lead !== undefined && lead.level !== 'TRAINEE',
      seniorLead: lead?.level === 'SENIOR',
    };
  }

  private volunteerFacts(volunteer: Volunteer): VolunteerFacts {
    const monthCounts = new Map<string, number>();
    const themeCounts = new Map<string, number>();
    const lookbackStart = this.nowMs - MATCHING_WEIGHTS.fairness.lookbackDays * DAY_MS;
    let recentLoad = 0;
    let lastServedMs: number | null = null;
    let shadowed = 0;
    for (const a of volunteer.assignments) {
      const start = a.start.getTime();
      const month = this.monthOf(start);
      monthCounts.set(month, (monthCounts.get(month) ?? 0) + 1);
      if (start > this.nowMs) continue;
      themeCounts.set(a.theme, (themeCounts.get(a.theme) ?? 0) + 1);
      if (a.role === 'TRAINEE') shadowed++;
      if (start >= lookbackStart) recentLoad++;
      if (lastServedMs === null || start > lastServedMs) lastServedMs = start;
    }
    const declineStart = this.nowMs - MATCHING_WEIGHTS.declines.lookbackDays * DAY_MS;
    const recentDeclines = volunteer.declines
      .filter((d) => d.at.getTime() >= declineStart)
      .map((d) => {
        const local = this.clock.at(d.sessionStart.getTime());
        const partOfDay = partOfDayAt(local.minute);
        return { weekday: local.weekday, partOfDay, theme: d.theme, wijk: d.wijk, reason: d.reason };
      });
    const own = new Set(volunteer.wijken);
    const nearWijken = new Set(
      volunteer.wijken.flatMap((w) => (isWijk(w) ? WIJK_ADJACENCY[w] : [])).filter((w) => !own.has(w)),
    );
    return {
      volunteer,
      daysSinceServed: lastServedMs === null ? null : Math.floor((this.nowMs - lastServedMs) / DAY_MS),
      nearWijken,
      recentDeclines,
      availability: compile(volunteer.availability),
      pausedUntilMs: volunteer.pausedUntil?.getTime() ?? Number.NEGATIVE_INFINITY,
      pausedUntilDate: volunteer.availability.pausedUntil ?? null,
      monthCounts,
      busy: volunteer.assignments.map((a) => [a.start.getTime(), a.end.getTime()] as const),
      recentLoad,
      lastServedMs,
      themeCounts,
      shadowed,
    };
  }
}

const WIJK_SET: ReadonlySet<string> = new Set(WIJK_KEYS);
function isWijk(value: string): value is WijkKey {
  return WIJK_SET.has(value);
}
