import type { ErasureReport, PersonalExport, PrivacyRepos } from '../flows/privacy/ports.ts';
import { Prisma } from '../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/** What a scrubbed log row keeps: that there was a message, not what it said. */
const SCRUBBED = { text: '', scrubbed: true } as const;

/**
 * Text and JSON columns where someone else's row may mention a person by name or contact detail
 * (a coordinator's notification, a partner's "staffed by …", a typed /niveau command).
 */
const MENTION_COLUMNS: { table: string; column: string; json: boolean }[] = [
  { table: 'OutboundMessage', column: 'payload', json: true },
  { table: 'InboundEvent', column: 'payload', json: true },
  { table: 'AuditLog', column: 'details', json: true },
  { table: 'Conversation', column: 'state', json: true },
  { table: 'Harvest', column: 'rawNotes', json: true },
  { table: 'Harvest', column: 'structured', json: true },
  { table: 'DialogueRequest', column: 'contactName', json: false },
  { table: 'DialogueRequest', column: 'contactEmail', json: false },
  { table: 'DialogueRequest', column: 'contactPhone', json: false },
  { table: 'DialogueRequest', column: 'goal', json: false },
  { table: 'DialogueRequest', column: 'accessibility', json: false },
  { table: 'ButtonToken', column: 'label', json: false },
  { table: 'MediaFile', column: 'fileName', json: false },
];

/** A name shorter than this is not searched for in other people's texts ("Jan" would hit "januari"). */
const MIN_MENTION_LENGTH = 4;

/** Export and erasure of one person's data (AVG/GDPR art. 15, 17, 20). */
export function privacyRepos(tx: Tx): PrivacyRepos {
  return {
    async exportPerson(personId, now) {
      const person = await tx.person.findUniqueOrThrow({ where: { id: personId } });
      const [
        identities,
        memberships,
        volunteerProfile,
        requests,
        offers,
        assignments,
        reminders,
        harvests,
        conversation,
        buttons,
        consents,
        outbound,
        inbound,
        media,
        invitesCreated,
        linkCodes,
        auditByPerson,
        auditAboutPerson,
        exclusions,
      ] = await Promise.all([
        tx.channelIdentity.findMany({ where: { personId } }),
        tx.membership.findMany({ where: { personId }, include: { organisation: true } }),
        tx.volunteerProfile.findUnique({ where: { personId } }),
        tx.dialogueRequest.findMany({
          where: { requestedById: personId },
          include: { organisation: true, dateOptions: true, sessions: true },
          orderBy: { number: 'asc' },
        }),
        tx.offer.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } }),
        tx.assignment.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } }),
        tx.scheduledReminder.findMany({ where: { personId }, orderBy: { dueAt: 'asc' } }),
        tx.harvest.findMany({ where: { authorId: personId } }),
        tx.conversation.findUnique({ where: { personId } }),
        tx.buttonToken.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } }),
        tx.consentRecord.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } }),
        tx.outboundMessage.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } }),
        tx.inboundEvent.findMany({ where: { personId }, orderBy: { receivedAt: 'asc' } }),
        tx.mediaFile.findMany({ where: { personId }, omit: { content: true } }),
        tx.inviteCode.findMany({ where: { createdById: personId } }),
        tx.linkCode.findMany({ where: { personId } }),
        tx.auditLog.findMany({ where: { actorId: personId }, orderBy: { createdAt: 'asc' } }),
        tx.auditLog.findMany({
          where: {
            subjectType: 'person',
            subjectId: personId,
            OR: [{ actorId: null }, { actorId: { not: personId } }],
          },
          orderBy: { createdAt: 'asc' },
        }),
        tx.sessionExclusion.findMany({ where: { personId } }),
      ]);
      const out: PersonalExport = {
        exportedAt: now.toISOString(),
        person,
        channelIdentities: identities,
        memberships,
        volunteerProfile,
        requests,
        offers,
        assignments,
        scheduledReminders: reminders,
        harvests,
        conversation,
        buttonTokens: buttons,
        consentRecords: consents,
        // Earlier exports are attachments of these messages: named, not nested again.
        outboundMessages: outbound.map((m) => ({ ...m, payload: withoutFileContent(m.payload) })),
        inboundEvents: inbound,
        mediaFiles: media,
        inviteCodesCreated: invitesCreated,
        linkCodes,
        auditLog: { byYou: auditByPerson, aboutYou: auditAboutPerson },
        sessionExclusions: exclusions,
        broadcastsCreated: await tx.broadcast.findMany({ where: { createdById: personId } }),
        // Where a coordinator listed them as a stakeholder of a wijk (they get its harvests).
        stakeholderContacts: await tx.stakeholderContact.findMany({ where: { personId } }),
        // Dashboard sign-ins: when and until when; the stored hashes are of no use to anyone.
        dashboardSessions: await tx.dashboardSession.findMany({
          where: { personId },
          select: { createdAt: true, lastSeenAt: true, expiresAt: true },
        }),
        dashboardLinks: await tx.dashboardLoginToken.findMany({
          where: { personId },
          select: { createdAt: true, expiresAt: true, usedAt: true },
        }),
      };
      return out;
    },

    async openOffersOf(personId) {
      return tx.offer.findMany({
        where: { personId, status: 'OPEN' },
        select: { id: true, sessionId: true, role: true },
      });
    },

    async beginErasure(personId, placeholder) {
      await tx.person.update({ where: { id: personId }, data: { displayName: placeholder, roles: [] } });
    },

    async erasePerson(personId, { now, placeholder, name }) {
      const person = await tx.person.findUniqueOrThrow({ where: { id: personId } });
      // The name as it was before erasure began (beginErasure has replaced it by then).
      const names = new Set([name, person.displayName].filter((n) => n && n !== placeholder));

      const requested = await tx.dialogueRequest.findMany({ where: { requestedById: personId } });
      const isContact = (r: (typeof requested)[number]) =>
        [...names].some((n) => r.contactName.trim().toLowerCase() === n.trim().toLowerCase());
      const contactRequests = requested.filter(isContact);
      const mentions = new Set<string>(names);
      // Messages to others call people by their first name ("… wordt begeleid door Anna").
      for (const n of names) mentions.add(n.trim().split(/\s+/)[0] ?? '');
      for (const r of contactRequests) {
        if (r.contactEmail) mentions.add(r.contactEmail);
        if (r.contactPhone) mentions.add(r.contactPhone);
      }

      const report: ErasureReport = {
        identities: 0,
        memberships: 0,
        profile: 0,
        conversations: 0,
        buttons: 0,
        inbound: 0,
        outbound: 0,
        requestsDetached: requested.length,
        contactFieldsCleared: contactRequests.length,
        remindersCancelled: 0,
        scrubbedElsewhere: 0,
      };
      if (contactRequests.length) {
        await tx.dialogueRequest.updateMany({
          where: { id: { in: contactRequests.map((r) => r.id) } },
          data: { contactName: '', contactEmail: null, contactPhone: null },
        });
      }
      // The request stays with its organisation (statistics, the partner's colleagues), without its requester.
      await tx.dialogueRequest.updateMany({
        where: { requestedById: personId },
        data: { requestedById: null },
      });
      report.remindersCancelled = (
        await tx.scheduledReminder.updateMany({
          where: { personId, status: 'PENDING' },
          data: { status: 'CANCELLED', preparedAt: null, prepared: Prisma.DbNull, outboxId: null },
        })
      ).count;
      report.identities = (await tx.channelIdentity.deleteMany({ where: { personId } })).count;
      report.memberships = (await tx.membership.deleteMany({ where: { personId } })).count;
      report.profile = (await tx.volunteerProfile.deleteMany({ where: { personId } })).count;
      report.conversations = (await tx.conversation.deleteMany({ where: { personId } })).count;
      report.buttons = (await tx.buttonToken.deleteMany({ where: { personId } })).count;
      await tx.linkCode.deleteMany({ where: { personId } });
      // Signed in to the dashboard: signed out everywhere.
      await tx.dashboardSession.deleteMany({ where: { personId } });
      await tx.dashboardLoginToken.deleteMany({ where: { personId } });
      // A coordinator's unsent broadcast draft holds their text (sent ones keep none).
      await tx.broadcast.updateMany({
        where: { createdById: personId, status: 'DRAFT' },
        data: { status: 'CANCELLED', text: null },
      });
      await tx.mediaFile.deleteMany({ where: { personId } });
      await tx.stakeholderContact.deleteMany({ where: { personId } });
      await tx.harvest.updateMany({ where: { authorId: personId }, data: { rawNotes: {} } });
      report.inbound = (
        await tx.inboundEvent.updateMany({
          where: { personId },
          data: { payload: { kind: 'erased' }, externalUserId: 'erased', status: 'PROCESSED' },
        })
      ).count;
      await tx.outboundMessage.updateMany({
        where: { personId, status: 'PENDING' },
        data: { status: 'FAILED', error: 'person erased' },
      });
      report.outbound = (
        await tx.outboundMessage.updateMany({ where: { personId }, data: { payload: SCRUBBED } })
      ).count;
      // Consent stays as a minimal, anonymous record (version, date, platform) plus the withdrawal:
      // the organisation can still show that what it did before was consented to.
      const platform = (await tx.consentRecord.findFirst({ where: { personId } }))?.platform;
      if (platform) {
        await tx.consentRecord.create({
          data: { personId, version: 'erasure', granted: false, platform, createdAt: now },
        });
      }
      for (const text of mentions) {
        if (text.trim().length < MIN_MENTION_LENGTH) continue;
        report.scrubbedElsewhere += await scrubMentions(tx, text, placeholder);
      }
      await tx.person.update({
        where: { id: personId },
        data: { displayName: '', roles: [], onboardedAt: null, erasedAt: now },
      });
      return report;
    },
  };
}

