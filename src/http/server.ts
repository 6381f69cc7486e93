import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.ts';

export interface ServerDeps {
  log: Logger;
  metrics: Metrics;
  ready(): Promise<{ database: boolean; redis: boolean }>;
}

/** The HTTP server with health, readiness and metrics; channels add their routes to it. */
export function createServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.log.child({ component: 'http' }) as FastifyBaseLogger,
    // Request logs carry method, route and status only: URLs of the local chat hold no personal data,
    // and bodies are never logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    forceCloseConnections: true,
    return503OnClosing: true,
  });

  // One error boundary for every route: a short JSON answer, never a stack trace.
  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500)
      deps.log.error(
        { err: { message: err.message, code: err.code }, route: req.routeOptions.url },
        'request failed',
      );
    const message =
      status === 413
        ? 'The request is too large.'
        : status === 400
          ? 'The request could not be read (malformed JSON?).'
          : status >= 500
            ? 'Something went wrong on our side; please try again.'
            : err.message;
    return reply.code(status).send({ error: err.code ?? 'error', message });
  });
  app.setNotFoundHandler((_req, reply) =>
    reply.code(404).send({ error: 'not_found', message: 'Not found.' }),
  );

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const checks = await deps.ready();
    const ok = checks.database && checks.redis;
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not_ready', checks });
  });
  app.get('/metrics', async (_req, reply) =>
    reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()),
  );
  return app;
}
