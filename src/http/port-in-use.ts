import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** The HTTP port is taken, most likely by another Dialoogbot; the message says what to do. */
export class PortInUseError extends Error {
  readonly code = 'PORT_IN_USE';

  constructor(
    readonly host: string,
    readonly port: number,
    options?: { cause?: unknown },
  ) {
    super(
      `Port ${port} on ${host} is in use — is Dialoogbot already running? Set PORT=${port + 1} to run a second one.`,
      options,
    );
    this.name = 'PortInUseError';
  }
}

/**
 * Whether something already listens on host:port. Asked before the database is opened, so a
 * second instance stops at once instead of migrating and seeding first. Only EADDRINUSE counts:
 * any other trouble is left for the real listen to report. (Someone can still take the port in
 * between; the listen itself throws PortInUseError then.)
 */
export async function portInUse(host: string, port: number): Promise<boolean> {
  if (port === 0) return false;
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EADDRINUSE'));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(false)));
  });
}

/** Listens on host:port; a port taken meanwhile throws PortInUseError, with the same hint. */
export async function listenOrExplain(server: FastifyInstance, host: string, port: number): Promise<string> {
  return server.listen({ port, host }).catch((err: unknown) => {
    const taken = (err as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
    throw taken ? new PortInUseError(host, port, { cause: err }) : err;
  });
}
