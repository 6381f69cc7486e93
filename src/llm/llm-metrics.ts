import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** LLM metrics on the app's registry. Labels: prompt id and outcome only, never content. */
export function createLlmMetrics(registry: Registry) {
  return {
    requests: getOrCreate(
      registry,
      'dialoog_llm_requests_total',
      () =>
        new Counter({
          name: 'dialoog_llm_requests_total',
          help: 'LLM calls by prompt and outcome (ok, disabled, timeout, refused, invalid, budget, error)',
          labelNames: ['prompt', 'outcome'] as const,
          registers: [registry],
        }),
    ),
    tokens: getOrCreate(
      registry,
      'dialoog_llm_tokens_total',
      () =>
        new Counter({
          name: 'dialoog_llm_tokens_total',
          help: 'Tokens used by LLM calls, by prompt and kind (prompt, completion)',
          labelNames: ['prompt', 'kind'] as const,
          registers: [registry],
        }),
    ),
    duration: getOrCreate(
      registry,
      'dialoog_llm_request_duration_seconds',
      () =>
        new Histogram({
          name: 'dialoog_llm_request_duration_seconds',
          help: 'Wall time of LLM calls including retries, by prompt',
          labelNames: ['prompt'] as const,
          buckets: [0.25, 0.5, 1, 2, 4, 8, 15, 30],
          registers: [registry],
        }),
    ),
    budgetRemaining: getOrCreate(
      registry,
      'dialoog_llm_budget_remaining_tokens',
      () =>
        new Gauge({
          name: 'dialoog_llm_budget_remaining_tokens',
          help: "Tokens left in today's LLM budget (this process)",
          registers: [registry],
        }),
    ),
  };
}
export type LlmMetrics = ReturnType<typeof createLlmMetrics>;

/** Two clients on one registry (tests, CLI + server) share the metric instead of throwing. */
function getOrCreate<M>(registry: Registry, name: string, make: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? make();
}
