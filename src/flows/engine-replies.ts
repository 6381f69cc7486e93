import { isLocale, type MessageKey, t } from '../i18n/index.ts';
import type { ActiveFlow, Decision } from './engine.ts';
import { type AnyFlow, FLOWS } from './registry.ts';
import type { Effect, FlowContext, Reply, RoleName } from './types.ts';

/** Replies the engine gives on its own: refusals, language switch, help. */
export const nothing = (
  ctx: FlowContext,
  active: ActiveFlow | null,
  replies: Reply[],
  effects: Effect[] = [],
): Decision => ({
  active,
  replies,
  effects,
  effectsFromFlow: false,
  locale: ctx.locale,
});

export const hasRole = (ctx: FlowContext, ...roles: RoleName[]) =>
  ctx.person.roles.some((r) => roles.includes(r));

export function notAllowed(active: ActiveFlow | null, ctx: FlowContext, ...roles: RoleName[]): Decision {
  const names = roles.map((r) => t(ctx.locale, `role.${r}`)).join(` ${t(ctx.locale, 'word.or')} `);
  return nothing(ctx, active, [{ text: t(ctx.locale, 'error.not_allowed', { role: names }) }]);
}

export function setLocale(active: ActiveFlow | null, value: string | undefined, ctx: FlowContext): Decision {
  if (!isLocale(value)) return nothing(ctx, active, [{ text: t(ctx.locale, 'language.unknown') }]);
  const next: FlowContext = { ...ctx, locale: value, person: { ...ctx.person, locale: value } };
  const again = active ? (FLOWS[active.flow] as AnyFlow).reprompt(active.state, next) : [];
  return {
    ...nothing(
      next,
      active,
      [{ text: t(value, 'language.set') }, ...again],
      [{ type: 'setLocale', locale: value }],
    ),
  };
}

export function inProgressHint(active: ActiveFlow | null, ctx: FlowContext): Reply[] {
  if (!active) return [];
  const key = `flowname.${active.flow}` as MessageKey;
  return [{ text: t(ctx.locale, 'flow.in_progress_hint', { flow: t(ctx.locale, key) }) }];
}

export function helpText(ctx: FlowContext): string {
  const l = ctx.locale;
  const parts = [t(l, 'help.header')];
  if (!ctx.person.onboarded) parts.push(t(l, 'help.newcomer'));
  if (hasRole(ctx, 'PARTNER', 'COORDINATOR')) parts.push(t(l, 'help.partner'));
  if (hasRole(ctx, 'VOLUNTEER')) parts.push(t(l, 'help.volunteer'));
  if (hasRole(ctx, 'COORDINATOR')) parts.push(t(l, 'help.coordinator'));
  parts.push(t(l, 'help.anyone'));
  return parts.join('\n\n');
}
