import { describe, expect, it } from 'vitest';
import { decide } from '../engine.ts';
import { onboardingFlow } from '../onboarding.ts';
import type { FlowContext, FlowInput, Transition } from '../types.ts';
import { profileFlow } from './profile-flow.ts';
import type { ProfileSnapshot, ProfileState } from './profile-state.ts';

const now = new Date('2026-11-29T10:00:00Z');
const ctx = (
  locale: 'nl' | 'en' = 'nl',
  roles: FlowContext['person']['roles'] = ['VOLUNTEER'],
): FlowContext => ({
  now,
  zone: 'Europe/Amsterdam',
  locale,
  person: { id: 'v1', displayName: 'Joost', locale, roles, onboarded: true, organisations: [] },
});
const SNAPSHOT: ProfileSnapshot = {
  level: 'TRAINEE',
  certifiedOn: null,
  languages: ['nl'],
  wijken: ['leidsche-rijn'],
  anywhere: false,
  themes: ['klimaat'],
  availability: { version: 1, weekly: { mon: ['evening'] }, exceptions: [], pausedUntil: null },
  maxPerMonth: 2,
  pausedUntil: null,
  broadcasts: true,
};
const text = (t: string): FlowInput => ({ kind: 'text', text: t });
const press = (action: string, value?: string): FlowInput => ({ kind: 'button', action, value });
const loaded = (profile: ProfileSnapshot = SNAPSHOT): FlowInput => ({
  kind: 'effect',
  name: 'loadProfile',
  result: { ok: true, data: { profile } },
});
const saved = (profile: ProfileSnapshot): FlowInput => ({
  kind: 'effect',
  name: 'saveProfile',
  result: { ok: true, data: { profile } },
});

/** Starts the flow (optionally "/profiel <args>") with the given stored profile and feeds inputs. */
function run(inputs: FlowInput[], opts: { args?: string; profile?: ProfileSnapshot; c?: FlowContext } = {}) {
  const c = opts.c ?? ctx();
  const start = profileFlow.start(c, opts.args ?? '');
  const out: Transition<ProfileState>[] = [
    profileFlow.step(start.state as ProfileState, loaded(opts.profile), c),
  ];
  for (const input of inputs) {
    const state = out.at(-1)?.state;
    if (!state) throw new Error('flow ended early');
    out.push(profileFlow.step(state, input, c));
  }
  return out;
}
const last = (steps: Transition<ProfileState>[]) => steps.at(-1) as Transition<ProfileState>;
const allText = (tr: Transition<ProfileState>) => tr.replies.map((r) => r.text).join('\n');
const labels = (tr: Transition<ProfileState>) =>
  tr.replies
    .flatMap((r) => r.buttons ?? [])
    .flat()
    .map((b) => b.label);
