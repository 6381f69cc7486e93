import { type Locale, type MessageKey, t } from '../../i18n/index.ts';

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** HTML that is already safe (built from escaped parts); plain strings are always escaped. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Tagged template: interpolated values are escaped unless they are Html (or arrays of Html). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

function render(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return esc(v);
}

/** Pages are self-contained: no scripts, styles inline (the CSP allows nothing else). */
export const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
header{background:#24405c;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none;padding:.2rem .4rem;border-radius:4px}
header a[aria-current=page]{background:#3d6690}
header form{margin-left:auto;display:flex;gap:.6rem;align-items:center}
main{padding:1rem 1.4rem;max-width:1100px}
table{border-collapse:collapse;background:#fff;margin:.4rem 0 1.2rem;width:100%}
th,td{border:1px solid #d8dde4;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.92rem}
th{background:#eef1f5}
.missing{color:#a4260e;font-weight:600}.ok{color:#1f6b2f}
.card{background:#fff;border:1px solid #d8dde4;border-radius:6px;padding:1rem;margin:.6rem 0;max-width:34rem}
button,.button{font:inherit;padding:.4rem .9rem;border-radius:4px;border:1px solid #24405c;background:#24405c;color:#fff;cursor:pointer;text-decoration:none;display:inline-block;margin:.2rem .3rem .2rem 0}
header button{background:transparent;border-color:#fff}
.pager{display:flex;gap:1rem;align-items:center}
`;

export interface Shell {
  locale: Locale;
  title: string;
  /** The signed-in coordinator (null: a public page such as the sign-in link). */
  user?: { name: string } | null;
  /** Which navigation entry is current. */
  current?: string;
  body: Html;
}

const NAV: [string, MessageKey][] = [
  ['/dashboard', 'dashboard.nav.pipeline'],
  ['/dashboard/calendar', 'dashboard.nav.calendar'],
  ['/dashboard/fairness', 'dashboard.nav.fairness'],
  ['/dashboard/themes', 'dashboard.nav.themes'],
  ['/dashboard/audit', 'dashboard.nav.audit'],
  ['/dashboard/exports', 'dashboard.nav.exports'],
  ['/dashboard/queues', 'dashboard.nav.queues'],
];

/** The whole document around a page's body. */
export function page(s: Shell): string {
  const l = s.locale;
  const nav = s.user
    ? html`<nav>${NAV.map(
        ([href, key]) =>
          html`<a href="${href}" ${new Html(s.current === href ? 'aria-current="page"' : '')}>${t(l, key)}</a> `,
      )}</nav>
      <form method="post" action="/dashboard/logout">
        <span data-testid="signed-in-as">${t(l, 'dashboard.signed_in_as', { name: s.user.name })}</span>
        <button type="submit" data-testid="sign-out">${t(l, 'dashboard.sign_out')}</button>
      </form>`
    : '';
  return html`<!doctype html>
<html lang="${l}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta name="referrer" content="same-origin">
<title>${s.title} – ${t(l, 'dashboard.title')}</title><style>${new Html(STYLE)}</style></head>
<body><header><strong>${t(l, 'dashboard.title')}</strong>${nav}</header>
<main><h1>${s.title}</h1>${s.body}</main></body></html>`.value;
}
