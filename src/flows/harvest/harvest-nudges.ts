import { DateTime } from 'luxon';
import { nextHarvestStage, outOfQuiet } from '../../domain/harvest-plan.ts';
import { isQuiet } from '../../domain/reminder-plan.ts';
import { formatDateTime } from '../../domain/time.ts';
import { t } from '../../i18n/index.ts';
import type { FlowRepos } from '../ports.ts';
import type { TimerRequest } from '../staffing/types.ts';

export const HARVEST_TIMER = 'harvest';

export interface HarvestTimerScope {
  repos: FlowRepos;
  zone: string;
  now: Date;
  outboundIds: string[];
  timers: TimerRequest[];
}

export type HarvestStageOutcome = 'sent' | 'not_due' | 'moved' | 'already' | 'done';

/**
 * Carries out the harvest stage that is due for a session (ask the lead, nudge twice, alert the
 * coordinators), exactly once, never at night, and only while the harvest is still open.
 */
export async function runHarvestStage(s: HarvestTimerScope, sessionId: string): Promise<HarvestStageOutcome> {
  const { repos } = s;
  const session = await repos.staffing.session(sessionId);
  if (!session || session.status === 'CANCELLED') return 'done';
  const harvest = await repos.harvest.get(sessionId);
  if (harvest && harvest.status !== 'DRAFT') return 'done';
  const lead = session.assignments.find((a) => a.role === 'LEAD') ?? session.assignments[0];
  if (!lead) return 'done';
  const sent = await repos.harvest.sentStages(sessionId);
  const next = nextHarvestStage(session.endsAt, sent, s.zone);
  if (!next) return 'done';
  if (next.dueAt.getTime() > s.now.getTime() + 1000) {
    s.timers.push({ kind: HARVEST_TIMER, id: sessionId, dueAt: next.dueAt });
    return 'not_due';
  }
  const local = DateTime.fromJSDate(s.now, { zone: s.zone });
  if (isQuiet(local)) {
    // Late after an outage and now at night: the morning is soon enough.
    s.timers.push({ kind: HARVEST_TIMER, id: sessionId, dueAt: outOfQuiet(local).toJSDate() });
    return 'moved';
  }
  if (!(await repos.harvest.claimStage(sessionId, next.stage, lead.personId, s.now))) return 'already';
  const key = `harvest:${sessionId}:${next.stage}`;
  if (next.stage === 'harvest_alert') {
    for (const c of await repos.coordinators()) {
      const text = t(c.locale, 'harvest.alert_coordinator', {
        number: session.requestNumber,
        organisation: session.organisation,
        when: formatDateTime(session.startsAt, s.zone, c.locale),
        lead: lead.name,
      });
      const id = await repos.queueMessage(c.id, `${key}:${c.id}`, { text });
      if (id) s.outboundIds.push(id);
    }
    return 'sent';
  }
  // Someone already started the interview: the opening question would be noise, a nudge is not.
  const startedAlready = harvest !== null && next.stage === 'harvest_ask';
  const who = await repos.staffing.recipient(lead.personId);
  if (who && !startedAlready) {
    const l = who.locale;
    const buttons = await repos.createButtons(
      who.id,
      { flow: 'global', rev: 0, expiresAt: new Date(s.now.getTime() + 30 * 86_400_000) },
      [[{ label: t(l, 'harvest.start_now'), action: 'command', value: 'oogst' }]],
    );
    const text = t(l, next.stage === 'harvest_ask' ? 'harvest.ask' : 'harvest.nudge', {
      organisation: session.organisation,
    });
    const id = await repos.queueMessage(who.id, key, { text, buttons });
    if (id) s.outboundIds.push(id);
  }
  const after = nextHarvestStage(session.endsAt, [...sent, { stage: next.stage, sentAt: s.now }], s.zone);
  if (after) s.timers.push({ kind: HARVEST_TIMER, id: sessionId, dueAt: after.dueAt });
  return 'sent';
}
