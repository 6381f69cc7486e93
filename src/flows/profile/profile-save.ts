import { type FlowContext, type Reply, stay, type Transition } from '../types.ts';
import type { ProfilePatch, ProfileState, Section } from './profile-state.ts';
import { promptFor } from './profile-view.ts';

type Result = Transition<ProfileState>;

/** Asks the shell to save one change; the result comes back as a `saveProfile` effect input. */
export function save(
  state: ProfileState,
  patch: ProfilePatch,
  from: Section,
  kind: 'field' | 'pause' | 'unpause' = 'field',
  note?: string,
): Result {
  return stay(
    { ...state, step: 'saving', saving: { from, kind, note } },
    [],
    [{ type: 'saveProfile', patch }],
  );
}

/** Where to go after a change (or a no-op): exceptions stay open for the next date; else overview or end. */
export function after(state: ProfileState, replies: Reply[], ctx: FlowContext): Result {
  const from = state.saving?.from ?? state.step;
  if (from === 'exceptions') {
    const next: ProfileState = { ...state, step: 'exceptions', saving: undefined };
    return stay(next, [...replies, ...promptFor(next, ctx)]);
  }
  if (state.returnTo === 'end') return { state: null, replies, effects: [] };
  const menu: ProfileState = { ...state, step: 'menu', draft: {}, saving: undefined };
  return stay(menu, [...replies, ...promptFor(menu, ctx)]);
}
