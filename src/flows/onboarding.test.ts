import { describe, expect, it } from 'vitest';
import { onboardingFlow } from './onboarding.ts';
import type { FlowContext, FlowInput } from './types.ts';

const ctx: FlowContext = {
  now: new Date('2026-11-29T10:00:00Z'),
  zone: 'Europe/Amsterdam',
  locale: 'nl',
  person: { id: 'p', displayName: 'Sam', locale: 'nl', roles: [], onboarded: false, organisations: [] },
};
type S = NonNullable<ReturnType<typeof onboardingFlow.start>['state']>;
const step = (s: S, input: FlowInput) => onboardingFlow.step(s, input, ctx);
const button = (action: string, value?: string): FlowInput => ({ kind: 'button', action, value });

describe('onboarding flow (pure transitions)', () => {
  it('a partner gives name and organisation, consents, and completion is asked of the shell', () => {
    let t = onboardingFlow.start(ctx, '');
    expect(t.replies[0]?.text).toContain('Wie ben jij?');
    t = step(t.state as S, button('role', 'PARTNER'));
    expect(t.replies[0]?.buttons?.[0]?.[0]?.label).toBe('Sam');
    t = step(t.state as S, { kind: 'text', text: '  Sam   de Vries ' });
    t = step(t.state as S, { kind: 'text', text: 'Buurtteam Oost' });
    expect(t.replies[0]?.text).toContain('privacyverklaring');
    t = step(t.state as S, button('consent', 'yes'));
    expect(t.effects).toEqual([
      expect.objectContaining({
        type: 'completeOnboarding',
        role: 'PARTNER',
        displayName: 'Sam de Vries',
        organisationName: 'Buurtteam Oost',
      }),
    ]);
    const end = step(t.state as S, { kind: 'effect', name: 'completeOnboarding', result: { ok: true } });
    expect(end.state).toBeNull();
    expect(end.replies[0]?.text).toContain('Welkom, Sam de Vries van Buurtteam Oost');
  });

  it('a volunteer needs a valid invite code; an invalid one is refused politely', () => {
    let t = step(onboardingFlow.start(ctx, '').state as S, button('role', 'VOLUNTEER'));
    expect(t.replies[0]?.text).toContain('uitnodigingscode');
    t = step(t.state as S, { kind: 'text', text: 'WRONG' });
    expect(t.effects).toEqual([{ type: 'checkInvite', code: 'WRONG' }]);
    const refused = step(t.state as S, {
      kind: 'effect',
      name: 'checkInvite',
      result: { ok: false, error: 'invite_invalid' },
    });
    expect(refused.state?.step).toBe('invite');
    expect(refused.replies[0]?.text).toContain('ken ik niet');
  });

  it('a deep link with an invite code checks it straight away and takes the role from the code', () => {
    const t = onboardingFlow.start(ctx, 'DEMO-COORDINATOR');
    expect(t.effects).toEqual([{ type: 'checkInvite', code: 'DEMO-COORDINATOR' }]);
    const ok = step(t.state as S, {
      kind: 'effect',
      name: 'checkInvite',
      result: { ok: true, data: { role: 'COORDINATOR' } },
    });
    expect(ok.state).toMatchObject({ step: 'name', role: 'COORDINATOR' });
  });

  it('declining consent ends the flow and stores nothing', () => {
    let t = step(onboardingFlow.start(ctx, '').state as S, button('role', 'PARTNER'));
    t = step(t.state as S, { kind: 'text', text: 'Sam' });
    t = step(t.state as S, { kind: 'text', text: 'Org' });
    const no = step(t.state as S, { kind: 'text', text: 'nee' });
    expect(no.state).toBeNull();
    expect(no.effects).toEqual([]);
    expect(no.replies[0]?.text).toContain('niets van je aanmelding bewaard');
  });

  it('an over-long name is refused with its length', () => {
    const t = step(onboardingFlow.start(ctx, '').state as S, button('role', 'PARTNER'));
    const r = step(t.state as S, { kind: 'text', text: 'x'.repeat(200) });
    expect(r.state?.step).toBe('name');
    expect(r.replies[0]?.text).toContain('200 tekens');
  });
});
