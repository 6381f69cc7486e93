import type { Platform } from '../bots/ports.ts';
import { formatDateTime } from '../domain/time.ts';
import { t } from '../i18n/index.ts';
import { CompleteDraftSchema } from './intake/intake-state.ts';
import { renderSummary } from './intake/intake-summary.ts';
import type { FlowRepos } from './ports.ts';
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
      const { number } = await repos.submitRequest(ctx.person.id, draft);
      for (const c of await repos.coordinators()) {
        if (c.id === ctx.person.id) continue;
        const text = t(c.locale, 'intake.notify_coordinator', {
          number,
          organisation: draft.organisation,
          summary: renderSummary(draft, { locale: c.locale, zone: ctx.zone }),
        });
        const id = await repos.queueMessage(c.id, `${s.keyPrefix}:notify:${c.id}`, { text });
        if (id) s.outboundIds.push(id);
      }
      return { ok: true, data: { number } };
    }
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
      const lines = items.map((r) =>
        t(l, 'myrequests.line', {
          number: r.number,
          theme: t(l, `theme.${r.theme}` as Parameters<typeof t>[1]),
          when: r.firstStart ? formatDateTime(r.firstStart, ctx.zone, l) : '—',
          status: t(l, `status.${r.status}` as Parameters<typeof t>[1]),
        }),
      );
      s.replies.push({
        text: [
          t(l, 'myrequests.header', { organisation: organisation ?? ctx.person.displayName }),
          ...lines,
        ].join('\n'),
      });
      return { ok: true };
    }
  }
}
