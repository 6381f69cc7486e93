import { Buffer } from 'node:buffer';
import {
  checkQuotes,
  facilitatorWords,
  RawNotesSchema,
  StructuredHarvestSchema,
} from '../../domain/harvest.ts';
import { parseNameList, scrub } from '../../domain/scrub.ts';
import { formatDateTime } from '../../domain/time.ts';
import { type Locale, t } from '../../i18n/index.ts';
import type { EffectScope } from '../effects.ts';
import type { Effect, EffectResult } from '../types.ts';
import { reportHtml, reportText } from './harvest-view.ts';
import { anonymiseReflection } from './reflections.ts';
import { shareWithStakeholders } from './stakeholders.ts';

type HarvestEffect = Extract<Effect, { type: 'harvestLoad' | 'harvestSave' | 'harvestApprove' }>;

/** Loads, saves and approves harvests; who may do so is checked here, on every call. */
export async function runHarvestEffect(effect: HarvestEffect, s: EffectScope): Promise<EffectResult> {
  switch (effect.type) {
    case 'harvestLoad':
      return load(effect.args, s);
    case 'harvestSave':
      return save(effect, s);
    case 'harvestApprove':
      return approve(effect.sessionId, effect.harvest, s);
  }
}

async function load(args: string, s: EffectScope): Promise<EffectResult> {
  const { repos, ctx } = s;
  const sessions = await repos.harvest.pastSessionsOf(ctx.person.id, ctx.now);
  const number = Number.parseInt(args.replace(/^#/, ''), 10);
  const candidates = Number.isFinite(number) ? sessions.filter((x) => x.number === number) : sessions;
  const open = candidates.find((x) => x.status === null || x.status === 'DRAFT' || x.status === 'SUBMITTED');
  if (!open) {
    // All approved: say which dialogue (the latest one asked about), not just "this dialogue".
    const latest = candidates[0] && (await repos.staffing.session(candidates[0].sessionId));
    if (!latest) return { ok: false, error: 'none' };
    return { ok: true, data: { approved: true, label: sessionLabel(latest, s) } };
  }
  const session = await repos.staffing.session(open.sessionId);
  if (!session) return { ok: false, error: 'none' };
  const existing = await repos.harvest.get(open.sessionId);
  // What they now hold is what is stored: they may approve it (until a co-facilitator adds to it).
  if (existing) await repos.harvestExtra.markInSync(open.sessionId, ctx.person.id);
  return {
    ok: true,
    data: {
      sessionId: open.sessionId,
      organisation: session.organisation,
      label: sessionLabel(session, s),
      notes: existing?.rawNotes ?? {},
    },
  };
}

/** "Buurthuis De Linde, di 8 dec 19:30": which dialogue a harvest is of. */
function sessionLabel(session: { organisation: string; startsAt: Date }, s: EffectScope): string {
  return `${session.organisation}, ${formatDateTime(session.startsAt, s.ctx.zone, s.ctx.locale)}`;
}

async function save(effect: Extract<Effect, { type: 'harvestSave' }>, s: EffectScope): Promise<EffectResult> {
  const { repos, ctx } = s;
  if (!(await repos.harvest.isFacilitator(effect.sessionId, ctx.person.id)))
    return { ok: false, error: 'not_yours' };
  const notes = RawNotesSchema.parse(effect.notes);
  if (!(await repos.harvest.saveNotes(effect.sessionId, ctx.person.id, notes)))
    return { ok: false, error: 'already' };
  if (effect.media) {
    // No transcription or image reading is wired in yet: a coordinator looks at the file itself.
    const session = await repos.staffing.session(effect.sessionId);
    for (const c of await repos.coordinators()) {
      const text = t(c.locale, 'harvest.media_coordinator', {
        number: session?.requestNumber ?? '?',
        organisation: session?.organisation ?? '—',
        kind: t(c.locale, `harvest.kind.${effect.media}`),
      });
      const id = await repos.queueMessage(c.id, `${s.keyPrefix}:harvest-media:${c.id}`, { text });
      if (id) s.outboundIds.push(id);
    }
  }
  return { ok: true };
}

async function approve(sessionId: string, proposed: unknown, s: EffectScope): Promise<EffectResult> {
  const { repos, ctx } = s;
  if (!(await repos.harvest.isFacilitator(sessionId, ctx.person.id)))
    return { ok: false, error: 'not_yours' };
  const row = await repos.harvest.get(sessionId);
  if (!row) return { ok: false, error: 'none' };
  if (row.status === 'APPROVED' || row.status === 'SHARED') return { ok: false, error: 'already' };
  if ((await repos.harvestExtra.inSyncWith(sessionId)) !== ctx.person.id) {
    // A co-facilitator added answers this draft does not show: approving it would lose them.
    return { ok: false, error: 'changed' };
  }
  // Belt and braces: whatever the draft says, what is stored and shared is scrubbed with the names
  // in the stored notes, and only quotes found in the facilitator's own words keep their marks.
  const notes = RawNotesSchema.parse(row.rawNotes);
  const names = parseNameList(notes.answers.names ?? '');
  const parsed = StructuredHarvestSchema.parse(proposed);
  const harvest = checkQuotes(
    {
      ...parsed,
      tags: parsed.tags.map((tag) => scrub(tag, { names })),
      items: parsed.items.map((i) => ({ ...i, text: scrub(i.text, { names }) })),
    },
    facilitatorWords(notes),
  );
  if (!(await repos.harvest.approve(sessionId, harvest, ctx.now))) return { ok: false, error: 'already' };
  await repos.harvest.completeRequestIfHarvested(sessionId);
  await repos.audit({
    actorId: ctx.person.id,
    action: 'harvest.approve',
    subjectType: 'Harvest',
    subjectId: sessionId,
  });
  const session = await repos.staffing.session(sessionId);
  if (!session) return { ok: true, data: { shared: false } };
  // The reflection stays with the organisation's learning community, scrubbed, never in the report.
  const reflection = notes.answers.reflection
    ? anonymiseReflection(notes.answers.reflection, [
        ...names,
        ...session.assignments.flatMap((a) => [a.name]),
        ...(await facilitatorNames(
          session.assignments.map((a) => a.personId),
          s,
        )),
        session.organisation,
        session.contact.name,
      ])
    : null;
  if (reflection) await repos.harvestExtra.setReflection(sessionId, reflection);
  const render = (l: Locale) => {
    const when = formatDateTime(session.startsAt, ctx.zone, l);
    const title = t(l, 'harvest.report_title', { organisation: session.organisation, when });
    const html = reportHtml(harvest, { title, locale: l });
    const body = reportText(harvest, l);
    return {
      text: t(l, 'harvest.report_message', { when, body }),
      body,
      when,
      file: {
        filename: `oogst-${session.requestNumber}.html`,
        mimeType: 'text/html',
        contentBase64: Buffer.from(html, 'utf8').toString('base64'),
      },
    };
  };
  await shareWithStakeholders(
    {
      sessionId,
      wijk: session.wijk,
      organisation: session.organisation,
      requestNumber: session.requestNumber,
      render,
    },
    s,
  );
  const partner = session.requestedById ? await repos.staffing.recipient(session.requestedById) : null;
  if (!partner) return { ok: true, data: { shared: false } };
  const l = partner.locale;
  // Close the loop: the partner can tell later what was done with it (/opbrengst).
  const buttons = await repos.createButtons(
    partner.id,
    { flow: 'global', rev: 0, expiresAt: new Date(ctx.now.getTime() + 180 * 86_400_000) },
    [[{ label: t(l, 'outcome.button'), action: 'command', value: `opbrengst ${session.requestNumber}` }]],
  );
  // One report per session, ever: the key does not depend on the inbound event.
  const { text, file } = render(l);
  const id = await repos.queueMessage(partner.id, `harvest-report:${sessionId}`, { text, file, buttons });
  if (id) s.outboundIds.push(id);
  await repos.harvest.markShared(sessionId);
  return { ok: true, data: { shared: true } };
}

/** Full display names of the facilitators (the snapshot has first names only). */
async function facilitatorNames(ids: string[], s: EffectScope): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) out.push((await s.repos.personView(id)).displayName);
  return out;
}
