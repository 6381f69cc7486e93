import { matchWijk, type WijkKey, wijkName } from '../domain/wijken.ts';
import { type Locale, t } from '../i18n/index.ts';
import { isCoordinator, refuse } from './coordinator-admin.ts';
import type { EffectScope } from './effects.ts';
import type { EffectResult, RoleName } from './types.ts';

// Broadcasts (/rondsturen): a coordinator writes one message, sees a preview with the number of
// volunteers it goes to, and confirms; every volunteer gets it once through the outbox (one
// idempotency key per recipient), with a button to opt out of further broadcasts.

export type Level = 'TRAINEE' | 'CERTIFIED' | 'SENIOR';
export interface BroadcastFilter {
  wijk?: WijkKey;
  level?: Level;
}

/** Data access for invites and broadcasts (src/db/broadcast-repo.ts). */
export interface OutreachRepos {
  createInvite(input: {
    role: RoleName;
    createdById: string;
    expiresAt: Date;
  }): Promise<{ id: string; code: string }>;
  draftBroadcast(input: { createdById: string; text: string; filter: BroadcastFilter }): Promise<string>;
  /** Volunteers a broadcast goes to now, and how many are skipped and why. */
  recipients(
    filter: BroadcastFilter,
    now: Date,
  ): Promise<{
    send: { personId: string; locale: Locale }[];
    optedOut: number;
    paused: number;
    unreachable: number;
  }>;
  /** Marks a draft of this coordinator as sent; null when it was sent or cancelled before. */
  claimBroadcast(id: string, createdById: string): Promise<{ text: string; filter: BroadcastFilter } | null>;
  finishBroadcast(id: string, counts: { sent: number; skipped: number }, now: Date): Promise<void>;
  cancelBroadcast(id: string, createdById: string): Promise<boolean>;
  broadcastStatus(id: string): Promise<'DRAFT' | 'SENT' | 'CANCELLED' | null>;
  setBroadcastOptOut(personId: string, optOut: boolean): Promise<boolean>;
}

export const BROADCAST_MAX_LENGTH = 3500;

const LEVELS: Record<string, Level> = {
  trainee: 'TRAINEE',
  trainees: 'TRAINEE',
  leerling: 'TRAINEE',
  'leerling-begeleider': 'TRAINEE',
  gecertificeerd: 'CERTIFIED',
  certified: 'CERTIFIED',
  senior: 'SENIOR',
  senioren: 'SENIOR',
};

/** "/rondsturen [wijk] [niveau]": the filter, or the words that are neither. */
export function parseBroadcastFilter(
  args: string,
): { ok: true; filter: BroadcastFilter } | { ok: false; unknown: string } {
  // "in opleiding" is how the level is named everywhere (level.TRAINEE); one word from here on.
  const words = args
    .trim()
    .replace(/(^|\s)in\s+opleiding(?=\s|$)/i, '$1trainee')
    .split(/\s+/)
    .filter(Boolean);
  const filter: BroadcastFilter = {};
  const rest: string[] = [];
  for (const w of words) {
    const level = LEVELS[w.toLowerCase()];
    if (level) filter.level = level;
    else rest.push(w);
  }
  if (rest.length > 0) {
    const wijk = matchWijk(rest.join(' '));
    if (!wijk) return { ok: false, unknown: rest.join(' ').slice(0, 60) };
    filter.wijk = wijk;
  }
  return { ok: true, filter };
}

