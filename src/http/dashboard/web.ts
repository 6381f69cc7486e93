import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLocale, type Locale, type MessageKey, t } from '../../i18n/index.ts';
import { CSP, html, page } from './html.ts';

export const COOKIE = 'dialoog_dashboard';

/** Reads one cookie from the request (no cookie plugin needed for a single value). */
export function readCookie(req: FastifyRequest, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** HttpOnly, SameSite=Strict, scoped to /dashboard; Secure when we are served over https. */
export function sessionCookie(value: string, opts: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${COOKIE}=${value}`,
    'Path=/dashboard',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${opts.maxAgeSeconds}`,
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}

/**
 * State-changing requests must come from our own pages: the browser's Origin must be ours (the
 * public URL, or the host the request was sent to). A missing Origin is refused too.
 */
export function sameOrigin(req: FastifyRequest, publicUrl: string | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (publicUrl && new URL(publicUrl).origin === origin) return true;
  return host === req.headers.host;
}

/** The language for someone we do not know yet: the browser's preference, else the default. */
export function browserLocale(req: FastifyRequest, fallback: Locale): Locale {
  const first = (req.headers['accept-language'] ?? '').split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return isLocale(first) ? first : fallback;
}

export const asLocale = (value: string | undefined, fallback: Locale): Locale =>
  isLocale(value) ? value : fallback;

/** Sends a dashboard page with the headers every page gets (no caching, no framing, strict CSP). */
export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', CSP)
    .header('x-frame-options', 'DENY')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .send(body);
}

/** A short page with one message (refusals, signed out, please sign in). */
export function messagePage(
  reply: FastifyReply,
  status: number,
  l: Locale,
  heading: MessageKey,
  text: MessageKey,
  testid: string,
): FastifyReply {
  const body = html`<div class="card"><p data-testid="${testid}">${t(l, text)}</p></div>`;
  return sendPage(reply, status, page({ locale: l, title: t(l, heading), body }));
}

/** A refusal page ("this link does not work", "coordinators only", "not from our pages"). */
export const refusal = (reply: FastifyReply, status: number, l: Locale, text: MessageKey, testid: string) =>
  messagePage(reply, status, l, 'dashboard.refused.heading', text, testid);
