import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/** Prometheus metrics of one app instance. Labels never carry personal data (only platform, kind, outcome). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'dialoog_' });
  return {
    registry,
    inbound: new Counter({
      name: 'dialoog_inbound_events_total',
      help: 'Inbound chat events by platform, kind and outcome (new or duplicate)',
      labelNames: ['platform', 'kind', 'outcome'] as const,
      registers: [registry],
    }),
    outbound: new Counter({
      name: 'dialoog_outbound_messages_total',
      help: 'Outbound messages by platform and outcome',
      labelNames: ['platform', 'outcome'] as const,
      registers: [registry],
    }),
    flowErrors: new Counter({
      name: 'dialoog_flow_errors_total',
      help: 'Inbound events whose processing failed (the person got an apology)',
      registers: [registry],
    }),
    remindersSent: new Counter({
      name: 'dialoog_reminders_sent_total',
      help: 'Reminders handed to the outbound queue',
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'dialoog_outbound_queue_depth',
      help: 'Outbound delivery jobs waiting, delayed or active',
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