export function describeFilter(filter: BroadcastFilter, l: Locale): string {
  const parts = [
    filter.level ? t(l, `level.${filter.level}`) : null,
    filter.wijk ? t(l, 'broadcast.in_wijk', { wijk: wijkName(filter.wijk) }) : null,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** The coordinator typed the message: store a draft and show the preview with the count. */
export async function draftBroadcast(
  text: string,
  filter: BroadcastFilter,
  s: EffectScope,
): Promise<EffectResult> {
  if (!isCoordinator(s)) return refuse(s);
  const l = s.ctx.locale;
  const repos = s.repos.outreach;
  const who = await repos.recipients(filter, s.ctx.now);
  if (who.send.length === 0) {
    s.replies.push({ text: t(l, 'broadcast.nobody', { filter: describeFilter(filter, l) }) });
    return { ok: false, error: 'nobody' };
  }
  const id = await repos.draftBroadcast({ createdById: s.ctx.person.id, text, filter });
  const skipped = who.optedOut + who.paused + who.unreachable;
  s.replies.push({
    text: [
      t(l, 'broadcast.preview', { count: who.send.length, filter: describeFilter(filter, l) }),
      `— — —\n${text}\n— — —`,
      skipped ? t(l, 'broadcast.preview_skipped', { ...skipCounts(who) }) : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    buttons: [
      [
        {
          label: t(l, 'broadcast.send_button', { count: who.send.length }),
          action: 'act.broadcast.send',
          value: id,
        },
        { label: t(l, 'broadcast.cancel_button'), action: 'act.broadcast.cancel', value: id },
      ],
    ],
  });
  return { ok: true, data: { broadcastId: id } };
}

const skipCounts = (who: { optedOut: number; paused: number; unreachable: number }) => ({
  skipped: who.optedOut + who.paused + who.unreachable,
  optedOut: who.optedOut,
  paused: who.paused,
  unreachable: who.unreachable,
});

/** Buttons under a broadcast preview and under each broadcast message. */
export async function broadcastAction(action: string, value: string, s: EffectScope): Promise<EffectResult> {
  const l = s.ctx.locale;
  const repos = s.repos.outreach;
  switch (action) {
    case 'act.broadcast.send':
      return sendBroadcast(value, s);
    case 'act.broadcast.cancel': {
      if (!isCoordinator(s)) return refuse(s);
      const cancelled = await repos.cancelBroadcast(value, s.ctx.person.id);
      s.replies.push({ text: t(l, cancelled ? 'broadcast.cancelled' : 'broadcast.already_done') });
      return cancelled ? { ok: true } : { ok: false, error: 'already_done' };
    }
    case 'act.broadcast.optout':
    case 'act.broadcast.optin': {
      const optOut = action === 'act.broadcast.optout';
      const changed = await repos.setBroadcastOptOut(s.ctx.person.id, optOut);
      if (!changed) {
        s.replies.push({ text: t(l, 'broadcast.optout_not_volunteer') });
        return { ok: false, error: 'not_volunteer' };
      }
      await s.repos.audit({
        actorId: s.ctx.person.id,
        action: optOut ? 'broadcast.opt_out' : 'broadcast.opt_in',
        subjectType: 'person',
        subjectId: s.ctx.person.id,
      });
      s.replies.push(
        optOut
          ? {
              text: t(l, 'broadcast.opted_out'),
              buttons: [
                [{ label: t(l, 'broadcast.optin_button'), action: 'act.broadcast.optin', value: '' }],
              ],
            }
          : { text: t(l, 'broadcast.opted_in') },
      );
      return { ok: true };
    }
    default:
      s.replies.push({ text: t(l, 'error.stale_button') });
      return { ok: false, error: 'unknown_action' };
  }
}

async function sendBroadcast(id: string, s: EffectScope): Promise<EffectResult> {
  if (!isCoordinator(s)) return refuse(s);
  const l = s.ctx.locale;
  const repos = s.repos.outreach;
  const claimed = await repos.claimBroadcast(id, s.ctx.person.id);
  if (!claimed) {
    s.replies.push({ text: t(l, 'broadcast.already_done') });
    return { ok: false, error: 'already_done' };
  }
  // Recipients as of now (someone may have opted out or paused since the preview).
  const who = await repos.recipients(claimed.filter, s.ctx.now);
  const buttonScope = { flow: 'action', rev: 0, expiresAt: new Date(s.ctx.now.getTime() + 30 * 86_400_000) };
  let sent = 0;
  let unreachable = who.unreachable;
  for (const r of who.send) {
    const buttons = await s.repos.createButtons(r.personId, buttonScope, [
      [{ label: t(r.locale, 'broadcast.optout_button'), action: 'act.broadcast.optout', value: '' }],
    ]);
    const text = `${t(r.locale, 'broadcast.header', { name: s.ctx.person.displayName })}\n\n${claimed.text}`;
    // One key per broadcast and recipient: a retried step writes nothing twice, so nobody gets it twice.
    const outId = await s.repos.queueMessage(r.personId, `broadcast:${id}:${r.personId}`, { text, buttons });
    if (outId) {
      s.outboundIds.push(outId);
      sent++;
    } else unreachable++;
  }
  const counts = skipCounts({ ...who, unreachable });
  await repos.finishBroadcast(id, { sent, skipped: counts.skipped }, s.ctx.now);
  await s.repos.audit({
    actorId: s.ctx.person.id,
    action: 'broadcast.sent',
    subjectType: 'broadcast',
    subjectId: id,
    details: { filter: claimed.filter, sent, ...counts },
  });
  s.replies.push({ text: t(l, 'broadcast.sent', { sent, ...counts }) });
  return { ok: true, data: { sent, skipped: counts.skipped } };
}
