/** One line of the coordinator overview: a session (or request) with what a coordinator needs to act on it. */
export interface OverviewSession {
  number: number;
  organisation: string;
  startsAt: Date;
  endsAt: Date;
  /** Active facilitators (not trainees) and how many the session needs. */
  facilitators: number;
  needed: number;
  openOffers: number;
}

/** What is open right now, for /overzicht (coordinators only). */
export interface Overview {
  openRequests: { number: number; organisation: string; status: string; firstStart: Date | null }[];
  unstaffed: OverviewSession[];
  pendingOffers: { total: number; sessions: number };
  thisWeek: OverviewSession[];
  lateHarvests: { number: number; organisation: string; endsAt: Date }[];
}

/** Read-only queries behind /overzicht, on the caller's transaction; implemented in src/db. */
export interface OverviewRepos {
  overview(now: Date, opts: { weekEnd: Date; harvestLateAfter: Date }): Promise<Overview>;
}
