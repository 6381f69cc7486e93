import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfilePatchSchema } from '../../flows/profile/profile-state.ts';
import { hasKey, t } from '../../i18n/index.ts';

/** Every action code the code base writes to the audit log (audit({ action }), auditLog.create, audit(who, '…'), SQL). */
function auditedActions(): Set<string> {
  const root = path.resolve(import.meta.dirname, '../..');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('generated'),
  );
  const found = new Set<string>();
  for (const f of files) {
    const text = readFileSync(path.join(root, f), 'utf8');
    if (!/audit/i.test(text)) continue;
    const call =
      /(?:audit\((?:\w+, )?\{|auditLog\.create\(\{\s*data: \{)[^}]*?action: (?:'([a-z_.]+)'|\w+ \? '([a-z_.]+)' : '([a-z_.]+)')/g;
    for (const m of text.matchAll(call)) for (const a of m.slice(1)) if (a) found.add(a);
    for (const m of text.matchAll(/audit\([\w.]+, '([a-z_.]+)'/g)) found.add(m[1] as string);
    // The partner's sign-up written in SQL (src/db/sql-effects.ts).
    for (const m of text.matchAll(/INSERT INTO "AuditLog"[^;]*?'([a-z_]+\.[a-z_.]+)'/g))
      found.add(m[1] as string);
  }
  return found;
}

describe('audit log labels', () => {
  it('every action the code records has words in Dutch and English', () => {
    const actions = auditedActions();
    expect(actions.size).toBeGreaterThan(30);
    expect(actions).toContain('onboarding.completed');
    expect(actions).toContain('request.declined');
    expect(actions).toContain('request.submitted');
    const missing = [...actions].filter((a) => !hasKey(`audit.action.${a}`));
    expect(missing).toEqual([]);
    for (const a of actions) {
      const key = `audit.action.${a}`;
      if (!hasKey(key)) continue;
      expect(t('en', key)).not.toBe(t('nl', key));
    }
  });

  it('every profile field a profile.updated entry can name has words in Dutch and English', () => {
    const missing = ProfilePatchSchema.keyof().options.filter((f) => !hasKey(`audit.field.${f}`));
    expect(missing).toEqual([]);
  });
});
