import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. We log ids, never message text, names, addresses or tokens; the redaction
 * below is a safety net for fields that must never appear even if someone logs a whole object.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'dialoogbot' },
      redact: {
        paths: [
          'text',
          '*.text',
          'payload',
          '*.payload',
          'token',
          '*.token',
          'secret',
          '*.secret',
          'headers.authorization',
          'req.headers.authorization',
          'req.headers["x-telegram-bot-api-secret-token"]',
          'req.headers["x-slack-signature"]',
          'email',
          '*.email',
          'phone',
          '*.phone',
          'displayName',
          '*.displayName',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
