import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type DashboardAuth, type LoginCheck, SESSION_ABSOLUTE_MS } from '../../db/dashboard-auth.ts';
import { type Locale, t } from '../../i18n/index.ts';
import { html, page } from './html.ts';
import {
  asLocale,
  browserLocale,
  COOKIE,
  messagePage,
  readCookie,
  refusal,
  sameOrigin,
  sendPage,
  sessionCookie,
} from './web.ts';

export interface SignInDeps {
  auth: DashboardAuth;
  now: () => Date;
  defaultLocale: Locale;
  publicUrl?: string;
  secure: boolean;
  clearCookie: string;
}

const REASON_TEXT = {
  used: 'dashboard.refused.used',
  expired: 'dashboard.refused.expired',
  unknown: 'dashboard.refused.unknown',
} as const;

/** The public part of the dashboard: the sign-in link, the sign-in itself, sign-out, "please sign in". */
export async function signInRoutes(scope: FastifyInstance, deps: SignInDeps): Promise<void> {
  const { auth } = deps;
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const visitorLocale = (req: FastifyRequest, known?: string) =>
    asLocale(known, browserLocale(req, deps.defaultLocale));
  const refuse = (req: FastifyRequest, reply: FastifyReply, r: Exclude<LoginCheck, { ok: true }>) =>
    refusal(
      reply,
      r.reason === 'unknown' ? 403 : 410,
      visitorLocale(req, r.locale),
      REASON_TEXT[r.reason],
      `refused-${r.reason}`,
    );
  const crossSite = (reply: FastifyReply, l: Locale) =>
    refusal(reply, 403, l, 'dashboard.refused.origin', 'refused-origin');

  scope.get('/dashboard/signin', async (req, reply) =>
    messagePage(
      reply,
      401,
      visitorLocale(req),
      'dashboard.signin_needed.heading',
      'dashboard.signin_needed.body',
      'signin-needed',
    ),
  );

  // Opening the link only shows a button: link previews (chat apps fetch URLs) must not use it up.
  scope.get('/dashboard/login', async (req, reply) => {
    const token = String((req.query as Record<string, unknown>).token ?? '');
    const state = await auth.check(token, deps.now());
    if (!state.ok) return refuse(req, reply, state);
    const l = visitorLocale(req, state.locale);
    const body = html`<div class="card"><p>${t(l, 'dashboard.login.explain')}</p>
<form method="post" action="/dashboard/login"><input type="hidden" name="token" value="${token}">
<button type="submit" data-testid="sign-in">${t(l, 'dashboard.login.button')}</button></form></div>`;
    return sendPage(reply, 200, page({ locale: l, title: t(l, 'dashboard.login.heading'), body }));
  });

  scope.post('/dashboard/login', async (req, reply) => {
    if (!sameOrigin(req, deps.publicUrl)) return crossSite(reply, visitorLocale(req));
    const token = String((req.body as Record<string, unknown> | undefined)?.token ?? '');
    const r = await auth.redeem(token, deps.now());
    if (!r.ok) return refuse(req, reply, r);
    const person = await auth.session(r.session, deps.now());
    if (!person?.coordinator) {
      await auth.endSession(r.session);
      const l = visitorLocale(req, person?.locale);
      return refusal(reply, 403, l, 'dashboard.refused.not_coordinator', 'not-coordinator');
    }
    await auth.audit(person.id, 'dashboard.signin');
    const cookie = sessionCookie(r.session, {
      secure: deps.secure,
      maxAgeSeconds: SESSION_ABSOLUTE_MS / 1000,
    });
    return reply.header('set-cookie', cookie).header('cache-control', 'no-store').redirect('/dashboard', 303);
  });

  scope.post('/dashboard/logout', async (req, reply) => {
    const raw = readCookie(req, COOKIE);
    const person = raw ? await auth.session(raw, deps.now()) : null;
    const l = visitorLocale(req, person?.locale);
    if (!sameOrigin(req, deps.publicUrl)) return crossSite(reply, l);
    if (raw) await auth.endSession(raw);
    if (person) await auth.audit(person.id, 'dashboard.signout');
    reply.header('set-cookie', deps.clearCookie);
    return messagePage(reply, 200, l, 'dashboard.sign_out', 'dashboard.signed_out', 'signed-out');
  });
}
