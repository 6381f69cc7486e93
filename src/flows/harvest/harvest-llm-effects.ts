import { RawNotesSchema } from '../../domain/harvest.ts';
import type { EffectScope } from '../effects.ts';
import type { Effect, EffectResult } from '../types.ts';

/** Timer kinds that do the slow LLM work after the inbound transaction (src/llm/harvest-jobs.ts). */
export const HARVEST_MEDIA_TIMER = 'harvest-media';
export const HARVEST_DRAFT_TIMER = 'harvest-draft';

/** Job ids are ids only (no file names, no text); BullMQ ids may not contain ':'. */
export const mediaJobId = (sessionId: string, index: number) => `${sessionId}_${index}`;
export const draftJobId = (sessionId: string, personId: string) => `${sessionId}_${personId}`;

type LlmEffect = Extract<Effect, { type: 'harvestMedia' | 'harvestDraft' }>;

/**
 * Saves a file's place in the notes and, with an LLM configured, hands reading it (or drafting the
 * harvest) to a timer job that runs after commit: the transaction never waits for the LLM.
 */
export async function runHarvestLlmEffect(effect: LlmEffect, s: EffectScope): Promise<EffectResult> {
  const { repos, ctx } = s;
  if (!(await repos.harvest.isFacilitator(effect.sessionId, ctx.person.id)))
    return { ok: false, error: 'not_yours' };
  if (effect.type === 'harvestDraft') {
    if (!s.llmEnabled) return { ok: true, data: { queued: false } };
    s.timers.push({
      kind: HARVEST_DRAFT_TIMER,
      id: draftJobId(effect.sessionId, ctx.person.id),
      dueAt: ctx.now,
    });
    return { ok: true, data: { queued: true } };
  }
  const notes = RawNotesSchema.parse(effect.notes);
  if (!(await repos.harvest.saveNotes(effect.sessionId, ctx.person.id, notes)))
    return { ok: false, error: 'already' };
  const attachment = notes.attachments[effect.index];
  if (!s.llmEnabled || !attachment?.ref) return { ok: true, data: { reading: false } };
  s.timers.push({
    kind: HARVEST_MEDIA_TIMER,
    id: mediaJobId(effect.sessionId, effect.index),
    dueAt: new Date(attachment.at ?? ctx.now.getTime()),
  });
  return { ok: true, data: { reading: true } };
}
