/** Catalogue problems seen while the fuzz ran: missing keys and placeholders left unfilled. */
export const i18nProblems: string[] = [];

type T = (locale: 'nl' | 'en', key: string, params?: Record<string, string | number>) => string;

/** Wraps the real `t` so every lookup is checked against the catalogue. */
export function probeT(orig: { t: T; hasKey: (key: string) => boolean }): T {
  return (locale, key, params = {}) => {
    if (!orig.hasKey(key)) i18nProblems.push(`missing key ${key}`);
    else {
      const template = orig.t(locale, key, {});
      for (const [, name] of template.matchAll(/\{(\w+)\}/g))
        if (!(name && name in params)) i18nProblems.push(`${key}: placeholder {${name}} not filled`);
      for (const [name, value] of Object.entries(params))
        if (value === undefined || (typeof value === 'number' && !Number.isFinite(value)))
          i18nProblems.push(`${key}: {${name}} is ${String(value)}`);
    }
    return orig.t(locale, key, params);
  };
}
