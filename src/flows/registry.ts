import { broadcastFlow } from './broadcast-flow.ts';
import { codesignFlow } from './codesign-flow.ts';
import { outcomeFlow } from './harvest/close-loop.ts';
import { harvestFlow } from './harvest/harvest-flow.ts';
import { intakeFlow } from './intake/intake-flow.ts';
import { moveFlow } from './move-flow.ts';
import { onboardingFlow } from './onboarding.ts';
import { profileFlow } from './profile/profile-flow.ts';
import type { FlowDefinition } from './types.ts';

// biome-ignore lint/suspicious/noExplicitAny: each flow has its own state type; the engine treats them alike.
export type AnyFlow = FlowDefinition<any>;

/** Every conversation flow by name (the name is persisted with the state). */
export const FLOWS: Record<string, AnyFlow> = {
  [onboardingFlow.name]: onboardingFlow,
  [intakeFlow.name]: intakeFlow,
  [moveFlow.name]: moveFlow,
  [codesignFlow.name]: codesignFlow,
  [profileFlow.name]: profileFlow,
  [harvestFlow.name]: harvestFlow,
  [broadcastFlow.name]: broadcastFlow,
  [outcomeFlow.name]: outcomeFlow,
};
