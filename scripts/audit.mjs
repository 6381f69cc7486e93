#!/usr/bin/env node
// CI's dependency audit: fails on high or critical advisories in the packages the bot runs with.
//
//   node scripts/audit.mjs            audit production dependencies (the gate), then dev ones (a warning)
//   AUDIT_DEV=fail node scripts/…     let high/critical findings in dev dependencies fail too
//   AUDIT_JSON=<file> …               read `npm audit --json` output from a file (tests; one file for both runs)
//
// When the registry does not serve the advisory endpoint (a mirror answering 405, or no network),
// it prints one warning line and exits 0: an audit that cannot run proves nothing either way, and
// CI should not fail on the mirror. See docs/security.md.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const FAILING = ['high', 'critical'];

function audit(omitDev) {
  if (process.env.AUDIT_JSON) return readFileSync(process.env.AUDIT_JSON, 'utf8');
  const args = ['audit', '--audit-level=high', '--json', ...(omitDev ? ['--omit=dev'] : [])];
  const r = spawnSync('npm', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r.stdout;
}

/** Returns { unavailable: reason } when the registry could not answer, else the parsed report. */
function parse(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return { invalid: true };
  }
  if (json?.metadata?.vulnerabilities) return { report: json };
  const status = json?.statusCode ?? json?.error?.statusCode;
  const code = json?.code ?? json?.error?.code;
  if (
    status ||
    code ||
    /audit endpoint|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(JSON.stringify(json))
  ) {
    return { unavailable: status ? `HTTP ${status}` : (code ?? 'no answer') };
  }
  return { invalid: true };
}

/** "name (severity): advisory title" for every high/critical package. */
function failing(report) {
  return Object.values(report.vulnerabilities ?? {})
    .filter((v) => FAILING.includes(v.severity))
    .map((v) => {
      const titles = (v.via ?? []).filter((x) => typeof x === 'object').map((x) => x.title);
      return `${v.name} (${v.severity})${titles.length ? `: ${[...new Set(titles)].join('; ')}` : ''}`;
    });
}

const counts = (report) => {
  const m = report.metadata.vulnerabilities;
  return `${m.critical} critical, ${m.high} high, ${m.moderate} moderate, ${m.low} low`;
};

const prod = parse(audit(true));
if (prod.unavailable) {
  const registry = spawnSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).stdout?.trim();
  console.warn(
    `WARNING: npm audit skipped: the registry ${registry || ''} does not serve security advisories (${prod.unavailable}); no verdict on dependencies.`,
  );
  process.exit(0);
}
if (prod.invalid) {
  console.error('npm audit: could not read its output (expected JSON from `npm audit --json`).');
  process.exit(2);
}
const bad = failing(prod.report);
console.log(`npm audit (production dependencies): ${counts(prod.report)}`);
for (const line of bad) console.log(`  ${line}`);

let devBad = [];
const dev = process.env.AUDIT_JSON ? null : parse(audit(false));
if (dev?.report) {
  const prodNames = new Set(Object.keys(prod.report.vulnerabilities ?? {}));
  devBad = failing(dev.report).filter((line) => !prodNames.has(line.split(' ')[0]));
  if (devBad.length) {
    console.warn(
      `npm audit (dev dependencies only): ${devBad.length} high/critical, reported but not failing:`,
    );
    for (const line of devBad) console.warn(`  ${line}`);
  }
}

if (bad.length > 0 || (process.env.AUDIT_DEV === 'fail' && devBad.length > 0)) {
  console.error('npm audit: high or critical advisories found; update the packages above (`npm audit fix`).');
  process.exit(1);
}