function withoutFileContent(payload: Prisma.JsonValue): Prisma.JsonValue {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const file = (payload as Record<string, unknown>).file as Record<string, unknown> | undefined;
  if (!file) return payload;
  return { ...payload, file: { filename: file.filename, mimeType: file.mimeType } } as Prisma.JsonValue;
}

/**
 * Replaces every occurrence of `text` as a whole word ("Anna" not inside "Annabel") in the mention
 * columns; returns the rows changed.
 */
async function scrubMentions(tx: Tx, text: string, placeholder: string): Promise<number> {
  let changed = 0;
  for (const { table, column, json } of MENTION_COLUMNS) {
    // Inside JSON the text appears escaped; the placeholder is letters and brackets, safe in both.
    const pattern = wordPattern(json ? JSON.stringify(text).slice(1, -1) : text);
    const value = json ? `"${column}"::text` : `"${column}"`;
    const expr = json
      ? `regexp_replace(${value}, $1, $2, 'g')::jsonb`
      : `regexp_replace(${value}, $1, $2, 'g')`;
    changed += await tx.$executeRawUnsafe(
      `UPDATE "${table}" SET "${column}" = ${expr} WHERE "${column}" IS NOT NULL AND ${value} ~ $1`,
      pattern,
      placeholder,
    );
  }
  return changed;
}

/** A PostgreSQL regular expression matching `text` literally, bounded by word edges where it has them. */
export function wordPattern(text: string): string {
  const escaped = text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const start = /^\w/.test(text) ? '\\m' : '';
  const end = /\w$/.test(text) ? '\\M' : '';
  return `${start}${escaped}${end}`;
}
