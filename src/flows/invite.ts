import { t } from '../i18n/index.ts';
import { isCoordinator, refuse } from './coordinator-admin.ts';
import type { EffectScope } from './effects.ts';
import type { EffectResult, RoleName } from './types.ts';

// Invites (/uitnodigen <rol>): a coordinator creates a one-time code with an expiry; the invitee
// signs up with it (`/start <code>`, or the Telegram deep link t.me/<bot>?start=<code>).

/** How long a new invite code works. */
export const INVITE_DAYS = 14;

const ROLE_WORDS: Record<string, RoleName> = {
  vrijwilliger: 'VOLUNTEER',
  volunteer: 'VOLUNTEER',
  begeleider: 'VOLUNTEER',
  dialoogbegeleider: 'VOLUNTEER',
  coordinator: 'COORDINATOR',
  coördinator: 'COORDINATOR',
  partner: 'PARTNER',
};

/**
 * The Telegram bot's username, learnt from getMe when the Telegram channel starts (it runs in the
 * same process as the flows: APP_ROLE all or http). Unknown (null) without Telegram or before that.
 */
let telegramUsername: string | null = null;
export function setTelegramBotUsername(username: string | null | undefined): void {
  telegramUsername = username?.trim() ? username.trim() : null;
}

export function inviteRole(args: string): RoleName | null {
  return ROLE_WORDS[args.trim().toLowerCase()] ?? null;
}

export async function runInvite(args: string, s: EffectScope): Promise<EffectResult> {
  if (!isCoordinator(s)) return refuse(s);
  const l = s.ctx.locale;
  const role = inviteRole(args);
  if (!role) {
    const word = args.trim();
    s.replies.push({
      text: word ? t(l, 'invitecode.unknown_role', { role: word }) : t(l, 'invitecode.usage'),
    });
    return { ok: false, error: 'usage' };
  }
  const expiresAt = new Date(s.ctx.now.getTime() + INVITE_DAYS * 86_400_000);
  const invite = await s.repos.outreach.createInvite({ role, createdById: s.ctx.person.id, expiresAt });
  // The code itself is a credential: the audit log names the invite, not the code.
  await s.repos.audit({
    actorId: s.ctx.person.id,
    action: 'invite.created',
    subjectType: 'invite',
    subjectId: invite.id,
    details: { role, expiresAt: expiresAt.toISOString() },
  });
  const parts = [
    t(l, 'invitecode.created', { role: t(l, `role.${role}`), code: invite.code, days: INVITE_DAYS }),
    telegramUsername
      ? t(l, 'invitecode.telegram_link', { url: `https://t.me/${telegramUsername}?start=${invite.code}` })
      : '',
    t(l, 'invitecode.other_channels', { code: invite.code }),
  ];
  s.replies.push({ text: parts.filter(Boolean).join('\n\n') });
  return { ok: true, data: { code: invite.code } };
}
