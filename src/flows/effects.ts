import type { Platform } from '../bots/ports.ts';
import { extractWithRules } from '../domain/extract/rules-extractor.ts';
import { toDraftPatch } from '../domain/extract/to-draft.ts';
import { formatDateTime } from '../domain/time.ts';
import { t } from '../i18n/index.ts';
import { listMySessions, runAction, runMove, staffingScope } from './actions.ts';
import { type BroadcastFilter, broadcastAction, draftBroadcast } from './broadcast.ts';
import { coordinatorCommand } from './coordinator.ts';
import { codesignEffect } from './coordinator-admin.ts';
import { type DashboardUrlFn, runDashboardEffect } from './dashboard.ts';
import { runHarvestEffect } from './harvest/harvest-effects.ts';
import { runHarvestExtra } from './harvest/harvest-extra.ts';
import { runHarvestLlmEffect } from './harvest/harvest-llm-effects.ts';
import { runLastContact } from './intake/intake-contact.ts';
import { CompleteDraftSchema } from './intake/intake-state.ts';
import { renderSummary } from './intake/intake-summary.ts';
import { runInvite } from './invite.ts';
import { runLink, runLinkAction } from './linking.ts';
import { runOverview } from './overview/overview.ts';
import type { ExtractFn, FlowRepos } from './ports.ts';
import { privacyAction, privacyCommand } from './privacy/privacy.ts';
import { runProfileEffect } from './profile/profile-effects.ts';
import { declineOffer, recordDeclineReason } from './staffing/offer-responses.ts';
import { answerTypedOffer } from './staffing/offer-typed.ts';
import { acceptOffer, staffSession } from './staffing/staffing.ts';
import type { TimerRequest } from './staffing/types.ts';
import type { Effect, EffectResult, FlowContext, Reply } from './types.ts';

export interface EffectScope {
  repos: FlowRepos;
  ctx: FlowContext;
  platform: Platform;
  /** Prefix for idempotency keys of messages to other people, unique per inbound event. */
  keyPrefix: string;
  /** Replies for the person who is talking (effects such as "list my requests" answer directly). */
  replies: Reply[];
  /** Ids of outbound messages to other people, delivered after commit. */
  outboundIds: string[];
  /** Timers to schedule after commit (offer expiry). */
  timers: TimerRequest[];
  /** Understanding a whole request in one message; without it, the rule-based extractor. */
  extract?: ExtractFn;
  /** Whether an LLM is configured (the harvest then reads files and drafts after commit). */
  llmEnabled?: boolean;
  /** Where a dashboard sign-in token is redeemed (/dashboard); absent where no HTTP server runs. */
  dashboardUrl?: DashboardUrlFn;
}

