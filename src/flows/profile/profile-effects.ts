import type { EffectScope } from '../effects.ts';
import type { Effect, EffectResult } from '../types.ts';
import { localToday } from './profile-parse.ts';
import { applyPatch, EMPTY_PROFILE, patchFields, toSnapshot } from './profile-patch.ts';
import { ProfilePatchSchema } from './profile-state.ts';

type ProfileEffect = Extract<Effect, { type: 'loadProfile' | 'saveProfile' }>;

/**
 * Loads or changes the volunteer's own profile inside the shell's transaction. A change is
 * re-validated here (state comes from storage, not from us), applied to the stored row, and
 * audit-logged with the names of the fields it touched.
 */
export async function runProfileEffect(effect: ProfileEffect, s: EffectScope): Promise<EffectResult> {
  const { repos, ctx } = s;
  // The engine only routes volunteers here; checked again because effects are the trust boundary.
  if (!ctx.person.roles.includes('VOLUNTEER')) return { ok: false, error: 'not_volunteer' };
  const at = { today: localToday(ctx.now, ctx.zone), zone: ctx.zone };
  const record = (await repos.profile.get(ctx.person.id)) ?? EMPTY_PROFILE;
  if (effect.type === 'loadProfile') return { ok: true, data: { profile: toSnapshot(record, at) } };

  const patch = ProfilePatchSchema.safeParse(effect.patch);
  if (!patch.success) return { ok: false, error: 'invalid_patch' };
  const values = applyPatch(record, patch.data, at);
  await repos.profile.save(ctx.person.id, values);
  await repos.audit({
    actorId: ctx.person.id,
    action: 'profile.updated',
    subjectType: 'volunteerProfile',
    subjectId: ctx.person.id,
    details: { fields: patchFields(patch.data) },
  });
  return { ok: true, data: { profile: toSnapshot({ ...record, ...values }, at) } };
}
