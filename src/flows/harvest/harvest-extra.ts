import type { EffectScope } from '../effects.ts';
import type { Effect, EffectResult } from '../types.ts';
import { loadOutcomeTarget, saveOutcome } from './close-loop.ts';
import { reflectionsCommand } from './reflections.ts';
import { stakeholderCommand } from './stakeholders.ts';

/** Stakeholders, reflections and "what was done with it"; each checks who may use it. */
export async function runHarvestExtra(
  effect: Extract<Effect, { type: 'harvestExtra' }>,
  s: EffectScope,
): Promise<EffectResult> {
  switch (effect.op) {
    case 'stakeholders':
      return stakeholderCommand(effect.args, s);
    case 'reflections':
      return reflectionsCommand(effect.args, s);
    case 'outcomeLoad':
      return loadOutcomeTarget(effect.args, s);
    case 'outcomeSave':
      return saveOutcome(effect.sessionId ?? '', effect.args, s);
  }
}