describe('volunteer profile flow (pure transitions)', () => {
  it('loads the stored profile first, then shows every part with a button each; level is read-only', () => {
    const start = profileFlow.start(ctx(), '');
    expect(start.effects).toEqual([{ type: 'loadProfile' }]);
    expect(start.replies).toEqual([]);
    const menu = run([])[0] as Transition<ProfileState>;
    expect(menu.state?.step).toBe('menu');
    const shown = allText(menu);
    for (const part of [
      'Nederlands',
      'Leidsche Rijn',
      'Klimaat',
      'ma avond',
      'Maximaal per maand: 2',
      'Pauze: geen',
    ])
      expect(shown).toContain(part);
    expect(shown).toContain('begeleider in opleiding');
    expect(shown).toContain('stelt een coördinator in');
    expect(labels(menu)).toEqual(
      expect.arrayContaining([
        '🗣️ Talen',
        '📍 Wijken',
        "💬 Thema's",
        '🗓️ Beschikbaarheid',
        '🔢 Maximum per maand',
      ]),
    );
    expect(labels(menu).some((l) => /niveau|level/i.test(l))).toBe(false);
  });

  it.each([
    ['languages', [text('Nederlands en Arabisch')], { languages: ['nl', 'ar'] }],
    ['languages', [press('answer', 'nl, en')], { languages: ['nl', 'en'] }],
    [
      'wijken',
      [press('toggle', 'overvecht'), press('toggle', 'leidsche-rijn'), press('done')],
      { wijken: ['overvecht'], anywhere: false },
    ],
    ['wijken', [press('toggle', 'anywhere'), press('done')], { wijken: [], anywhere: true }],
    [
      'wijken',
      [text('Overvecht en Lombok'), press('done')],
      { wijken: ['leidsche-rijn', 'overvecht', 'west'], anywhere: false },
    ],
    ['wijken', [text('alleen Zuid'), text('klaar')], { wijken: ['zuid'], anywhere: false }],
    ['themes', [press('toggle', 'klimaat'), press('toggle', 'wonen'), press('done')], { themes: ['wonen'] }],
    [
      'themes',
      [text('eenzaamheid, armoede'), press('done')],
      { themes: ['klimaat', 'eenzaamheid', 'armoede'] },
    ],
    [
      'availability',
      [
        press('toggle', 'mon:evening'),
        press('toggle', 'wed:evening'),
        press('toggle', 'sat:morning'),
        press('done'),
      ],
      { weekly: { wed: ['evening'], sat: ['morning'] } },
    ],
    [
      'availability',
      [press('preset', 'weekend'), press('done')],
      { weekly: { sat: ['morning', 'afternoon', 'evening'], sun: ['morning', 'afternoon', 'evening'] } },
    ],
    [
      'availability',
      [text('ma en wo avond, za ochtend'), press('done')],
      { weekly: { mon: ['evening'], wed: ['evening'], sat: ['morning'] } },
    ],
    ['exceptions', [text('niet op 24-12-2026')], { addUnavailable: '2026-12-24' }],
    ['max', [text('4')], { maxPerMonth: 4 }],
    ['max', [text('0')], { maxPerMonth: 0 }],
    ['pause', [press('pause', 'weeks:2')], { pausedUntil: '2026-12-13' }],
    ['pause', [text('tot 1 februari')], { pausedUntil: '2027-02-01' }],
  ])('%s: %j saves %j through one effect', (section, inputs, patch) => {
    const steps = run([press('edit', section), ...(inputs as FlowInput[])]);
    const end = last(steps);
    expect(end.state?.step).toBe('saving');
    expect(end.effects).toEqual([{ type: 'saveProfile', patch }]);
    // Toggling alone saves nothing.
    expect(steps.slice(0, -1).flatMap((s) => s.effects)).toEqual([]);
  });

  it.each([
    ['languages', 'Klingon', 'herken ik niet'],
    ['languages', 'Berber', 'kan ik (nog) niet gebruiken'],
    ['wijken', 'Amsterdam-Noord', 'ken ik niet'],
    ['wijken', 'klaar', 'minstens één wijk'],
    ['themes', 'voetbal', 'ken ik niet'],
    ['availability', 'soms', 'begrijp ik niet helemaal'],
    ['exceptions', '1-1-2020', 'verleden'],
    ['exceptions', 'ergens in de zomer', 'begrijp ik niet'],
    ['max', 'veel', 'getal van 0 tot 20'],
    ['max', '25', 'het maximum is 20'],
    ['max', '-1', 'getal van 0 tot 20'],
    ['pause', '1-1-2020', 'verleden'],
    ['pause', '5 januari 2029', 'twee jaar'],
  ])('%s: "%s" is refused with a clear message and nothing changes', (section, input, expected) => {
    const profile = section === 'wijken' && input === 'klaar' ? { ...SNAPSHOT, wijken: [] } : SNAPSHOT;
    const open = last(run([press('edit', section)], { profile }));
    const r = profileFlow.step(open.state as ProfileState, text(input), ctx());
    expect(r.state).toEqual(open.state);
    expect(r.effects).toEqual([]);
    expect(r.replies[0]?.text).toContain(expected);
    expect(r.replies[0]?.buttons?.length).toBeGreaterThan(0);
  });

  describe('typing in a picker changes the selection and waits for Klaar', () => {
    const EVENINGS: ProfileSnapshot = {
      ...SNAPSHOT,
      availability: {
        ...SNAPSHOT.availability,
        weekly: { mon: ['evening'], tue: ['evening'], wed: ['afternoon', 'evening'], thu: ['evening'] },
      },
    };

    it('"zondagmiddag ook" after a tap adds to what was chosen, says so, and saves nothing until Klaar', () => {
      const steps = run(
        [press('edit', 'availability'), press('toggle', 'sat:evening'), text('zondagmiddag ook')],
        { profile: EVENINGS },
      );
      const typed = last(steps);
      expect(steps.flatMap((s) => s.effects)).toEqual([]);
      expect(typed.state?.step).toBe('availability');
      expect(typed.replies[0]?.text).toBe(
        'Toegevoegd: zo middag. Nog niet opgeslagen: tik op Klaar als het zo goed is.',
      );
      expect(typed.replies.at(-1)?.text).toContain(
        'Gekozen: ma avond, di avond, wo middag+avond, do avond, za avond, zo middag',
      );
      expect(labels(typed)).toContain('✔️ Klaar');
      const saved = profileFlow.step(typed.state as ProfileState, press('done'), ctx());
      expect(saved.effects).toEqual([
        {
          type: 'saveProfile',
          patch: {
            weekly: {
              mon: ['evening'],
              tue: ['evening'],
              wed: ['afternoon', 'evening'],
              thu: ['evening'],
              sat: ['evening'],
              sun: ['afternoon'],
            },
          },
        },
      ]);
    });

    it('a typed wijk joins the tapped ones', () => {
      const typed = last(
        run([press('edit', 'wijken'), press('toggle', 'overvecht'), text('Lombok en Kanaleneiland')]),
      );
      expect(typed.effects).toEqual([]);
      expect(typed.replies[0]?.text).toContain('Toegevoegd: West, Zuidwest.');
      expect(typed.state?.draft).toMatchObject({
        wijken: ['leidsche-rijn', 'overvecht', 'west', 'zuidwest'],
        anywhere: false,
      });
      // "Anywhere" and named wijken exclude each other, as the buttons do: what was just typed wins.
      const anywhere = profileFlow.step(typed.state as ProfileState, text('maakt niet uit'), ctx());
      expect(anywhere.state?.draft).toMatchObject({ wijken: [], anywhere: true });
      const lombok = profileFlow.step(anywhere.state as ProfileState, text('Lombok ook'), ctx());
      expect(lombok.state?.draft).toMatchObject({ wijken: ['west'], anywhere: false });
      expect(lombok.replies[0]?.text).toContain('Toegevoegd: West. Weggehaald: overal in de stad.');
    });

    it.each([
      [
        'maandag niet meer',
        'Weggehaald: ma avond.',
        { tue: ['evening'], wed: ['afternoon', 'evening'], thu: ['evening'] },
      ],
      [
        'alleen het weekend',
        'Weggehaald: ma avond, di avond, wo middag+avond, do avond.',
        { sat: ['morning', 'afternoon', 'evening'], sun: ['morning', 'afternoon', 'evening'] },
      ],
      [
        'woensdagmiddag niet meer, wel vrijdagavond',
        'Toegevoegd: vr avond. Weggehaald: wo middag.',
        { mon: ['evening'], tue: ['evening'], wed: ['evening'], thu: ['evening'], fri: ['evening'] },
      ],
      ['geen', 'Weggehaald: ma avond, di avond, wo middag+avond, do avond.', {}],
      [
        'ma avond',
        'verandert er niets',
        { mon: ['evening'], tue: ['evening'], wed: ['afternoon', 'evening'], thu: ['evening'] },
      ],
    ])('"%s" → "%s"', (typed, said, weekly) => {
      const r = last(run([press('edit', 'availability'), text(typed)], { profile: EVENINGS }));
      expect(r.effects).toEqual([]);
      expect(r.replies[0]?.text).toContain(said);
      expect(r.state?.draft.weekly).toEqual(weekly);
    });

    it('what is not understood is said politely and the selection stays as it was', () => {
      const toggled = last(
        run([press('edit', 'availability'), press('toggle', 'sat:evening')], { profile: EVENINGS }),
      );
      for (const [input, said] of [
        ['soms', 'begrijp ik niet helemaal ("soms")'],
        ['ook', 'begrijp ik niet helemaal'],
        ['alleen niet maandag', 'toevoegen of weghalen'],
      ]) {
        const r = profileFlow.step(toggled.state as ProfileState, text(input as string), ctx());
        expect(r.state).toEqual(toggled.state);
        expect(r.effects).toEqual([]);
        expect(r.replies[0]?.text).toContain(said);
        expect(r.replies[0]?.buttons?.length).toBeGreaterThan(0);
      }
    });

    it('in English too, and for themes', () => {
      const en = ctx('en');
      const r = last(
        run([press('edit', 'availability'), text('not Monday any more')], { profile: EVENINGS, c: en }),
      );
      expect(r.replies[0]?.text).toBe('Removed: Mon evening. Not saved yet: tap Done when it looks right.');
      const themes = last(run([press('edit', 'themes'), text('wonen ook')]));
      expect(themes.effects).toEqual([]);
      expect(themes.state?.draft.themes).toEqual(['klimaat', 'wonen']);
    });
  });

  it('after a save it says so and shows the updated overview', () => {
    const saving = last(run([press('edit', 'max'), text('5')]));
    const after = profileFlow.step(
      saving.state as ProfileState,
      saved({ ...SNAPSHOT, maxPerMonth: 5 }),
      ctx(),
    );
    expect(after.state?.step).toBe('menu');
    expect(after.replies[0]?.text).toBe('Opgeslagen ✓');
    expect(allText(after)).toContain('Maximaal per maand: 5');
  });

  it('a failed save says nothing changed and asks again', () => {
    const saving = last(run([press('edit', 'max'), text('5')]));
    const failed = profileFlow.step(
      saving.state as ProfileState,
      { kind: 'effect', name: 'saveProfile', result: { ok: false, error: 'x' } },
      ctx(),
    );
    expect(failed.state?.step).toBe('max');
    expect(failed.replies[0]?.text).toContain('niets veranderd');
  });

  it('exceptions stay open for the next date, and a date can be removed with its button', () => {
    const withDay = {
      ...SNAPSHOT,
      availability: {
        ...SNAPSHOT.availability,
        exceptions: [{ kind: 'unavailable' as const, date: '2026-12-24' }],
      },
    };
    const saving = last(run([press('edit', 'exceptions'), text('31-12-2026')]));
    const after = profileFlow.step(saving.state as ProfileState, saved(withDay), ctx());
    expect(after.state?.step).toBe('exceptions');
    expect(labels(after)).toContain('🗑️ do 24 dec 2026');
    const again = profileFlow.step(after.state as ProfileState, text('24-12-2026'), ctx());
    expect(again.replies[0]?.text).toContain('al als niet beschikbaar');
    const remove = profileFlow.step(after.state as ProfileState, press('remove', '2026-12-24'), ctx());
    expect(remove.effects).toEqual([{ type: 'saveProfile', patch: { removeException: '2026-12-24' } }]);
  });

  it('/pauze tot <date> saves straight after loading and ends with a confirmation', () => {
    const first = run([], { args: 'pauze tot 1 februari' })[0] as Transition<ProfileState>;
    expect(first.effects).toEqual([{ type: 'saveProfile', patch: { pausedUntil: '2027-02-01' } }]);
    const end = profileFlow.step(
      first.state as ProfileState,
      saved({ ...SNAPSHOT, pausedUntil: '2027-02-01' }),
      ctx(),
    );
    expect(end.state).toBeNull();
    expect(end.replies[0]?.text).toContain('tot en met ma 1 feb 2027');
  });

  it('/pauze with a date in the past explains and asks for another date', () => {
    const first = run([], { args: 'pauze 1-1-2020' })[0] as Transition<ProfileState>;
    expect(first.state?.step).toBe('pause');
    expect(first.effects).toEqual([]);
    expect(first.replies[0]?.text).toContain('verleden');
  });

  it('/pauze uit ends a pause, and says so when there was none', () => {
    const paused = { ...SNAPSHOT, pausedUntil: '2027-02-01' };
    const off = run([], { args: 'pauze uit', profile: paused })[0] as Transition<ProfileState>;
    expect(off.effects).toEqual([{ type: 'saveProfile', patch: { pausedUntil: null } }]);
    const none = run([], { args: 'pauze uit' })[0] as Transition<ProfileState>;
    expect(none.state).toBeNull();
    expect(none.replies[0]?.text).toContain('geen pauze');
  });

  it('back leaves a part without saving; back or "Klaar" at the overview closes', () => {
    const toggled = last(run([press('edit', 'wijken'), press('toggle', 'zuid')]));
    const back = profileFlow.step(toggled.state as ProfileState, press('back'), ctx());
    expect(back.state?.step).toBe('menu');
    expect(back.effects).toEqual([]);
    expect(back.state?.draft).toEqual({});
    expect(profileFlow.step(back.state as ProfileState, text('terug'), ctx()).state).toBeNull();
    const close = profileFlow.step(back.state as ProfileState, press('close'), ctx());
    expect(close.state).toBeNull();
    expect(close.replies[0]?.text).toContain('/profiel');
  });

  it('speaks English to an English-speaking volunteer', () => {
    const menu = run([], { c: ctx('en') })[0] as Transition<ProfileState>;
    expect(allText(menu)).toContain('Your profile');
    const bad = profileFlow.step(
      last(run([press('edit', 'max')], { c: ctx('en') })).state as ProfileState,
      text('25'),
      ctx('en'),
    );
    expect(bad.replies[0]?.text).toContain('the maximum is 20');
  });
});

