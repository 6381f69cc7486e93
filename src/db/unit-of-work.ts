import type { FlowRepos, UnitOfWork } from '../flows/ports.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { flowRepos } from './flow-repos.ts';

/** Every conversation step commits atomically: state, effects, buttons and outbox rows together. */
export function unitOfWork(prisma: PrismaClient): UnitOfWork {
  return <T>(fn: (repos: FlowRepos) => Promise<T>) =>
    prisma.$transaction((tx) => fn(flowRepos(tx)), { timeout: 20_000, maxWait: 10_000 });
}
