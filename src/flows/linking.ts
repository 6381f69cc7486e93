import type { Platform } from '../bots/ports.ts';
import { formatDateTime } from '../domain/time.ts';
import { type Locale, t } from '../i18n/index.ts';
import type { EffectScope } from './effects.ts';
import type { ButtonSpec, EffectResult } from './types.ts';

/** A link code lives this long: enough to switch apps, short enough to be useless when overheard. */
export const LINK_CODE_TTL_MS = 15 * 60_000;
export const PREFER_ACTION = 'act.link.prefer';

/** Data access for linking accounts; implemented in src/db/linking-repo.ts. */
export interface LinkingRepos {
  createCode(personId: string, now: Date, ttlMs: number): Promise<{ code: string; expiresAt: Date }>;
  /** Moves the redeeming person's chat accounts onto the person who asked for the code. */
  redeem(
    personId: string,
    code: string,
    now: Date,
  ): Promise<
    { ok: true; personId: string; locale: Locale } | { ok: false; error: 'invalid' | 'same_person' }
  >;
  /** The person's platforms; `current` is where messages go now. */
  channels(personId: string): Promise<{ platform: Platform; current: boolean; reachable: boolean }[]>;
  /** Makes `platform` the one messages go to; false when the person has no account there. */
  prefer(personId: string, platform: Platform): Promise<boolean>;
}

/**
 * `/koppel`: without a code, shows a code (and, once linked, where messages go); with a code typed in
 * another app, links that app's account to the person who asked for it.
 */
export async function runLink(args: string, s: EffectScope): Promise<EffectResult> {
  const { ctx, repos } = s;
  const l = ctx.locale;
  const code = args.replace(/\D/g, '');
  if (!code) {
    if (!ctx.person.onboarded) {
      s.replies.push({ text: t(l, 'link.need_onboarding') });
      return { ok: false, error: 'not_onboarded' };
    }
    const created = await repos.linking.createCode(ctx.person.id, ctx.now, LINK_CODE_TTL_MS);
    const shown = `${created.code.slice(0, 4)}-${created.code.slice(4)}`;
    s.replies.push({
      text: t(l, 'link.code', { code: shown, until: formatDateTime(created.expiresAt, ctx.zone, l) }),
    });
    const channels = await repos.linking.channels(ctx.person.id);
    if (channels.length > 1) {
      const current = channels.find((c) => c.current)?.platform;
      s.replies.push({
        text: t(l, 'link.channels', {
          current: current ? t(l, `platform.${current}`) : '—',
          platforms: channels.map((c) => t(l, `platform.${c.platform}`)).join(', '),
        }),
        buttons: preferButtons(channels, l),
      });
    }
    return { ok: true };
  }
  const r = await repos.linking.redeem(ctx.person.id, code, ctx.now);
  if (!r.ok) {
    s.replies.push({ text: t(l, r.error === 'same_person' ? 'link.same_person' : 'link.invalid') });
    return { ok: false, error: r.error };
  }
  // This account now belongs to the other person: the confirmation goes to them (reaching them here).
  const channels = await repos.linking.channels(r.personId);
  const text = t(r.locale, 'link.done', {
    platforms: channels.map((c) => t(r.locale, `platform.${c.platform}`)).join(', '),
  });
  const buttons = await repos.createButtons(
    r.personId,
    { flow: 'none', rev: 0, expiresAt: new Date(ctx.now.getTime() + 14 * 86_400_000) },
    preferButtons(channels, r.locale),
  );
  const id = await repos.queueMessage(r.personId, `${s.keyPrefix}:linked`, { text, buttons });
  if (id) s.outboundIds.push(id);
  return { ok: true, data: { personId: r.personId } };
}

/** "Reach me on …" pressed. */
export async function runLinkAction(action: string, value: string, s: EffectScope): Promise<EffectResult> {
  const l = s.ctx.locale;
  const platform = (['SLACK', 'TELEGRAM', 'LOCAL'] as const).find((p) => p === value);
  if (action !== PREFER_ACTION || !platform || !(await s.repos.linking.prefer(s.ctx.person.id, platform))) {
    s.replies.push({ text: t(l, 'link.unknown_platform') });
    return { ok: false, error: 'unknown_platform' };
  }
  s.replies.push({ text: t(l, 'link.preferred', { platform: t(l, `platform.${platform}`) }) });
  return { ok: true };
}

function preferButtons(channels: { platform: Platform; reachable: boolean }[], l: Locale): ButtonSpec[][] {
  return [
    channels
      .filter((c) => c.reachable)
      .map((c) => ({
        label: t(l, 'link.prefer', { platform: t(l, `platform.${c.platform}`) }),
        action: PREFER_ACTION,
        value: c.platform,
      })),
  ];
}