describe('routing /profiel and /pauze', () => {
  it('starts the profile for a volunteer; a partner is told it is for volunteers', () => {
    const v = decide(null, { kind: 'text', text: '/profiel' }, ctx());
    expect(v.active?.flow).toBe('profile');
    expect(v.effects).toEqual([{ type: 'loadProfile' }]);
    const p = decide(null, { kind: 'text', text: '/profile' }, ctx('nl', ['PARTNER']));
    expect(p.active).toBeNull();
    expect(p.replies[0]?.text).toContain('alleen als vrijwilliger');
    const pause = decide(null, { kind: 'text', text: '/pause until 1 February' }, ctx());
    expect(pause.active?.state).toMatchObject({ open: { section: 'pause', args: 'until 1 February' } });
  });

  it('"stop" ends the profile anywhere', () => {
    const open = last(run([press('edit', 'availability')]));
    const d = decide({ flow: 'profile', state: open.state }, { kind: 'text', text: 'stop' }, ctx());
    expect(d.active).toBeNull();
  });

  it('after signing up, a volunteer is offered the profile with a button that opens it', () => {
    const c: FlowContext = { ...ctx(), person: { ...ctx().person, onboarded: false, roles: [] } };
    const end = onboardingFlow.step(
      { step: 'completing', role: 'VOLUNTEER', name: 'Joost' },
      { kind: 'effect', name: 'completeOnboarding', result: { ok: true } },
      c,
    );
    expect(end.state).toBeNull();
    const offer = end.replies[1];
    expect(offer?.text).toContain('profiel invullen');
    const button = offer?.buttons?.[0]?.[0];
    expect(button).toMatchObject({ action: 'command', value: 'profiel' });
    const opened = decide(null, { kind: 'button', action: 'command', value: button?.value }, ctx());
    expect(opened.active?.flow).toBe('profile');
  });
});
