import { CONSENT_VERSION } from '../../domain/privacy.ts';
import { t } from '../../i18n/index.ts';
import { staffingScope } from '../actions.ts';
import type { EffectScope } from '../effects.ts';
import { staffSession } from '../staffing/staffing.ts';
import { handBack } from '../staffing/staffing-changes.ts';
import type { EffectResult } from '../types.ts';

export type PrivacyCommand = 'statement' | 'export' | 'erase';

/** What other people's messages say instead of an erased person's name. */
export const ERASED_PLACEHOLDER = '[gewist]';

/** /privacy, /mijngegevens, /vergeetmij: open to everyone who talks to the bot, signed up or not. */
export async function privacyCommand(command: PrivacyCommand, s: EffectScope): Promise<EffectResult> {
  const l = s.ctx.locale;
  switch (command) {
    case 'statement':
      s.replies.push({ text: t(l, 'privacy.statement', { version: CONSENT_VERSION }) });
      return { ok: true };
    case 'export':
      return sendExport(s);
    case 'erase':
      s.replies.push({
        text: t(l, 'privacy.erase_confirm'),
        buttons: [
          [
            { label: t(l, 'privacy.erase_yes'), action: 'act.privacy.erase', value: s.ctx.person.id },
            { label: t(l, 'privacy.erase_no'), action: 'act.privacy.keep', value: s.ctx.person.id },
          ],
        ],
        // Answered once: after "No", this question's erase button must not erase.
        question: 'privacy.erase',
      });
      return { ok: true };
  }
}

/** The person's data as a JSON file in chat (AVG art. 15 and 20: access and portability). */
async function sendExport(s: EffectScope): Promise<EffectResult> {
  const { ctx } = s;
  const data = await s.repos.privacy.exportPerson(ctx.person.id, ctx.now);
  const json = JSON.stringify(data, bigintSafe, 2);
  const day = ctx.now.toISOString().slice(0, 10);
  const id = await s.repos.queueMessage(ctx.person.id, `${s.keyPrefix}:export`, {
    text: t(ctx.locale, 'privacy.export_ready', { tables: Object.keys(data).length - 1 }),
    file: {
      filename: `mijngegevens-${day}.json`,
      mimeType: 'application/json',
      contentBase64: Buffer.from(json, 'utf8').toString('base64'),
    },
  });
  if (id) s.outboundIds.push(id);
  await s.repos.audit({
    actorId: ctx.person.id,
    action: 'privacy.exported',
    subjectType: 'person',
    subjectId: ctx.person.id,
  });
  return { ok: true };
}

/** The buttons under the /vergeetmij question. Only the person themselves can erase themselves. */
export async function privacyAction(action: string, value: string, s: EffectScope): Promise<EffectResult> {
  const { ctx } = s;
  if (value !== ctx.person.id) {
    s.replies.push({ text: t(ctx.locale, 'error.foreign_button') });
    return { ok: false, error: 'foreign' };
  }
  if (action === 'act.privacy.keep') {
    s.replies.push({ text: t(ctx.locale, 'privacy.erase_kept') });
    return { ok: true };
  }
  if (action !== 'act.privacy.erase') return { ok: false, error: 'unknown_action' };
  await erase(s);
  return { ok: true };
}

/**
 * AVG art. 17: withdraw open offers and hand back upcoming assignments (backfills start at once),
 * then remove or anonymise every row with personal data. No reply: after this the bot no longer
 * knows how to reach the person, which the confirmation question told them.
 */
async function erase(s: EffectScope): Promise<void> {
  const { ctx } = s;
  const personId = ctx.person.id;
  const privacy = s.repos.privacy;
  const staffing = staffingScope(s);
  await privacy.beginErasure(personId, ERASED_PLACEHOLDER);

  const offers = await privacy.openOffersOf(personId);
  for (const o of offers) await s.repos.staffing.setOfferStatus(o.id, 'WITHDRAWN');
  const handedBack = new Set<string>();
  for (const a of await s.repos.staffing.upcomingAssignments(personId, ctx.now)) {
    if ((await handBack(staffing, a.assignmentId, personId, { urgent: true })) === 'released')
      handedBack.add(a.sessionId);
  }
  // A withdrawn offer may have been the last open one of its wave: the next wave goes out now.
  for (const sessionId of new Set(offers.map((o) => o.sessionId))) {
    if (!handedBack.has(sessionId)) await staffSession(staffing, sessionId);
  }

  const report = await privacy.erasePerson(personId, {
    now: ctx.now,
    placeholder: ERASED_PLACEHOLDER,
    name: ctx.person.displayName,
  });
  await s.repos.audit({
    actorId: null,
    action: 'privacy.erased',
    subjectType: 'person',
    subjectId: personId,
    details: { ...report, offersWithdrawn: offers.length, assignmentsHandedBack: handedBack.size },
  });
}

function bigintSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  return value;
}
