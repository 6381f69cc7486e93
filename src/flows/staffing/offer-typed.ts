import { t } from '../../i18n/index.ts';
import { staffingScope } from '../actions.ts';
import type { EffectScope } from '../effects.ts';
import type { EffectResult } from '../types.ts';
import { declineOffer } from './offer-responses.ts';
import { when } from './offer-text.ts';
import type { OfferRecord } from './ports.ts';
import { acceptOffer } from './staffing.ts';
import { send } from './staffing-messages.ts';

// A volunteer who answers an offer by typing ("sorry, ik ben op vakantie") instead of pressing ✅/❌.

/** Reason codes matching learns from (the same as the ❌ path's reason buttons). */
export type DeclineCode = 'day' | 'theme' | 'distance';
export type TypedIntent =
  | { intent: 'accept' }
  | { intent: 'decline'; reason: DeclineCode | null }
  | { intent: 'unclear' };

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'");

const NO =
  /\b(?:nee|neen|no|nope|niet|geen|not|never|nooit|cannot|can't|cant|won't|wont|unable|pass|afzeggen|decline)\b|n't\b/;
/** Regret on its own is not an answer, but with a reason it is a no ("sorry, I'm away that week"). */
const REGRET = /\b(?:sorry|helaas|unfortunately|jammer)\b/;
/** Set phrases that contain a "no" word but do not say no. */
const NOT_A_NO = /\b(?:geen probleem|geen punt|niet erg|no problem|no worries|not a problem)\b/g;
const YES =
  /^(?:ja|jawel|jazeker|yes|yep|yeah|sure|zeker|graag|natuurlijk|of course|absoluut)\b|\b(?:ik kom|ik doe het|doe ik|ik doe mee|ik kan|ik ben erbij|ik wil graag|i can|i'll do it|i will|count me in|i'm in|i am in|i'd love to)\b/;
/** Words that make even a clear-looking answer uncertain: never act on them. */
const DOUBT =
  /\?|\b(?:misschien|wellicht|weet niet|twijfel|eventueel|mogelijk|maybe|perhaps|not sure|don't know|unsure)\b/;
const AWAY =
  /\b(?:vakantie|weg|afwezig|op reis|druk|werk|werken|afspraak|ziek|die dag|dat weekend|die week|die avond|away|holiday|vacation|travelling|traveling|busy|working|appointment|ill|sick|that day|that week|that weekend|that evening)\b/;
const FAR = /\b(?:te ver|ver weg|afstand|reistijd|too far|far away|distance)\b/;
const THEME = /\b(?:thema|onderwerp|theme|topic|subject)\b/;

/** What a typed message says about an offer; only a clear, unhedged yes counts as accepting. */
export function classifyOfferReply(text: string): TypedIntent {
  const s = fold(text).replace(NOT_A_NO, ' ').trim();
  if (!s || DOUBT.test(s)) return { intent: 'unclear' };
  const reason = FAR.test(s) ? 'distance' : THEME.test(s) ? 'theme' : AWAY.test(s) ? 'day' : null;
  const no = NO.test(s) || (REGRET.test(s) && reason !== null);
  const yes = YES.test(s);
  if (no && !/^(?:ja|yes)\b/.test(s)) return { intent: 'decline', reason };
  if (yes && !no) return { intent: 'accept' };
  return { intent: 'unclear' };
}

/**
 * Text typed outside a conversation by a volunteer: if they have open offers, read it as an
 * answer to them. One offer and a clear answer: carried out as the buttons would. Several offers,
 * or anything unclear: the offers' buttons again with a short hint. No open offer: not understood.
 */
export async function answerTypedOffer(text: string, s: EffectScope): Promise<EffectResult> {
  const l = s.ctx.locale;
  const personId = s.ctx.person.id;
  const scope = staffingScope(s);
  const open = await openOffersOf(s);
  if (open.length === 0) {
    s.replies.push({ text: t(l, 'error.not_understood') });
    return { ok: true, data: { outcome: 'no_offer' } };
  }
  const reply = classifyOfferReply(text);
  const [only] = open;
  if (open.length === 1 && only && reply.intent !== 'unclear') {
    const outcome =
      reply.intent === 'accept'
        ? await acceptOffer(scope, only.id, personId)
        : await declineOffer(scope, only.id, personId, { reason: reply.reason });
    if (outcome === 'not_open') s.replies.push({ text: t(l, 'offer.no_longer_open') });
    return { ok: true, data: { outcome } };
  }
  const hint =
    open.length > 1 && reply.intent !== 'unclear'
      ? t(l, 'offer.typed.which', { count: open.length })
      : t(l, 'offer.typed.unclear');
  await send(scope, personId, 'typed:hint', { text: hint });
  for (const offer of open) {
    const session = await scope.repos.session(offer.sessionId);
    const buttons = await scope.repos.offerButtons(personId, [
      [
        { label: t(l, 'offer.accept'), action: 'offer.accept', value: offer.id },
        { label: t(l, 'offer.decline'), action: 'offer.decline', value: offer.id },
      ],
    ]);
    const what = session
      ? t(l, 'offer.typed.item', { when: when(session, s.ctx.zone, l), organisation: session.organisation })
      : t(l, 'offer.typed.item_unknown');
    await send(scope, personId, `typed:${offer.id}`, { text: what, buttons });
  }
  return { ok: true, data: { outcome: 'asked', offers: open.length } };
}

/** The person's offers that can still be answered (sessions not yet ended, not expired). */
async function openOffersOf(s: EffectScope): Promise<OfferRecord[]> {
  const far = new Date(s.ctx.now.getTime() + 10 * 365 * 86_400_000);
  // "Open offers for other sessions overlapping [now, far]": with no session excepted, all of them.
  const rows = await s.repos.staffing.clashingOpenOffers(s.ctx.person.id, s.ctx.now, far, '');
  return rows.filter((o) => o.expiresAt > s.ctx.now).slice(0, 5);
}
