import { type ActiveFlow, decide } from '../../src/flows/engine.ts';
import { FLOWS } from '../../src/flows/registry.ts';
import type { ButtonSpec, Effect, FlowContext, FlowInput, PersonView, Reply } from '../../src/flows/types.ts';
import { type FuzzStep, LEAK_MARKERS } from './flow-arbitraries.ts';
import { FlowWorld } from './flow-world.ts';
import { i18nProblems } from './i18n-probe.ts';

const MAX_EFFECT_ROUNDS = 5; // as in src/flows/shell.ts
/** Effects whose results the shell feeds back into the flow (the rest answer from the shell itself). */
const ANSWERED_ELSEWHERE = new Set([
  'broadcastDraft',
  'harvestExtra',
  'dashboard',
  'offer',
  'action',
  'link',
  'coordinator',
  'privacy',
  'overview',
  'listMySessions',
  'listMyRequests',
]);

export interface FuzzStats {
  steps: number;
  stepsInTarget: number;
}

/** The way into each flow, as a person would take it. */
export const START: Record<string, FlowInput[]> = {
  onboarding: [
    { kind: 'text', text: 'hallo' },
    { kind: 'command', command: 'start', args: 'DEMO-VRIJWILLIGER' },
  ],
  intake: [
    { kind: 'command', command: 'aanvragen', args: '' },
    {
      kind: 'text',
      text: 'Wij willen op dinsdag 8 december een dialoog over eenzaamheid met 15 ouderen in Overvecht',
    },
  ],
  move: [{ kind: 'button', action: 'act.session.move', value: 'session-1' }],
  codesign: [{ kind: 'command', command: 'gespreksvorm', args: '#3' }],
  profile: [
    { kind: 'command', command: 'profiel', args: '' },
    { kind: 'command', command: 'pauze', args: 'tot 1 februari' },
  ],
  harvest: [{ kind: 'command', command: 'oogst', args: '' }],
  outcome: [
    { kind: 'command', command: 'opbrengst', args: '' },
    { kind: 'command', command: 'opbrengst', args: '#2' },
  ],
  broadcast: [
    { kind: 'command', command: 'rondsturen', args: '' },
    { kind: 'command', command: 'rondsturen', args: 'overvecht senior' },
    { kind: 'command', command: 'rondsturen', args: 'nergens' },
  ],
};

const org = { id: 'o1', name: 'Buurtteam Oost' };
const person = (over: Partial<PersonView>): PersonView => ({
  id: 'p1',
  displayName: 'Sam',
  locale: 'nl',
  roles: ['PARTNER'],
  onboarded: true,
  organisations: [org],
  ...over,
});
/** Who uses each flow (several shapes of person each). */
export const PERSONAS: Record<string, PersonView[]> = {
  onboarding: [person({ roles: [], onboarded: false, organisations: [] })],
  intake: [
    person({}),
    person({ organisations: [] }),
    person({ organisations: [org, { id: 'o2', name: 'Wijkcentrum' }] }),
    person({ roles: ['COORDINATOR'], organisations: [] }),
  ],
  move: [person({}), person({ roles: ['PARTNER', 'COORDINATOR'] })],
  codesign: [person({ roles: ['COORDINATOR'], organisations: [] })],
  profile: [
    person({ roles: ['VOLUNTEER'], organisations: [] }),
    person({ roles: ['VOLUNTEER', 'COORDINATOR'] }),
  ],
  harvest: [person({ roles: ['VOLUNTEER'], organisations: [] })],
  outcome: [person({}), person({ roles: ['COORDINATOR'], organisations: [] })],
  broadcast: [person({ roles: ['COORDINATOR'], organisations: [] })],
};

const BASE = Date.parse('2026-11-29T10:00:00Z');

