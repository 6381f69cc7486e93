import { type FlowRepos, RepoUnavailable } from '../flows/ports.ts';
import type {
  DirectDelivery,
  LimitedRepos,
  ReserveSender,
  SendReservation,
  StepUnitOfWork,
} from '../flows/shell.ts';
import { newId } from './ids.ts';
import type { SqlRunner, Statement } from './sql.ts';
import { turnRepos } from './turn-repos.ts';

/*
 * The few effects common enough to matter for throughput, in plain SQL on the pg pool: a partner
 * signing up (without an invite code) and "same contact as last time" when a request starts. Any
 * other repository throws RepoUnavailable, and the shell runs the step again, from the start, on
 * the next path (Prisma's transaction, with every repository); nothing written here survives that,
 * since it is rolled back (or, on the read-only path, nothing is written at all).
 */

const utc = (param: string) => `(CAST(${param} AS timestamptz) AT TIME ZONE 'UTC')`;

const LAST_CONTACT: Statement = {
  name: 'dlg_last_contact',
  text: `
    SELECT "contactName" AS "name", "contactEmail" AS "email", "contactPhone" AS "phone"
    FROM "DialogueRequest"
    WHERE "requestedById" = $1 AND ("contactEmail" IS NOT NULL OR "contactPhone" IS NOT NULL)
    ORDER BY "createdAt" DESC
    LIMIT 1`,
};

/**
 * A partner's sign-up in one statement, as flow-repos.ts `completeOnboarding` does it for a partner
 * without an invite code: name, role and sign-up time on the person; the organisation found or
 * created by name (an upsert that returns the row even when another sign-up just created it) and
 * the membership; the consent record and the audit entry.
 */
const PARTNER_ONBOARDING: Statement = {
  name: 'dlg_partner_onboarding',
  text: `
    WITH p AS (
      UPDATE "Person" SET "displayName" = $2,
        "roles" = CASE WHEN 'PARTNER' = ANY("roles") THEN "roles" ELSE array_append("roles", 'PARTNER') END,
        "onboardedAt" = COALESCE("onboardedAt", ${utc('$3')}), "updatedAt" = ${utc('$3')}
      WHERE "id" = $1
      RETURNING "id"
    ), org AS (
      INSERT INTO "Organisation" ("id", "name", "createdAt")
      SELECT CAST($4 AS text), CAST($5 AS text), ${utc('$3')} WHERE CAST($5 AS text) IS NOT NULL
      ON CONFLICT ("name") DO UPDATE SET "name" = EXCLUDED."name"
      RETURNING "id"
    ), membership AS (
      INSERT INTO "Membership" ("id", "personId", "organisationId", "createdAt")
      SELECT CAST($6 AS text), p."id", org."id", ${utc('$3')} FROM p, org
      ON CONFLICT ("personId", "organisationId") DO NOTHING
    ), consent AS (
      INSERT INTO "ConsentRecord" ("id", "personId", "version", "granted", "platform", "createdAt")
      SELECT CAST($7 AS text), p."id", CAST($8 AS text), true, CAST($9 AS "Platform"), ${utc('$3')} FROM p
    ), audit AS (
      INSERT INTO "AuditLog" ("id", "actorId", "action", "subjectType", "subjectId", "details", "createdAt")
      SELECT CAST($10 AS text), p."id", 'onboarding.completed', 'person', p."id", '{"role":"PARTNER"}'::jsonb,
        ${utc('$3')} FROM p
    )
    SELECT count(*)::int AS "updated" FROM p`,
};

async function lastContact(sql: SqlRunner, personId: string) {
  const [row] = await sql.query<{ name: string; email: string | null; phone: string | null }>(LAST_CONTACT, [
    personId,
  ]);
  return row ?? null;
}

/** Repositories that throw RepoUnavailable for anything not in `have`. */
function only(have: Partial<FlowRepos>): FlowRepos {
  return new Proxy(have, {
    get(target, prop) {
      if (prop in target) return target[prop as keyof FlowRepos];
      // Not a repository: promise checks and inspection must not look like a missing one.
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
      throw new RepoUnavailable(`not on this path: ${String(prop)}`);
    },
  }) as FlowRepos;
}

/** For a step that writes only through its one final statement (src/db/step-repos.ts): reads only. */
export function readOnlyEffectRepos(sql: SqlRunner): LimitedRepos {
  return {
    repos: only({ intakeContact: { lastContact: (personId) => lastContact(sql, personId) } }),
    effects: new Set(['lastContact']),
  };
}

/**
 * Steps whose effects are all in this file, in a pg transaction (BEGIN, the step's statements,
 * COMMIT): a fraction of the cost of the same work through Prisma. Its replies come back as
 * `direct` (sent from this process after commit, like a light step's). Null without a pg pool.
 */
export function sqlEffectUnitOfWork(
  pool: SqlRunner,
  opts: { reserve?: ReserveSender } = {},
): StepUnitOfWork<FlowRepos> | null {
  const transaction = pool.transaction?.bind(pool);
  if (!transaction) return null;
  return async (fn) => {
    let replies: Omit<DirectDelivery, 'waiting'> | null = null;
    let reservation: SendReservation | null = null;
    try {
      const { out, direct } = await transaction(async (sql) => {
        const repos = only({
          ...turnRepos(sql, (d) => {
            replies = d;
          }),
          intakeContact: { lastContact: (personId) => lastContact(sql, personId) },
          completeOnboarding: (input) => partnerOnboarding(sql, input),
        });
        const out = await fn(repos, { repos, effects: SQL_EFFECTS });
        const written = replies as Omit<DirectDelivery, 'waiting'> | null;
        if (!written) return { out, direct: null };
        // Older messages to the person still waiting go first (the direct send then leaves it to the queue).
        const ids = written.messages.map((m) => m.id);
        const waiting = (await sql.query<{ id: string }>(WAITING, [written.personId, ids])).map((r) => r.id);
        // The person's send lock before the commit, so no other sender can take these replies.
        reservation = (await opts.reserve?.(written.personId, written.platform)) ?? null;
        return { out, direct: { ...written, waiting, reservation } };
      });
      return direct ? { ...out, direct } : out;
    } catch (err) {
      await (reservation as SendReservation | null)?.release();
      throw err;
    }
  };
}

const SQL_EFFECTS: ReadonlySet<string> = new Set(['lastContact', 'completeOnboarding']);

const WAITING: Statement = {
  name: 'dlg_waiting_before',
  text: `SELECT "id" FROM "OutboundMessage"
    WHERE "personId" = $1 AND "status" = 'PENDING' AND NOT ("id" = ANY(CAST($2 AS text[])))
    LIMIT 20`,
};

async function partnerOnboarding(
  sql: SqlRunner,
  input: Parameters<FlowRepos['completeOnboarding']>[0],
): ReturnType<FlowRepos['completeOnboarding']> {
  if (input.role !== 'PARTNER' || input.inviteCode) throw new RepoUnavailable('invite codes');
  const [row] = await sql.query<{ updated: number }>(PARTNER_ONBOARDING, [
    input.personId,
    input.displayName,
    input.now.toISOString(),
    newId(),
    input.organisationName || null,
    newId(),
    newId(),
    input.consentVersion,
    input.platform,
    newId(),
  ]);
  if (row?.updated !== 1) throw new Error('person to onboard not found');
  return { ok: true };
}