/** Carries out one effect inside the current transaction and reports the outcome as data. */
export async function runEffect(effect: Effect, s: EffectScope): Promise<EffectResult> {
  const { repos, ctx } = s;
  switch (effect.type) {
    case 'checkInvite': {
      const invite = await repos.checkInvite(effect.code, ctx.now);
      return invite ? { ok: true, data: { role: invite.role } } : { ok: false, error: 'invite_invalid' };
    }
    case 'completeOnboarding': {
      const r = await repos.completeOnboarding({
        ...effect,
        personId: ctx.person.id,
        platform: s.platform,
        now: ctx.now,
      });
      return r.ok ? { ok: true } : { ok: false, error: r.error };
    }
    case 'setLocale':
      await repos.setLocale(ctx.person.id, effect.locale);
      return { ok: true };
    case 'submitRequest': {
      const draft = CompleteDraftSchema.parse(effect.draft);
      const { number, requestId } = await repos.submitRequest(ctx.person.id, draft);
      const settings = await repos.staffing.settings();
      for (const c of await repos.coordinators()) {
        if (c.id === ctx.person.id) continue;
        const text = t(c.locale, 'intake.notify_coordinator', {
          number,
          organisation: draft.organisation,
          summary: renderSummary(draft, { locale: c.locale, zone: ctx.zone }),
        });
        // With approval switched on, the coordinator decides right from the notification.
        const buttons = settings.approvalRequired
          ? await repos.createButtons(
              c.id,
              { flow: 'action', rev: 0, expiresAt: new Date(ctx.now.getTime() + 60 * 86_400_000) },
              [
                [
                  { label: t(c.locale, 'coord.approve'), action: 'act.approve', value: requestId },
                  { label: t(c.locale, 'coord.reject'), action: 'act.reject', value: requestId },
                ],
              ],
            )
          : undefined;
        const id = await repos.queueMessage(c.id, `${s.keyPrefix}:notify:${c.id}`, { text, buttons });
        if (id) s.outboundIds.push(id);
      }
      if (settings.autoOffers && !settings.approvalRequired) {
        const staffing = staffingScope(s);
        for (const sessionId of await repos.staffing.sessionIdsOfRequest(requestId))
          await staffSession(staffing, sessionId);
      }
      return { ok: true, data: { number } };
    }
    case 'offer': {
      if (effect.action === 'typed') return answerTypedOffer(effect.value, s);
      const staffing = staffingScope(s);
      const outcome =
        effect.action === 'accept'
          ? await acceptOffer(staffing, effect.value, ctx.person.id)
          : effect.action === 'decline'
            ? await declineOffer(staffing, effect.value, ctx.person.id)
            : await recordDeclineReason(
                staffing,
                effect.value.split('|')[0] ?? '',
                ctx.person.id,
                effect.value.split('|')[1] ?? '',
              );
      if (outcome === 'not_open') s.replies.push({ text: t(ctx.locale, 'offer.no_longer_open') });
      if (outcome === 'foreign') s.replies.push({ text: t(ctx.locale, 'error.foreign_button') });
      return { ok: true, data: { outcome } };
    }
    case 'action':
      if (effect.action.startsWith('act.link.')) return runLinkAction(effect.action, effect.value, s);
      if (effect.action.startsWith('act.privacy.')) return privacyAction(effect.action, effect.value, s);
      if (effect.action.startsWith('act.broadcast.')) return broadcastAction(effect.action, effect.value, s);
      return runAction(effect.action, effect.value, s);
    case 'link':
      return runLink(effect.args, s);
    case 'harvestLoad':
    case 'harvestSave':
    case 'harvestApprove':
      return runHarvestEffect(effect, s);
    case 'harvestExtra':
      return runHarvestExtra(effect, s);
    case 'harvestMedia':
    case 'harvestDraft':
      return runHarvestLlmEffect(effect, s);
    case 'loadProfile':
    case 'saveProfile':
      return runProfileEffect(effect, s);
    case 'lastContact':
      return runLastContact(s);
    case 'listMySessions':
      return listMySessions(s);
    case 'extractRequest': {
      // The rules answer at once; an LLM, when configured, gets a bounded budget and falls back to them.
      const opts = { now: ctx.now, locale: ctx.locale, zone: ctx.zone };
      const r = s.extract
        ? await s.extract(effect.text, opts)
        : { patch: toDraftPatch(extractWithRules(effect.text, opts).request) as Record<string, unknown> };
      return { ok: true, data: { patch: r.patch, fallback: r.fallback ?? null } };
    }
    case 'loadCodesign':
    case 'saveCodesign':
      return codesignEffect(effect, s);
    case 'moveSession':
      return runMove(effect.sessionId, effect.start, s);
    case 'coordinator':
      return coordinatorCommand(effect.command, effect.args, s);
    case 'privacy':
      return privacyCommand(effect.command, s);
    case 'overview':
      return runOverview(s);
    case 'invite':
      return runInvite(effect.args, s);
    case 'broadcastDraft':
      return draftBroadcast(effect.text, effect.filter as BroadcastFilter, s);
    case 'dashboard':
      return runDashboardEffect(s);
    case 'listMyRequests': {
      const { organisation, items } = await repos.listRequests(ctx.person.id);
      const l = ctx.locale;
      if (items.length === 0) {
        const org = organisation ?? '—';
        s.replies.push({
          text: organisation ? t(l, 'myrequests.none', { organisation: org }) : t(l, 'myrequests.no_org'),
        });
        return { ok: true };
      }
      const lines = items.map((r) => {
        const line = t(l, 'myrequests.line', {
          number: r.number,
          theme: t(l, `theme.${r.theme}` as Parameters<typeof t>[1]),
          when: r.firstStart ? formatDateTime(r.firstStart, ctx.zone, l) : '—',
          status: t(l, `status.${r.status}` as Parameters<typeof t>[1]),
        });
        return r.organisation ? t(l, 'myrequests.line_for', { line, organisation: r.organisation }) : line;
      });
      // Upcoming sessions can be moved or cancelled right from the list.
      const buttons = items
        .flatMap((r) => r.upcoming.map((x) => ({ number: r.number, ...x })))
        .slice(0, 6)
        .map((x) => {
          const at = `#${x.number} ${formatDateTime(x.startsAt, ctx.zone, l)}`;
          return [
            { label: t(l, 'myrequests.move', { when: at }), action: 'act.session.move', value: x.id },
            { label: t(l, 'myrequests.cancel', { when: at }), action: 'act.session.cancel.ask', value: x.id },
          ];
        });
      s.replies.push({
        text: [
          t(l, 'myrequests.header', { organisation: organisation ?? ctx.person.displayName }),
          ...lines,
        ].join('\n'),
        buttons,
      });
      return { ok: true };
    }
  }
}
