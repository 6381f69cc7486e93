import { randomUUID } from 'node:crypto';
import type { UnitOfWork } from '../flows/ports.ts';
import type { AfterCommit } from '../flows/shell.ts';
import { staffSession } from '../flows/staffing/staffing.ts';

/** Sends the next offer wave for these sessions in one transaction; returns what to do after its commit. */
export function staffSessions(
  deps: { uow: UnitOfWork; zone: string; now: () => Date },
  sessionIds: string[],
): Promise<AfterCommit> {
  return deps.uow(async (repos) => {
    const out: AfterCommit = { outboundIds: [], timers: [] };
    const scope = {
      repos: repos.staffing,
      reminders: repos.reminders,
      now: deps.now(),
      zone: deps.zone,
      keyPrefix: `staff-${randomUUID()}`,
      ...out,
    };
    for (const id of sessionIds) await staffSession(scope, id);
    return out;
  });
}
