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
    withCapture(destination),
  );
}

let capture: pino.DestinationStream | undefined;

/**
 * Tests set LOG_CAPTURE_DIR: every line is then also appended to a file per process there, and the
 * test run fails when any line holds a token, an e-mail address or a phone number.
 */
function withCapture(destination?: pino.DestinationStream): pino.DestinationStream | undefined {
  const dir = process.env.LOG_CAPTURE_DIR;
  if (!dir) return destination;
  capture ??= pino.destination({
    dest: `${dir}/${process.pid}.ndjson`,
    append: true,
    sync: true,
    mkdir: true,
  });
  return pino.multistream([
    { level: 'trace', stream: destination ?? pino.destination(1) },
    { level: 'trace', stream: capture },
  ]);
}
