import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The log lines of every app a test run starts go to LOG_CAPTURE_DIR (one file per process, see
 * src/logger.ts); at the end of the run they are checked for anything that must never be logged.
 */
export const LOG_CAPTURE_ENV = 'LOG_CAPTURE_DIR';

/** Fake secrets the tests configure: none may ever reach a log line. */
const TEST_SECRETS = [
  'xoxb-fake',
  '123456:TEST-token-not-real',
  'TEST-token-not-real',
  'test_webhook_secret-not-real',
  'test-signing-secret-not-real',
  'sk-test',
];

const PATTERNS: { kind: string; re: RegExp }[] = [
  { kind: 'slack token', re: /\bxox[abpors]-[A-Za-z0-9-]+|\bxapp-[A-Za-z0-9-]+/ },
  { kind: 'bearer token', re: /\bBearer\s+[A-Za-z0-9._~+/-]{6,}/i },
  { kind: 'bot token', re: /(?<!\d)\d{5,}:[A-Za-z0-9_-]{20,}/ },
  { kind: 'e-mail address', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/ },
  {
    kind: 'phone number',
    // +31 6 1234 5678, 0031…, 06-12345678, 030-1234567, +44 20 7946 0958.
    re: /(?<![\d.])(?:\+|\b00)[1-9]\d{0,2}[ .-]?(?:\(0\)[ .-]?)?\d(?:[ .-]?\d){6,12}\b|(?<![\d.])\b0\d{1,3}[ -]?\d{6,8}\b|(?<![\d.])\b06[ -]?\d{8}\b/,
  },
];

export interface LeakFinding {
  file: string;
  kind: string;
  /** The offending part, masked, and where it was. */
  excerpt: string;
}

export interface LeakReport {
  files: number;
  lines: number;
  findings: LeakFinding[];
}

const mask = (s: string) => (s.length <= 4 ? '****' : `${s.slice(0, 3)}…(${s.length} chars)`);

/** Checks one log line; the JSON "time" field and pino's numeric fields are not personal data. */
export function findLeaks(line: string): { kind: string; match: string }[] {
  const out: { kind: string; match: string }[] = [];
  for (const secret of TEST_SECRETS)
    if (line.includes(secret)) out.push({ kind: 'test secret', match: secret });
  for (const { kind, re } of PATTERNS) {
    const m = re.exec(line);
    if (m) out.push({ kind, match: m[0] });
  }
  return out;
}

export function scanCapturedLogs(dir: string | undefined): LeakReport {
  const report: LeakReport = { files: 0, lines: 0, findings: [] };
  if (!dir || !existsSync(dir)) return report;
  for (const name of readdirSync(dir)) {
    report.files++;
    const lines = readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean);
    for (const line of lines) {
      report.lines++;
      for (const f of findLeaks(line)) {
        const msg = /"msg":"([^"]{0,80})/.exec(line)?.[1] ?? '';
        report.findings.push({ file: name, kind: f.kind, excerpt: `${mask(f.match)} in "${msg}"` });
      }
    }
  }
  return report;
}

/** One line for the run's summary, plus the findings (at most 20) when there are any. */
export function describeLeaks(r: LeakReport): string[] {
  if (r.findings.length === 0)
    return [
      `log check: ${r.lines} log lines from ${r.files} processes, no tokens, e-mail addresses or phone numbers`,
    ];
  return [
    `LOG LEAK: ${r.findings.length} finding(s) in ${r.lines} log lines (tokens, e-mail addresses or phone numbers must never be logged):`,
    ...r.findings.slice(0, 20).map((f) => `  ${f.kind}: ${f.excerpt} [${f.file}]`),
  ];
}
