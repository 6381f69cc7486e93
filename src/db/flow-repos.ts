import { randomBytes } from 'node:crypto';
import type { OutboundMessage, Platform } from '../bots/ports.ts';
import type { CompleteDraft } from '../flows/intake/intake-state.ts';
import { type ButtonRecord, ConflictError, type FlowRepos, type ReplyIdentity } from '../flows/ports.ts';
import type { ButtonSpec, RoleName } from '../flows/types.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { isLocale } from '../i18n/index.ts';
import { newId } from './ids.ts';

type Tx = Prisma.TransactionClient;

/** Button ids: 12 URL-safe characters, unguessable, far below Telegram's 64-byte callback limit. */
export const newButtonId = () => randomBytes(9).toString('base64url');

/** One row of `beginTurn`'s query: the person, their conversation, the pressed button, the reply identity. */
interface TurnRow {
  claimed: number;
  id: string;
  displayName: string;
  locale: string;
  roles: RoleName[];
  onboardedAt: Date | null;
  organisations: { id: string; name: string }[];
  cFlow: string | null;
  cVersion: number | null;
  cState: unknown;
  cRev: number | null;
  cExpiresAt: Date | null;
  bId: string | null;
  bPersonId: string;
  bFlow: string;
  bRev: number;
  bAction: string;
  bValue: string | null;
  bLabel: string;
  bExpiresAt: Date;
  iId: string | null;
  iPlatform: Platform;
}

/** Button tokens for rows of buttons: the ids to send and the rows to store. */
function buttonTokens(
  personId: string,
  scope: { flow: string; rev: number; expiresAt: Date },
  rows: ButtonSpec[][],
) {
  const out = rows.map((row) => row.map((b) => ({ ...b, id: newButtonId() })));
  const data = out.flat().map((b) => ({
    id: b.id,
    personId,
    // Language, command and action buttons work whatever the person is doing; flow buttons only at their step.
    flow:
      b.action === 'setLocale' || b.action === 'command'
        ? 'global'
        : b.action.startsWith('act.')
          ? 'action'
          : scope.flow,
    rev: scope.rev,
    action: b.action,
    value: b.value ?? null,
    label: b.label,
    expiresAt: scope.expiresAt,
  }));
  return { buttons: out.map((row) => row.map((b) => ({ id: b.id, label: b.label }))), data };
}

