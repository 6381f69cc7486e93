/**
 * Fills a catalogue text: {name} becomes the parameter as plain text, and {count|dag|dagen} the
 * word for one or for more, following the language's plural rules for `count`. A placeholder
 * without a parameter stays as it is (a missing value shows, it does not crash a conversation).
 */
export function fill(template: string, locale: 'nl' | 'en', params: Record<string, string | number>): string {
  return template
    .replace(PLURAL, (whole, name: string, one: string, other: string) => {
      const n = name in params ? Number(params[name]) : Number.NaN;
      if (Number.isNaN(n)) return whole;
      return pluralRules[locale].select(n) === 'one' ? one : other;
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** {count|one|other}: the word for one, then the word for more (or none). */
const PLURAL = /\{(\w+)\|([^{}|]*)\|([^{}|]*)\}/g;
const pluralRules = { nl: new Intl.PluralRules('nl'), en: new Intl.PluralRules('en') };
