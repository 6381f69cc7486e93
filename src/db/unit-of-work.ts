import type { FlowRepos, UnitOfWork } from '../flows/ports.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { outreachRepos } from './broadcast-repo.ts';
import { createLoginToken } from './dashboard-auth.ts';
import { flowRepos } from './flow-repos.ts';
import { harvestExtraRepos } from './harvest-extra-repo.ts';
import { harvestRepos } from './harvest-repo.ts';
import { intakeContactRepos } from './intake-contact-repo.ts';
import { linkingRepos } from './linking-repo.ts';
import { overviewRepos } from './overview-repo.ts';
import { privacyRepos } from './privacy-repo.ts';
import { profileRepos } from './profile-repo.ts';
import { reminderRepos } from './reminder-repos.ts';
import { staffingRepos } from './staffing-repos.ts';

export { stepUnitOfWork } from './step-repos.ts';

/** Every conversation step commits atomically: state, effects, buttons and outbox rows together. */
export function unitOfWork(prisma: PrismaClient): UnitOfWork {
  return <T>(fn: (repos: FlowRepos) => Promise<T>) =>
    prisma.$transaction(
      (tx) =>
        fn({
          ...flowRepos(tx),
          staffing: staffingRepos(tx),
          linking: linkingRepos(tx),
          reminders: reminderRepos(tx),
          profile: profileRepos(tx),
          harvest: harvestRepos(tx),
          harvestExtra: harvestExtraRepos(tx),
          privacy: privacyRepos(tx),
          overview: overviewRepos(tx),
          outreach: outreachRepos(tx),
          intakeContact: intakeContactRepos(tx),
          dashboard: { createLoginToken: (personId, now) => createLoginToken(tx, personId, now) },
        }),
      {
        timeout: 20_000,
        maxWait: 10_000,
      },
    );
}