/** The shell's data access on one transaction. */
export function flowRepos(
  tx: Tx,
): Omit<FlowRepos, 'staffing' | 'linking' | 'reminders' | 'profile' | 'privacy' | 'overview' | 'harvest'> {
  // Messages written in one transaction get strictly increasing times, so transcripts keep their order.
  let lastAt = 0;
  const nextAt = () => {
    lastAt = Math.max(Date.now(), lastAt + 1);
    return new Date(lastAt);
  };

  /** The identity a person's messages go to: the preferred reachable one, else the newest reachable one. */
  async function replyIdentity(personId: string): Promise<ReplyIdentity | null> {
    return tx.channelIdentity.findFirst({
      where: { personId, unreachableAt: null },
      orderBy: [{ preferred: 'desc' }, { createdAt: 'desc' }],
      select: { id: true, platform: true },
    });
  }

  /** Stores button tokens in one statement (raw SQL, like `insertMessages`: Prisma's createMany costs several times the CPU). */
  async function insertButtons(data: ReturnType<typeof buttonTokens>['data']): Promise<void> {
    if (data.length === 0) return;
    const at = new Date();
    const values = data.map(
      (b) =>
        Prisma.sql`(${b.id}, ${b.personId}, ${b.flow}, ${b.rev}, ${b.action}, ${b.value}, ${b.label}, ${at}, ${b.expiresAt})`,
    );
    await tx.$executeRaw`
      INSERT INTO "ButtonToken" ("id", "personId", "flow", "rev", "action", "value", "label", "createdAt", "expiresAt")
      VALUES ${Prisma.join(values)}`;
  }

  /**
   * Writes messages to one person in one statement, in order; a key used before writes nothing
   * (ON CONFLICT DO NOTHING). Returns the ids written, in order (none without a reachable identity:
   * those are recorded as failed). Raw SQL because this runs for every step and Prisma's
   * createManyAndReturn costs several times the CPU; the columns are OutboundMessage's.
   */
  async function insertMessages(
    personId: string,
    identity: ReplyIdentity | null,
    items: { idempotencyKey: string; message: OutboundMessage }[],
  ): Promise<string[]> {
    if (items.length === 0) return [];
    const platform = identity?.platform ?? 'LOCAL';
    const status = identity ? 'PENDING' : 'FAILED';
    const error = identity ? null : 'no reachable channel identity';
    const values = items.map(
      (item) =>
        Prisma.sql`(${newId()}, ${item.idempotencyKey}, ${personId}, ${identity?.id ?? null},
          CAST(${platform} AS "Platform"), CAST(${JSON.stringify(item.message)} AS jsonb),
          CAST(${status} AS "OutboundStatus"), ${error}, ${nextAt()})`,
    );
    const rows = await tx.$queryRaw<{ id: string; idempotencyKey: string }[]>`
      INSERT INTO "OutboundMessage"
        ("id", "idempotencyKey", "personId", "identityId", "platform", "payload", "status", "error", "createdAt")
      VALUES ${Prisma.join(values)}
      ON CONFLICT DO NOTHING
      RETURNING "id", "idempotencyKey"`;
    if (!identity) return [];
    const byKey = new Map(rows.map((r) => [r.idempotencyKey, r.id]));
    return items.flatMap((item) => byKey.get(item.idempotencyKey) ?? []);
  }

  return {
    async beginTurn({ inboundId, personId, buttonId, now }) {
      // One statement: claim the event (the row stays locked until commit, so a concurrent claim
      // waits and then finds it processed), and read everything the step starts from.
      const rows = await tx.$queryRaw<TurnRow[]>`
        WITH claimed AS (
          UPDATE "InboundEvent" SET "status" = 'PROCESSED', "processedAt" = ${now}, "error" = NULL
          WHERE "id" = ${inboundId} AND "status" = 'RECEIVED'
          RETURNING "id"
        )
        SELECT (SELECT count(*) FROM claimed)::int AS "claimed",
          p."id", p."displayName", p."locale", COALESCE(p."roles"::text[], '{}') AS "roles", p."onboardedAt",
          COALESCE((
            SELECT json_agg(json_build_object('id', o."id", 'name', o."name") ORDER BY m."createdAt", m."id")
            FROM "Membership" m JOIN "Organisation" o ON o."id" = m."organisationId"
            WHERE m."personId" = p."id"
          ), '[]'::json) AS "organisations",
          c."flow" AS "cFlow", c."version" AS "cVersion", c."state" AS "cState", c."rev" AS "cRev",
          c."expiresAt" AS "cExpiresAt",
          b."id" AS "bId", b."personId" AS "bPersonId", b."flow" AS "bFlow", b."rev" AS "bRev",
          b."action" AS "bAction", b."value" AS "bValue", b."label" AS "bLabel", b."expiresAt" AS "bExpiresAt",
          i."id" AS "iId", i."platform"::text AS "iPlatform"
        FROM "Person" p
        LEFT JOIN "Conversation" c ON c."personId" = p."id"
        LEFT JOIN "ButtonToken" b ON b."id" = ${buttonId ?? null}
        LEFT JOIN LATERAL (
          SELECT x."id", x."platform" FROM "ChannelIdentity" x
          WHERE x."personId" = p."id" AND x."unreachableAt" IS NULL
          ORDER BY x."preferred" DESC, x."createdAt" DESC
          LIMIT 1
        ) i ON true
        WHERE p."id" = ${personId}`;
      const r = rows[0];
      if (!r) throw new Error('person of the inbound event not found');
      if (r.claimed !== 1) return null;
      const button: ButtonRecord | null = r.bId
        ? {
            id: r.bId,
            personId: r.bPersonId,
            flow: r.bFlow,
            rev: r.bRev,
            action: r.bAction,
            value: r.bValue,
            label: r.bLabel,
            expiresAt: r.bExpiresAt,
          }
        : null;
      return {
        person: {
          id: r.id,
          displayName: r.displayName,
          locale: isLocale(r.locale) ? r.locale : 'nl',
          roles: r.roles,
          onboarded: r.onboardedAt !== null,
          organisations: r.organisations.map((o) => ({ id: o.id, name: o.name })),
        },
        conversation:
          r.cFlow !== null
            ? {
                flow: r.cFlow,
                version: r.cVersion ?? 0,
                state: r.cState,
                rev: r.cRev ?? 0,
                expiresAt: r.cExpiresAt ?? new Date(0),
              }
            : null,
        button,
        replyIdentity: r.iId ? { id: r.iId, platform: r.iPlatform } : null,
      };
    },

    async personView(personId) {
      const p = await tx.person.findUniqueOrThrow({
        where: { id: personId },
        include: { memberships: { include: { organisation: true } } },
      });
      return {
        id: p.id,
        displayName: p.displayName,
        locale: isLocale(p.locale) ? p.locale : 'nl',
        roles: p.roles,
        onboarded: p.onboardedAt !== null,
        organisations: p.memberships.map((m) => ({ id: m.organisation.id, name: m.organisation.name })),
      };
    },

    async loadConversation(personId) {
      const c = await tx.conversation.findUnique({ where: { personId } });
      if (!c) return null;
      return { flow: c.flow, version: c.version, state: c.state, rev: c.rev, expiresAt: c.expiresAt };
    },

    async saveConversation(personId, next, expectedRev) {
      if (expectedRev === null) {
        if (!next) return 0;
        // Unique per person: a row created concurrently makes this insert nothing.
        const at = new Date();
        const count = await tx.$executeRaw`
          INSERT INTO "Conversation"
            ("id", "personId", "flow", "version", "state", "rev", "expiresAt", "createdAt", "updatedAt")
          VALUES (${newId()}, ${personId}, ${next.flow}, ${next.version}, CAST(${JSON.stringify(next.state)} AS jsonb),
            1, ${next.expiresAt}, ${at}, ${at})
          ON CONFLICT DO NOTHING`;
        if (count !== 1) throw new ConflictError('conversation was created concurrently');
        return 1;
      }
      if (!next) {
        const { count } = await tx.conversation.deleteMany({ where: { personId, rev: expectedRev } });
        if (count !== 1) throw new ConflictError('conversation changed concurrently');
        return expectedRev + 1;
      }
      const count = await tx.$executeRaw`
        UPDATE "Conversation"
        SET "flow" = ${next.flow}, "version" = ${next.version}, "state" = CAST(${JSON.stringify(next.state)} AS jsonb),
          "rev" = ${expectedRev + 1}, "expiresAt" = ${next.expiresAt}, "updatedAt" = ${new Date()}
        WHERE "personId" = ${personId} AND "rev" = ${expectedRev}`;
      if (count !== 1) throw new ConflictError('conversation changed concurrently');
      return expectedRev + 1;
    },

    async findButton(id) {
      return tx.buttonToken.findUnique({ where: { id } });
    },

    async createButtons(personId, scope, rows) {
      const { buttons, data } = buttonTokens(personId, scope, rows);
      await insertButtons(data);
      return buttons;
    },

    async queueMessage(personId, idempotencyKey, message) {
      const [id] = await insertMessages(personId, await replyIdentity(personId), [
        { idempotencyKey, message },
      ]);
      return id ?? null;
    },

    async queueReplies(personId, replies, opts) {
      if (replies.length === 0) return { ids: [], platform: null };
      const tokens = replies.map((r) =>
        r.buttons?.length ? buttonTokens(personId, opts.buttons, r.buttons) : null,
      );
      await insertButtons(tokens.flatMap((t) => t?.data ?? []));
      const identity = opts.identity === undefined ? await replyIdentity(personId) : opts.identity;
      const ids = await insertMessages(
        personId,
        identity,
        replies.map((r, i) => ({
          idempotencyKey: r.idempotencyKey,
          message: { text: r.text, buttons: tokens[i]?.buttons },
        })),
      );
      return { ids, platform: identity?.platform ?? null };
    },

    async markInbound(inboundId, status, error) {
      await tx.inboundEvent.updateMany({
        where: { id: inboundId },
        data: { status, processedAt: new Date(), error: error?.slice(0, 500) ?? null },
      });
    },

    async checkInvite(code, now) {
      const invite = await tx.inviteCode.findUnique({ where: { code: normaliseCode(code) } });
      if (!invite || invite.uses >= invite.maxUses || (invite.expiresAt && invite.expiresAt < now))
        return null;
      return { role: invite.role };
    },

    async completeOnboarding(input) {
      let role: RoleName = input.role;
      if (input.role !== 'PARTNER') {
        const code = normaliseCode(input.inviteCode ?? '');
        // Claim one use atomically, so two people racing for the last use cannot both win.
        const claimed = await tx.inviteCode.updateMany({
          where: {
            code,
            uses: { lt: tx.inviteCode.fields.maxUses },
            OR: [{ expiresAt: null }, { expiresAt: { gt: input.now } }],
          },
          data: { uses: { increment: 1 } },
        });
        if (claimed.count !== 1) return { ok: false, error: 'invite_invalid' };
        role = (await tx.inviteCode.findUniqueOrThrow({ where: { code } })).role;
      }
      const person = await tx.person.findUniqueOrThrow({ where: { id: input.personId } });
      await tx.person.update({
        where: { id: input.personId },
        data: {
          displayName: input.displayName,
          roles: Array.from(new Set([...person.roles, role])),
          onboardedAt: person.onboardedAt ?? input.now,
        },
      });
      if (role === 'PARTNER' && input.organisationName) {
        const org = await ensureOrganisation(tx, input.organisationName);
        await tx.membership.upsert({
          where: { personId_organisationId: { personId: input.personId, organisationId: org.id } },
          update: {},
          create: { personId: input.personId, organisationId: org.id },
        });
      }
      if (role === 'VOLUNTEER') {
        await tx.volunteerProfile.upsert({
          where: { personId: input.personId },
          update: {},
          create: { personId: input.personId },
        });
      }
      await tx.consentRecord.create({
        data: {
          personId: input.personId,
          version: input.consentVersion,
          granted: true,
          platform: input.platform,
        },
      });
      await audit(tx, {
        actorId: input.personId,
        action: 'onboarding.completed',
        subjectType: 'person',
        subjectId: input.personId,
        details: { role },
      });
      return { ok: true };
    },

    async setLocale(personId, locale) {
      await tx.person.update({ where: { id: personId }, data: { locale } });
    },

    async submitRequest(personId, draft) {
      return createRequest(tx, personId, draft);
    },

    async coordinators() {
      const rows = await tx.person.findMany({
        where: { roles: { has: 'COORDINATOR' }, erasedAt: null, onboardedAt: { not: null } },
        select: { id: true, locale: true },
      });
      return rows.map((r) => ({ id: r.id, locale: isLocale(r.locale) ? r.locale : 'nl' }));
    },

    async listRequests(personId) {
      const memberships = await tx.membership.findMany({
        where: { personId },
        include: { organisation: true },
      });
      const orgIds = memberships.map((m) => m.organisationId);
      const requests = await tx.dialogueRequest.findMany({
        where: orgIds.length ? { organisationId: { in: orgIds } } : { requestedById: personId },
        include: { sessions: { orderBy: { startsAt: 'asc' } } },
        orderBy: { number: 'desc' },
        take: 20,
      });
      return {
        organisation: memberships.map((m) => m.organisation.name).join(', ') || null,
        items: requests.map((r) => ({
          number: r.number,
          theme: r.theme,
          status: r.status,
          firstStart: r.sessions[0]?.startsAt ?? null,
          upcoming: r.sessions
            .filter((x) => x.status !== 'CANCELLED' && x.startsAt > new Date())
            .map((x) => ({ id: x.id, startsAt: x.startsAt })),
        })),
      };
    },

    audit: (entry) => audit(tx, entry),
  };
}

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, '');
}