/** Runs one random sequence against the engine and the flows; throws at the first broken rule. */
export function runSequence(
  flow: string,
  who: PersonView,
  startPick: number,
  steps: FuzzStep[],
  stats: FuzzStats,
) {
  const world = new FlowWorld();
  let ctx: FlowContext = {
    now: new Date(BASE),
    zone: 'Europe/Amsterdam',
    locale: who.locale,
    person: { ...who },
  };
  let active: ActiveFlow | null = null;
  let current: ButtonSpec[] = [];
  const shown: ButtonSpec[] = [];
  const starts = START[flow] ?? [];
  const startInput = starts[startPick % starts.length] as FlowInput;

  const turn = (input: FlowInput, step: FuzzStep | null, label: string) => {
    i18nProblems.length = 0;
    const d = decide(active, input, ctx);
    if (d.locale !== ctx.locale)
      ctx = { ...ctx, locale: d.locale, person: { ...ctx.person, locale: d.locale } };
    active = d.active;
    checkState(active, label);
    const replies: Reply[] = [...d.replies];
    let pending: Effect[] = d.effects;
    let answeredElsewhere = d.effects.some((e) => ANSWERED_ELSEWHERE.has(e.type));
    let n = 0;
    for (let round = 0; pending.length > 0 && round < MAX_EFFECT_ROUNDS; round++) {
      const next: Effect[] = [];
      for (const effect of pending) {
        const outcome = step?.outcomes[n++ % step.outcomes.length] ?? { ok: true, pick: 0 };
        const result = world.run(effect, ctx, outcome);
        if (effect.type === 'completeOnboarding' && result.ok)
          ctx = { ...ctx, person: { ...ctx.person, onboarded: true, roles: [effect.role] } };
        if (d.effectsFromFlow && active) {
          const fed = decide(active, { kind: 'effect', name: effect.type, result }, ctx);
          active = fed.active;
          checkState(active, `${label} ← ${effect.type}`);
          replies.push(...fed.replies);
          next.push(...fed.effects);
          if (fed.effects.some((e) => ANSWERED_ELSEWHERE.has(e.type))) answeredElsewhere = true;
        }
      }
      pending = next;
    }
    checkReplies(replies, label);
    if (replies.length === 0 && !answeredElsewhere) throw new Error(`${label}: no answer at all`);
    if (i18nProblems.length) throw new Error(`${label}: ${[...new Set(i18nProblems)].join('; ')}`);
    current = replies.flatMap((r) => (r.buttons ?? []).flat());
    shown.push(...current);
    stats.steps++;
    if (active?.flow === flow) stats.stepsInTarget++;
  };

  turn(startInput, null, `start ${flow}`);
  steps.forEach((step, i) => {
    const input = toInput(step, current, shown, startInput);
    if (input === 'later') {
      ctx = {
        ...ctx,
        now: new Date(ctx.now.getTime() + (step.event.t === 'later' ? step.event.minutes : 0) * 60_000),
      };
      return;
    }
    turn(input, step, `step ${i + 1} (${JSON.stringify(input).slice(0, 120)})`);
  });
}

function toInput(
  step: FuzzStep,
  current: ButtonSpec[],
  shown: ButtonSpec[],
  start: FlowInput,
): FlowInput | 'later' {
  const e = step.event;
  switch (e.t) {
    case 'text':
      return { kind: 'text', text: e.text };
    case 'button': {
      const pool = e.from === 'current' && current.length ? current : shown;
      const b = pool.length ? pool[e.index % pool.length] : undefined;
      return b ? { kind: 'button', action: b.action, value: b.value } : start;
    }
    case 'foreignButton':
      return { kind: 'button', action: e.action, value: e.value };
    case 'media':
      return { kind: 'media', mediaKind: e.mediaKind };
    case 'form':
      return { kind: 'form', form: 'intake', values: e.values };
    case 'locale':
      return e.viaButton
        ? { kind: 'button', action: 'setLocale', value: e.value }
        : { kind: 'command', command: 'taal', args: e.value };
    case 'restart':
      return start;
    case 'later':
      return 'later';
  }
}

/** The state as it would be stored (JSON) must parse with the flow's schema, or restoring it would reset. */
function checkState(active: ActiveFlow | null, label: string) {
  if (!active) return;
  const def = FLOWS[active.flow];
  if (!def) throw new Error(`${label}: unknown flow ${active.flow}`);
  const stored = JSON.parse(JSON.stringify(active.state));
  const parsed = def.schema.safeParse(stored);
  if (!parsed.success)
    throw new Error(`${label}: ${active.flow} state does not parse: ${parsed.error.message}`);
}

function checkReplies(replies: Reply[], label: string) {
  for (const r of replies) {
    if (typeof r.text !== 'string' || r.text.trim() === '') throw new Error(`${label}: empty reply`);
    const texts = [r.text, ...(r.buttons ?? []).flat().map((b) => b.label)];
    for (const text of texts)
      for (const m of LEAK_MARKERS)
        if (text.includes(m)) throw new Error(`${label}: reply shows "${m}": ${text.slice(0, 200)}`);
    for (const b of (r.buttons ?? []).flat())
      if (!b.label.trim() || !b.action) throw new Error(`${label}: button without label or action`);
  }
}
