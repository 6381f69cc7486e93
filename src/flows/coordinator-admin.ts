import { suggestCodesign } from '../domain/codesign.ts';
import { THEME_KEYS, type ThemeKey } from '../domain/themes.ts';
import { t } from '../i18n/index.ts';
import type { EffectScope } from './effects.ts';
import type { EffectResult } from './types.ts';

// Coordinator tools about people and content: volunteers' levels, co-designed formats.

export const isCoordinator = (s: EffectScope) => s.ctx.person.roles.includes('COORDINATOR');

export function refuse(s: EffectScope): EffectResult {
  s.replies.push({
    text: t(s.ctx.locale, 'error.not_allowed', { role: t(s.ctx.locale, 'role.COORDINATOR') }),
  });
  return { ok: false, error: 'not_allowed' };
}

const LEVEL_WORDS: Record<string, 'TRAINEE' | 'CERTIFIED' | 'SENIOR'> = {
  trainee: 'TRAINEE',
  leerling: 'TRAINEE',
  'leerling-begeleider': 'TRAINEE',
  opleiding: 'TRAINEE',
  gecertificeerd: 'CERTIFIED',
  certified: 'CERTIFIED',
  senior: 'SENIOR',
};

/** /niveau <name> <level>: only a coordinator sets a volunteer's level and certification. */
export async function level(args: string, s: EffectScope): Promise<EffectResult> {
  const l = s.ctx.locale;
  const words = args.trim().split(/\s+/).filter(Boolean);
  const target = LEVEL_WORDS[(words.at(-1) ?? '').toLowerCase()];
  const query = words
    .slice(0, -1)
    .filter((w) => !['in'].includes(w.toLowerCase()))
    .join(' ');
  if (!target || !query) {
    s.replies.push({ text: t(l, 'coord.level.usage') });
    return { ok: false, error: 'usage' };
  }
  const found = await s.repos.staffing.findVolunteers(query);
  if (found.length === 0) {
    s.replies.push({ text: t(l, 'coord.level.none', { query: query.slice(0, 60) }) });
    return { ok: false, error: 'none' };
  }
  const exact = found.filter((v) => v.name.toLowerCase() === query.toLowerCase());
  const matches = exact.length === 1 ? exact : found;
  if (matches.length > 1) {
    s.replies.push({
      text: t(l, 'coord.level.which', { query: query.slice(0, 60) }),
      buttons: matches.map((v) => [
        {
          label: t(l, 'coord.level.set_button', { name: v.name, level: t(l, `level.${target}`) }),
          action: 'act.level',
          value: `${v.id}|${target}`,
        },
      ]),
    });
    return { ok: true };
  }
  return setLevel(matches[0]?.id ?? '', target, s);
}

export async function setLevel(
  personId: string,
  target: 'TRAINEE' | 'CERTIFIED' | 'SENIOR',
  s: EffectScope,
): Promise<EffectResult> {
  const l = s.ctx.locale;
  const repos = s.repos.staffing;
  const info = (await repos.volunteerInfo([personId])).get(personId);
  if (!info) return { ok: false, error: 'none' };
  const { name } = info;
  if (info.level === target) {
    // Nothing changes: no audit entry, no message to the volunteer.
    s.replies.push({ text: t(l, 'coord.level.already', { name, level: t(l, `level.${target}`) }) });
    return { ok: true };
  }
  await repos.setLevel(personId, target, s.ctx.person.id);
  s.replies.push({ text: t(l, 'coord.level.done', { name, level: t(l, `level.${target}`) }) });
  const who = await repos.recipient(personId);
  if (who) {
    const id = await repos.queueMessage(personId, `${s.keyPrefix}:level:${personId}`, {
      text: t(who.locale, 'volunteer.level_changed', { level: t(who.locale, `level.${target}`) }),
    });
    if (id) s.outboundIds.push(id);
  }
  return { ok: true };
}

/** Loads or saves a request's co-designed format and questions (coordinators only). */
export async function codesignEffect(
  effect:
    | { type: 'loadCodesign'; number: number }
    | { type: 'saveCodesign'; requestId: string; format: string; questions: string[] },
  s: EffectScope,
): Promise<EffectResult> {
  if (!isCoordinator(s)) return refuse(s);
  const repos = s.repos.staffing;
  if (effect.type === 'saveCodesign') {
    await repos.setCodesign(
      effect.requestId,
      { format: effect.format, questions: effect.questions },
      s.ctx.person.id,
    );
    return { ok: true };
  }
  const request = await repos.requestByNumber(effect.number);
  const sessionId = request ? (await repos.sessionIdsOfRequest(request.id))[0] : undefined;
  const session = sessionId ? await repos.session(sessionId) : null;
  if (!request || !session) return { ok: false, error: 'unknown' };
  const library = suggestCodesign({
    theme: (THEME_KEYS as readonly string[]).includes(session.theme) ? (session.theme as ThemeKey) : null,
    targetGroup: session.targetGroup,
    locale: s.ctx.locale,
    online: session.online,
    participants: session.expectedParticipants,
  });
  const current = session.codesign ?? library;
  return { ok: true, data: { requestId: request.id, format: current.format, questions: current.questions } };
}
