import type { OutboundMessage, Platform } from '../bots/ports.ts';
import type { CompleteDraft } from '../flows/intake/intake-state.ts';
import type { FlowRepos } from '../flows/ports.ts';
import type { RoleName } from '../flows/types.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { isLocale } from '../i18n/index.ts';
import { partnerRequestsWhere } from './partner-requests.ts';
import { prismaSql } from './sql.ts';
import { turnRepos } from './turn-repos.ts';

export { newButtonId } from './turn-repos.ts';

type Tx = Prisma.TransactionClient;

/** The shell's data access on one transaction. */
export function flowRepos(
  tx: Tx,
): Omit<
  FlowRepos,
  | 'staffing'
  | 'linking'
  | 'reminders'
  | 'profile'
  | 'privacy'
  | 'overview'
  | 'harvest'
  | 'harvestExtra'
  | 'outreach'
  | 'intakeContact'
  | 'dashboard'
> {
  return {
    // Claim and load, conversation, buttons and replies: the same statements as on the pg pool.
    ...turnRepos(prismaSql(tx)),

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

    async findButton(id) {
      return tx.buttonToken.findUnique({ where: { id } });
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
      // A partner needs no code, but one who came with a (one-time) partner invite uses it up.
      if (input.role !== 'PARTNER' || input.inviteCode) {
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
      const requests = await tx.dialogueRequest.findMany({
        where: partnerRequestsWhere(personId, memberships),
        include: { sessions: { orderBy: { startsAt: 'asc' } }, organisation: true },
        orderBy: { number: 'desc' },
        take: 20,
      });
      return {
        organisation: memberships.map((m) => m.organisation.name).join(', ') || null,
        items: requests.map((r) => ({
          number: r.number,
          // Named only when it is not one of the person's own (they filed it for another organisation).
          organisation: memberships.some((m) => m.organisationId === r.organisationId)
            ? null
            : r.organisation.name,
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
