import { describe, expect, it } from 'vitest';
import { decide, restore } from './engine.ts';
import type { FlowContext } from './types.ts';

const ctx = (over: Partial<FlowContext['person']> = {}): FlowContext => ({
  now: new Date('2026-11-29T10:00:00Z'),
  zone: 'Europe/Amsterdam',
  locale: 'nl',
  person: {
    id: 'p',
    displayName: 'Fatima',
    locale: 'nl',
    roles: ['PARTNER'],
    onboarded: true,
    organisations: [{ id: 'o', name: 'Org' }],
    ...over,
  },
});

describe('engine routing', () => {
  it('restores a state that still parses, and resets politely when it does not', () => {
    const good = restore(
      { flow: 'intake', version: 1, state: { step: 'goal', draft: {}, history: [], editing: null } },
      ctx(),
    );
    expect(good.active?.flow).toBe('intake');
    const changed = restore({ flow: 'intake', version: 1, state: { step: 'no-such-step' } }, ctx());
    expect(changed.active).toBeNull();
    expect(changed.notices[0]?.text).toContain('/aanvragen');
    const old = restore({ flow: 'intake', version: 0, state: {} }, ctx());
    expect(old.active).toBeNull();
    const unknown = restore({ flow: 'retired-flow', version: 3, state: {} }, ctx());
    expect(unknown.notices[0]?.text).toContain('/help');
  });

  it('"stop" and /stop cancel the active flow anywhere', () => {
    const active = { flow: 'intake', state: { step: 'goal', draft: {}, history: [], editing: null } };
    for (const text of ['/stop', 'stop', 'STOP', '/annuleer']) {
      const d = decide(active, { kind: 'text', text }, ctx());
      expect(d.active).toBeNull();
      expect(d.replies[0]?.text).toContain('gestopt');
    }
    expect(decide(null, { kind: 'text', text: 'stop' }, ctx()).replies[0]?.text).toContain(
      'niets om te stoppen',
    );
  });

  it('/help in the middle of a flow answers and keeps the flow', () => {
    const active = { flow: 'intake', state: { step: 'goal', draft: {}, history: [], editing: null } };
    const d = decide(active, { kind: 'text', text: '/help' }, ctx());
    expect(d.active).toBe(active);
    expect(d.replies.map((r) => r.text).join('\n')).toContain('een dialoog aanvragen');
  });

  it('the hint after /help reads as help with a way on: continue by answering, or /stop (nl and en)', () => {
    const active = { flow: 'intake', state: { step: 'goal', draft: {}, history: [], editing: null } };
    const nl = decide(active, { kind: 'text', text: '/help' }, ctx()).replies.at(-1)?.text;
    expect(nl).toBe(
      'Je was ook nog bezig met een dialoog aanvragen; dat staat gewoon voor je klaar. Verder gaan? Beantwoord de vraag hierboven. Liever stoppen? Typ /stop.',
    );
    const en = { ...ctx({ locale: 'en' }), locale: 'en' as const };
    expect(decide(active, { kind: 'text', text: '/help' }, en).replies.at(-1)?.text).toContain(
      "it's still waiting for you. Want to carry on? Just answer the question above. Rather stop? Type /stop.",
    );
  });

  it('a volunteer typing outside a conversation is checked against open offers (an effect), a partner is not', () => {
    const v = decide(null, { kind: 'text', text: 'sorry, ik kan niet' }, ctx({ roles: ['VOLUNTEER'] }));
    expect(v.effects).toEqual([{ type: 'offer', action: 'typed', value: 'sorry, ik kan niet' }]);
    expect(v.replies).toEqual([]);
    expect(decide(null, { kind: 'text', text: 'sorry, ik kan niet' }, ctx()).effects).toEqual([]);
  });

  it('someone unknown is led into sign-up whatever they type; commands that need a role are refused', () => {
    const d = decide(null, { kind: 'text', text: 'hallo' }, ctx({ onboarded: false, roles: [] }));
    expect(d.active?.flow).toBe('onboarding');
    const v = decide(null, { kind: 'text', text: '/aanvragen' }, ctx({ roles: ['VOLUNTEER'] }));
    expect(v.replies[0]?.text).toContain('alleen als partner');
  });

  it('/taal en switches language and re-asks the current question in English', () => {
    const active = {
      flow: 'intake',
      state: { step: 'participants', draft: {}, history: ['goal'], editing: null },
    };
    const d = decide(active, { kind: 'text', text: '/taal en' }, ctx());
    expect(d.effects).toEqual([{ type: 'setLocale', locale: 'en' }]);
    expect(d.locale).toBe('en');
    expect(d.replies.map((r) => r.text).join('\n')).toContain('how many participants');
    expect(decide(null, { kind: 'text', text: '/taal fr' }, ctx()).replies[0]?.text).toContain('ken ik niet');
  });

  it('unknown commands and garbage get a pointer to /help', () => {
    expect(decide(null, { kind: 'text', text: '/xyz' }, ctx()).replies[0]?.text).toContain('/xyz');
    expect(decide(null, { kind: 'text', text: '🙃🙃' }, ctx()).replies[0]?.text).toContain('/help');
  });
});