async function audit(tx: Tx, entry: Parameters<FlowRepos['audit']>[0]): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      details: (entry.details ?? {}) as Prisma.InputJsonValue,
    },
  });
}

async function createRequest(tx: Tx, personId: string, d: CompleteDraft) {
  const org = await ensureOrganisation(tx, d.organisation);
  const starts = d.dates.map((iso) => new Date(iso)).sort((a, b) => a.getTime() - b.getTime());
  const end = (s: Date) => new Date(s.getTime() + d.durationMinutes * 60_000);
  const sessionStarts = d.scheduleMode === 'SERIES' ? starts : starts.slice(0, 1);
  const request = await tx.dialogueRequest.create({
    data: {
      organisationId: org.id,
      requestedById: personId,
      theme: d.theme,
      goal: d.goal,
      targetGroup: d.targetGroup,
      expectedParticipants: d.participants,
      languages: d.languages,
      online: d.online,
      wijk: d.online ? null : (d.wijk ?? null),
      address: d.online ? null : (d.address ?? null),
      durationMinutes: d.durationMinutes,
      scheduleMode: d.scheduleMode,
      coDesign: d.coDesign,
      accessibility: d.accessibility ?? null,
      contactName: d.contactName,
      contactEmail: d.contactEmail ?? null,
      contactPhone: d.contactPhone ?? null,
      dateOptions: { create: starts.map((s, i) => ({ position: i, startsAt: s, endsAt: end(s) })) },
      sessions: {
        create: sessionStarts.map((s) => ({
          startsAt: s,
          endsAt: end(s),
          needsCoFacilitator: d.participants > 15,
        })),
      },
    },
  });
  await audit(tx, {
    actorId: personId,
    action: 'request.submitted',
    subjectType: 'request',
    subjectId: request.id,
  });
  return { requestId: request.id, number: request.number };
}

export type { OutboundMessage, Platform };

/**
 * Finds or creates an organisation by name, safe when two people name the same new organisation
 * at the same moment (Prisma's upsert is a find-then-create and can fail with a unique violation).
 */
async function ensureOrganisation(tx: Tx, name: string) {
  await tx.organisation.createMany({ data: [{ name }], skipDuplicates: true });
  return tx.organisation.findUniqueOrThrow({ where: { name } });
}
