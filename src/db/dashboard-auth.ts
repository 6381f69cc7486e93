import { createHash, randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

/** How long a sign-in link from /dashboard works. */
export const LOGIN_TOKEN_MINUTES = 10;
/** A dashboard session ends after this much idle time… */
export const SESSION_IDLE_MS = 8 * 3_600_000;
/** …and at the latest this long after sign-in. */
export const SESSION_ABSOLUTE_MS = 24 * 3_600_000;
/** lastSeenAt is written at most this often (fewer writes; idle expiry stays accurate to a minute). */
const TOUCH_EVERY_MS = 60_000;

/** Only hashes are stored: a database dump gives nobody a working link or cookie. */
export const hashToken = (raw: string): string => createHash('sha256').update(raw).digest('hex');
const newToken = (): string => randomBytes(32).toString('base64url');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export type LoginCheck =
  | { ok: true; personId: string; locale: string }
  | { ok: false; reason: 'unknown' | 'used' | 'expired'; locale?: string };

export interface DashboardPerson {
  id: string;
  displayName: string;
  locale: string;
  coordinator: boolean;
}

/**
 * A new single-use sign-in token for this person; returns the raw token (never stored). Takes the
 * step's transaction when called from a conversation step: the embedded database has a single
 * connection, so a second client would wait for the transaction until it times out.
 */
export async function createLoginToken(
  prisma: PrismaClient | Prisma.TransactionClient,
  personId: string,
  now: Date,
): Promise<string> {
  const raw = newToken();
  await prisma.dashboardLoginToken.create({
    data: {
      tokenHash: hashToken(raw),
      personId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LOGIN_TOKEN_MINUTES * 60_000),
    },
  });
  // Old, spent links and ended sessions are of no use to anyone.
  await prisma.dashboardLoginToken.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } },
  });
  await prisma.dashboardSession.deleteMany({
    where: {
      OR: [{ expiresAt: { lt: now } }, { lastSeenAt: { lt: new Date(now.getTime() - SESSION_IDLE_MS) } }],
    },
  });
  return raw;
}

/** Sign-in links and sessions of the coordinator dashboard, kept in PostgreSQL (works across replicas). */
export function dashboardAuth(prisma: PrismaClient) {
  async function check(raw: string, now: Date): Promise<LoginCheck> {
    if (!TOKEN_SHAPE.test(raw)) return { ok: false, reason: 'unknown' };
    const row = await prisma.dashboardLoginToken.findUnique({
      where: { tokenHash: hashToken(raw) },
      include: { person: { select: { locale: true } } },
    });
    if (!row) return { ok: false, reason: 'unknown' };
    const locale = row.person.locale;
    if (row.usedAt) return { ok: false, reason: 'used', locale };
    if (row.expiresAt <= now) return { ok: false, reason: 'expired', locale };
    return { ok: true, personId: row.personId, locale };
  }

  return {
    /** A new single-use sign-in token for this person; returns the raw token (never stored). */
    createLoginToken: (personId: string, now: Date) => createLoginToken(prisma, personId, now),

    /** Whether a link would work now, without using it (the confirmation page). */
    check,

    /**
     * Uses a link: exactly once, however many tabs or replicas try at the same moment. On success a
     * new session; returns the raw cookie value.
     */
    async redeem(
      raw: string,
      now: Date,
    ): Promise<{ ok: true; personId: string; session: string } | Exclude<LoginCheck, { ok: true }>> {
      const state = await check(raw, now);
      if (!state.ok) return state;
      const claimed = await prisma.dashboardLoginToken.updateMany({
        where: { tokenHash: hashToken(raw), usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) return { ok: false, reason: 'used', locale: state.locale };
      const session = newToken();
      await prisma.dashboardSession.create({
        data: {
          tokenHash: hashToken(session),
          personId: state.personId,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
        },
      });
      return { ok: true, personId: state.personId, session };
    },

    /**
     * The person behind a session cookie, or null when it is unknown, idle too long or past its
     * absolute limit. Roles are read fresh every time: losing the coordinator role ends access at once.
     */
    async session(raw: string, now: Date): Promise<DashboardPerson | null> {
      if (!TOKEN_SHAPE.test(raw)) return null;
      const row = await prisma.dashboardSession.findUnique({
        where: { tokenHash: hashToken(raw) },
        include: {
          person: { select: { id: true, displayName: true, locale: true, roles: true, erasedAt: true } },
        },
      });
      if (!row) return null;
      if (row.expiresAt <= now || now.getTime() - row.lastSeenAt.getTime() > SESSION_IDLE_MS) {
        await prisma.dashboardSession.deleteMany({ where: { id: row.id } });
        return null;
      }
      if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await prisma.dashboardSession.updateMany({ where: { id: row.id }, data: { lastSeenAt: now } });
      }
      const p = row.person;
      return {
        id: p.id,
        displayName: p.displayName,
        locale: p.locale,
        coordinator: p.roles.includes('COORDINATOR') && !p.erasedAt,
      };
    },

    async endSession(raw: string): Promise<void> {
      if (!TOKEN_SHAPE.test(raw)) return;
      await prisma.dashboardSession.deleteMany({ where: { tokenHash: hashToken(raw) } });
    },

    async audit(actorId: string | null, action: string, details: object = {}): Promise<void> {
      await prisma.auditLog.create({
        data: { actorId, action, subjectType: 'dashboard', details: details as never },
      });
    },
  };
}

export type DashboardAuth = ReturnType<typeof dashboardAuth>;
