import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.join(' or ')}//`,
  );

const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Amsterdam');

/** The environment, as ARCHITECTURE.md names it. Parsed once at boot. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only (at most 64)')
    .default('dialoog'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  // Webhook, Slack request and dashboard paths hang off the root, and the dashboard compares Origin with it.
  PUBLIC_URL: url(['https:', 'http:'])
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.pathname === '/' && !u.search && !u.hash;
      } catch {
        return false;
      }
    }, 'must be the address of the bot’s own host, without a path (e.g. https://dialoog.example.org)')
    .optional(),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]+$/, 'looks like 123456:ABC-…')
    .optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, '1–256 characters of A–Z a–z 0–9 _ -')
    .optional(),
  TELEGRAM_MODE: z.enum(['webhook', 'polling']).optional(),
  TELEGRAM_API_ROOT: url(['https:', 'http:']).optional(),
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().min(1).optional(),
  SLACK_API_URL: url(['https:', 'http:']).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: url(['https:', 'http:']).optional(),
  OPENAI_MODEL: z.string().min(1).optional(),
  /** Speech-to-text model for voice notes (OpenAI-compatible /audio/transcriptions). */
  OPENAI_TRANSCRIBE_MODEL: z.string().min(1).default('whisper-1'),
  /** Model that reads photos (vision); defaults to OPENAI_MODEL. */
  OPENAI_VISION_MODEL: z.string().min(1).optional(),
  APP_TIMEZONE: timezone.default('Europe/Amsterdam'),
  DEFAULT_LOCALE: z.enum(['nl', 'en']).default('nl'),
  LOCAL_CHAT: bool.optional(),
  DEMO_DATA: bool.optional(),
  /** Past demo dialogues with harvests (so /oogst, /reflecties and the digest can be tried); off under NODE_ENV=test. */
  DEMO_DIALOGUES: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CONVERSATION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Days after which the text of logged messages is erased (the rows stay for counts). */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Days after approval after which a harvest's raw notes and media are deleted (the approved harvest stays). */
  HARVEST_RAW_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(60),
  /** The coordinators' monthly harvest digest in chat (default on; off under NODE_ENV=test). */
  MONTHLY_DIGEST: bool.optional(),
  /** all: everything in one process; http: webhooks and flows; worker: queues and timers (src/roles.ts). */
  APP_ROLE: z.enum(['all', 'http', 'worker']).default('all'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Env {
  telegramEnabled: boolean;
  slackEnabled: boolean;
  localChatEnabled: boolean;
  demoData: boolean;
  demoDialogues: boolean;
  llmEnabled: boolean;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/** Parses the environment; throws ConfigError with one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "unset" (common in .env files and CI templates).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration — ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const telegramEnabled = Boolean(e.TELEGRAM_BOT_TOKEN);
  const slackEnabled = Boolean(e.SLACK_BOT_TOKEN && (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN));
  if (e.SLACK_BOT_TOKEN && !slackEnabled) {
    throw new ConfigError(
      'Invalid configuration — SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set',
    );
  }
  if (telegramEnabled && (e.TELEGRAM_MODE ?? (e.PUBLIC_URL ? 'webhook' : 'polling')) === 'webhook') {
    if (!e.TELEGRAM_WEBHOOK_SECRET) {
      throw new ConfigError(
        'Invalid configuration — TELEGRAM_WEBHOOK_SECRET: required when Telegram runs in webhook mode',
      );
    }
  }
  if (e.APP_ROLE !== 'all' && !e.DATABASE_URL) {
    throw new ConfigError(
      `Invalid configuration — APP_ROLE: "${e.APP_ROLE}" needs DATABASE_URL (the embedded database allows only one process; use APP_ROLE=all)`,
    );
  }
  return {
    ...e,
    telegramEnabled,
    slackEnabled,
    localChatEnabled: e.LOCAL_CHAT ?? (!telegramEnabled && !slackEnabled),
    demoData: e.DEMO_DATA ?? e.NODE_ENV !== 'production',
    demoDialogues: e.DEMO_DIALOGUES ?? e.NODE_ENV !== 'test',
    llmEnabled: Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL),
  };
}
