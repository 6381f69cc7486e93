import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'audit-'));

/** Runs scripts/audit.mjs on a recorded `npm audit --json` answer. */
function runAudit(answer: unknown) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof answer === 'string' ? answer : JSON.stringify(answer));
  const r = spawnSync(process.execPath, ['scripts/audit.mjs'], {
    encoding: 'utf8',
    env: { ...process.env, AUDIT_JSON: file },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const report = (vulnerabilities: Record<string, unknown>, high = 0, critical = 0) => ({
  auditReportVersion: 2,
  vulnerabilities,
  metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high, critical, total: 1 + high + critical } },
});

describe('scripts/audit.mjs (npm audit in CI)', () => {
  it('fails on a high or critical advisory and names the package', () => {
    const r = runAudit(
      report(
        {
          fastify: {
            name: 'fastify',
            severity: 'high',
            via: [{ title: 'Content-Type parsing bypass', severity: 'high' }],
          },
          left: { name: 'left', severity: 'low', via: [] },
        },
        1,
      ),
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('fastify (high): Content-Type parsing bypass');
    expect(r.out).not.toContain('left (low)');
  });

  it('passes with only low or moderate findings', () => {
    const r = runAudit(report({ left: { name: 'left', severity: 'moderate', via: [] } }));
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 critical, 0 high');
  });

  it('a registry without the advisory endpoint (405) gives one warning line and exit 0', () => {
    const r = runAudit({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toMatch(/^WARNING: npm audit skipped: .*\(HTTP 405\)/);
  });

  it('output it cannot read fails rather than passing silently', () => {
    expect(runAudit('npm ERR! something else').code).toBe(2);
  });
});
