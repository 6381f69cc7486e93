import { extractWithRules } from '../../src/domain/extract/rules-extractor.ts';
import { toDraftPatch } from '../../src/domain/extract/to-draft.ts';
import { RawNotesSchema } from '../../src/domain/harvest.ts';
import { CompleteDraftSchema } from '../../src/flows/intake/intake-state.ts';
import type { ProfileRecord } from '../../src/flows/profile/ports.ts';
import { localToday } from '../../src/flows/profile/profile-parse.ts';
import { applyPatch, EMPTY_PROFILE, toSnapshot } from '../../src/flows/profile/profile-patch.ts';
import { ProfilePatchSchema } from '../../src/flows/profile/profile-state.ts';
import type { Effect, EffectResult, FlowContext, RoleName } from '../../src/flows/types.ts';

/** How the fuzzer wants the next effect to turn out. */
export interface Outcome {
  ok: boolean;
  /** Picks among the error codes the real effect can return, and among data variants. */
  pick: number;
}

/**
 * A pure stand-in for the shell's effects, following the contract of src/flows/effects.ts: results
 * have the shapes the real effects return (ok with their data, or one of their error codes). What a
 * flow asks for is validated exactly as the real effect validates it; a payload the real effect would
 * throw on is a bug and is reported as one.
 */
export class FlowWorld {
  profile: ProfileRecord = { ...EMPTY_PROFILE };
  notes: unknown = {};
  /** Set when onboarding completed: the person is then signed up with this role. */
  onboardedAs: RoleName | null = null;
  private nextNumber = 1;

  run(effect: Effect, ctx: FlowContext, o: Outcome): EffectResult {
    const fail = (...codes: string[]): EffectResult => ({
      ok: false,
      error: codes[o.pick % codes.length] ?? 'unknown',
    });
    // Effects of flows added later than this switch (typed loosely, so the fuzz compiles while they change).
    const loose = effect as unknown as { type: string; op?: string };
    if (loose.type === 'harvestExtra' && loose.op === 'outcomeLoad')
      return o.ok
        ? { ok: true, data: { sessionId: 'session-1', label: '#1 Buurtteam Oost' } }
        : fail('none', 'internal');
    if (loose.type === 'harvestExtra' && loose.op === 'outcomeSave')
      return o.ok ? { ok: true, data: { told: o.pick % 3 } } : fail('none', 'internal');
    switch (effect.type) {
      case 'checkInvite':
        if (!o.ok) return fail('invite_invalid');
        return { ok: true, data: { role: o.pick % 2 ? 'VOLUNTEER' : 'COORDINATOR' } };
      case 'completeOnboarding':
        if (!o.ok) return fail('invite_invalid');
        this.onboardedAs = effect.role;
        return { ok: true };
      case 'submitRequest': {
        const parsed = CompleteDraftSchema.safeParse(effect.draft);
        if (!parsed.success)
          throw new Error(`submitRequest with an incomplete draft: ${parsed.error.message}`);
        return o.ok ? { ok: true, data: { number: this.nextNumber++ } } : fail('internal');
      }
      case 'extractRequest': {
        const opts = { now: ctx.now, locale: ctx.locale, zone: ctx.zone };
        const patch = toDraftPatch(extractWithRules(effect.text, opts).request) as Record<string, unknown>;
        return {
          ok: true,
          data: { patch: o.pick % 3 === 0 ? {} : patch, fallback: o.ok ? null : 'timeout' },
        };
      }
      case 'loadCodesign':
        if (!o.ok) return fail('unknown', 'not_allowed');
        return {
          ok: true,
          data: {
            requestId: `req-${effect.number}`,
            format: o.pick % 2 ? 'Dialoog in een kring' : '',
            questions: o.pick % 3 ? ['Wat bracht je hier?', 'Wat raakt je?'] : [],
          },
        };
      case 'saveCodesign':
        if (!effect.requestId) throw new Error('saveCodesign without a request id');
        return o.ok ? { ok: true } : fail('unknown', 'not_allowed');
      case 'moveSession':
        if (Number.isNaN(Date.parse(effect.start))) throw new Error(`moveSession to ${effect.start}`);
        return o.ok ? { ok: true } : fail('not_changeable', 'not_yours');
      case 'harvestLoad':
        if (!o.ok) return fail('none', 'already', 'not_yours', 'internal');
        return {
          ok: true,
          data: {
            sessionId: 'session-1',
            organisation: 'Buurtteam Oost',
            label: 'Buurtteam Oost, di 8 dec 19:00',
            notes: this.notes,
          },
        };
      case 'harvestSave': {
        // The real effect parses the notes and throws on anything else.
        const notes = RawNotesSchema.parse(effect.notes);
        if (!o.ok) return fail('not_yours', 'already');
        this.notes = notes;
        return { ok: true };
      }
      case 'harvestApprove':
        return o.ok ? { ok: true, data: { shared: o.pick % 2 === 0 } } : fail('already', 'not_yours');
      case 'loadProfile':
      case 'saveProfile': {
        if (!ctx.person.roles.includes('VOLUNTEER')) return fail('not_volunteer');
        const at = { today: localToday(ctx.now, ctx.zone), zone: ctx.zone };
        if (effect.type === 'saveProfile') {
          const patch = ProfilePatchSchema.safeParse(effect.patch);
          if (!patch.success) throw new Error(`saveProfile with an invalid patch: ${patch.error.message}`);
          if (!o.ok) return fail('internal');
          this.profile = { ...this.profile, ...applyPatch(this.profile, patch.data, at) };
        } else if (!o.ok) return fail('internal');
        return { ok: true, data: { profile: toSnapshot(this.profile, at) } };
      }
      default:
        // Effects outside conversations (offers, actions, overview…) are exercised by the DB-level fuzz.
        return o.ok ? { ok: true } : fail('internal');
    }
  }
}
