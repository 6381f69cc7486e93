import { LOGIN_TOKEN_MINUTES } from '../db/dashboard-auth.ts';
import { t } from '../i18n/index.ts';
import type { EffectScope } from './effects.ts';
import type { EffectResult } from './types.ts';

/** Turns a one-time sign-in token into a link (the app knows where it is reachable). */
export type DashboardUrlFn = (token: string) => string;

/** /dashboard: a coordinator gets a personal, single-use sign-in link; everyone else a polite no. */
export async function runDashboardEffect(s: EffectScope): Promise<EffectResult> {
  const { ctx } = s;
  const l = ctx.locale;
  // The engine checked the role too; checked again here because effects can be reached otherwise.
  if (!ctx.person.roles.includes('COORDINATOR')) {
    s.replies.push({ text: t(l, 'error.not_allowed', { role: t(l, 'role.COORDINATOR') }) });
    return { ok: false, error: 'not_allowed' };
  }
  if (!s.dashboardUrl) {
    s.replies.push({ text: t(l, 'error.internal') });
    return { ok: false, error: 'no_dashboard' };
  }
  // Made on the step's own transaction (the embedded database has only one connection).
  const url = s.dashboardUrl(await s.repos.dashboard.createLoginToken(ctx.person.id, ctx.now));
  await s.repos.audit({ actorId: ctx.person.id, action: 'dashboard.link_sent', subjectType: 'dashboard' });
  s.replies.push({ text: t(l, 'dashboard.link', { url, minutes: LOGIN_TOKEN_MINUTES }) });
  return { ok: true };
}
