import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { type DashboardPerson, dashboardAuth } from '../../db/dashboard-auth.ts';
import { dashboardQueries } from '../../db/dashboard-queries.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { type Locale, t } from '../../i18n/index.ts';
import { exportFile } from './exports.ts';
import type { Html } from './html.ts';
import { page } from './html.ts';
import {
  auditPage,
  calendarPage,
  EXPORTS,
  exportsPage,
  fairnessPage,
  pipelinePage,
  themesPage,
} from './pages.ts';
import { type QueueBoardDeps, queueBoard } from './queues.ts';
import { signInRoutes } from './sign-in.ts';
import {
  asLocale,
  COOKIE,
  messagePage,
  readCookie,
  refusal,
  sameOrigin,
  sendPage,
  sessionCookie,
} from './web.ts';

export interface DashboardDeps {
  prisma: PrismaClient;
  now: () => Date;
  zone: string;
  defaultLocale: Locale;
  publicUrl?: string;
  log: Logger;
  /** BullMQ queues to show under /dashboard/queues (null: no queue board). */
  queues: Omit<QueueBoardDeps, 'log'> | null;
}

const CALENDAR_WEEKS = 4;
const AUDIT_PER_PAGE = 50;

/** Builds the /dashboard link a coordinator gets in chat from its token (see src/flows/dashboard.ts). */
export function dashboardUrls(baseUrl: () => string) {
  return (token: string): string => `${baseUrl().replace(/\/+$/, '')}/dashboard/login?token=${token}`;
}

/** The coordinator dashboard: sign-in by one-time link, read-only pages, exports and the queue board. */
export async function dashboardRoutes(app: FastifyInstance, deps: DashboardDeps): Promise<void> {
  const auth = dashboardAuth(deps.prisma);
  const queries = dashboardQueries(deps.prisma);
  const secure = deps.publicUrl?.startsWith('https:') ?? false;
  const users = new WeakMap<FastifyRequest, DashboardPerson>();
  const clearCookie = sessionCookie('', { secure, maxAgeSeconds: 0 });

  /** Who is signed in, re-checked on every request; replies (and returns null) when nobody may pass. */
  async function guard(req: FastifyRequest, reply: FastifyReply): Promise<DashboardPerson | null> {
    const raw = readCookie(req, COOKIE);
    const person = raw ? await auth.session(raw, deps.now()) : null;
    if (!person) {
      await reply.header('cache-control', 'no-store').redirect('/dashboard/signin', 303);
      return null;
    }
    if (!person.coordinator) {
      // No longer a coordinator: the session ends here and now.
      if (raw) await auth.endSession(raw);
      reply.header('set-cookie', clearCookie);
      const l = asLocale(person.locale, deps.defaultLocale);
      await refusal(reply, 403, l, 'dashboard.refused.not_coordinator', 'not-coordinator');
      return null;
    }
    users.set(req, person);
    return person;
  }

  // Public: the sign-in link, the sign-in itself, sign-out and "please sign in".
  await app.register(async (scope) => signInRoutes(scope, { ...deps, auth, secure, clearCookie }));

  // Signed-in coordinators only: every page and download checks the session and the role afresh.
  await app.register(async (scope) => {
    scope.addHook('preHandler', async (req, reply) => {
      if (!(await guard(req, reply))) return reply;
    });
    const show = (req: FastifyRequest, reply: FastifyReply, current: string, title: string, body: Html) => {
      const user = users.get(req) as DashboardPerson;
      const l = asLocale(user.locale, deps.defaultLocale);
      return sendPage(
        reply,
        200,
        page({ locale: l, title, body, current, user: { name: user.displayName } }),
      );
    };
    const localeOf = (req: FastifyRequest) => asLocale(users.get(req)?.locale, deps.defaultLocale);

    scope.get('/dashboard', async (req, reply) => {
      const l = localeOf(req);
      const body = pipelinePage(await queries.pipeline(), l, deps.zone);
      return show(req, reply, '/dashboard', t(l, 'dashboard.pipeline.heading'), body);
    });
    scope.get('/dashboard/calendar', async (req, reply) => {
      const l = localeOf(req);
      const from = new Date(deps.now().getTime() - 6 * 3_600_000);
      const to = new Date(from.getTime() + CALENDAR_WEEKS * 7 * 86_400_000);
      const body = calendarPage(await queries.calendar(from, to), l, deps.zone, CALENDAR_WEEKS);
      return show(req, reply, '/dashboard/calendar', t(l, 'dashboard.nav.calendar'), body);
    });
    scope.get('/dashboard/fairness', async (req, reply) => {
      const l = localeOf(req);
      const body = fairnessPage(await queries.fairness(deps.now()), l);
      return show(req, reply, '/dashboard/fairness', t(l, 'dashboard.nav.fairness'), body);
    });
    scope.get('/dashboard/themes', async (req, reply) => {
      const l = localeOf(req);
      const to = deps.now();
      const from = new Date(to.getTime() - 365 * 86_400_000);
      const body = themesPage(await queries.themes(from, to), l, { zone: deps.zone, now: to });
      return show(req, reply, '/dashboard/themes', t(l, 'dashboard.nav.themes'), body);
    });
    scope.get('/dashboard/audit', async (req, reply) => {
      const l = localeOf(req);
      const n = Number((req.query as Record<string, unknown>).page ?? 1);
      const at = { page: Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1, perPage: AUDIT_PER_PAGE };
      const body = auditPage(await queries.audit(at.page, at.perPage), at, l, deps.zone);
      return show(req, reply, '/dashboard/audit', t(l, 'dashboard.audit.heading'), body);
    });
    scope.get('/dashboard/exports', async (req, reply) => {
      const l = localeOf(req);
      return show(req, reply, '/dashboard/exports', t(l, 'dashboard.exports.heading'), exportsPage(l));
    });
    scope.get('/dashboard/export/:file', async (req, reply) => {
      const user = users.get(req) as DashboardPerson;
      const m = /^(\w+)\.(csv|json)$/.exec((req.params as { file: string }).file);
      const kind = EXPORTS.find((k) => k === m?.[1]);
      if (!m || !kind) {
        const l = localeOf(req);
        return messagePage(reply, 404, l, 'dashboard.exports.heading', 'dashboard.not_found', 'not-found');
      }
      const format = m[2] as 'csv' | 'json';
      const file = await exportFile(deps.prisma, kind, format, deps.now());
      await auth.audit(user.id, 'dashboard.export', { kind, format, rows: file.rows });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.text);
    });
  });

  if (deps.queues) {
    const queues = deps.queues;
    await app.register(
      async (scope) => {
        scope.addHook('onRequest', async (req, reply) => {
          // The board is read-only; anything else must at least come from our own pages.
          if (req.method !== 'GET' && req.method !== 'HEAD' && !sameOrigin(req, deps.publicUrl))
            return reply.code(403).send({ error: 'forbidden', message: 'Cross-origin request refused.' });
          if (!(await guard(req, reply))) return reply;
        });
        await queueBoard(scope, { ...queues, log: deps.log }, '/dashboard/queues');
      },
      { prefix: '/dashboard/queues' },
    );
  }
}
