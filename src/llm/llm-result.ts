/** Why an LLM call gave no usable answer. Every caller has a fallback for each of these. */
export const LLM_FAILURE_REASONS = ['disabled', 'timeout', 'refused', 'invalid', 'budget', 'error'] as const;
export type LlmFailureReason = (typeof LLM_FAILURE_REASONS)[number];

export interface TokenUsage {
  prompt: number;
  completion: number;
}

/** The outcome of one LLM call: a validated value, or a reason. Expected failures are values, not throws. */
export type LlmResult<T> =
  | { ok: true; value: T; usage: TokenUsage }
  | { ok: false; reason: LlmFailureReason };

export const llmFailure = <T>(reason: LlmFailureReason): LlmResult<T> => ({ ok: false, reason });
