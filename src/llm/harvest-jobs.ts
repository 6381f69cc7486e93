import type { Logger } from 'pino';
import { RawNotesSchema } from '../domain/harvest.ts';
import { type Continuation, continueFlow } from '../flows/continue-flow.ts';
import {
  HARVEST_DRAFT_TIMER,
  HARVEST_MEDIA_TIMER,
  mediaJobId,
} from '../flows/harvest/harvest-llm-effects.ts';
import { keptOnly, withMediaText } from '../flows/harvest/harvest-media.ts';
import type { FlowRepos } from '../flows/ports.ts';
import type { AfterCommit, ShellDeps } from '../flows/shell.ts';
import { t } from '../i18n/index.ts';
import type { TimerKind } from '../jobs/timers.ts';
import { draftHarvest } from './harvest-draft.ts';
import type { LlmClient } from './llm-client.ts';
import type { MediaReader } from './transcribe.ts';

export interface HarvestJobsDeps {
  shell: Pick<ShellDeps, 'uow' | 'zone' | 'conversationTtlDays' | 'now' | 'llmEnabled'>;
  llm: LlmClient;
  reader: MediaReader;
  /** A stored file by its ref (MediaFile). */
  findMedia(
    ref: string,
  ): Promise<{ status: string; mimeType: string | null; content: Uint8Array | null } | null>;
  pendingMedia(limit: number, now: Date): Promise<{ id: string; dueAt: Date }[]>;
  afterCommit(done: AfterCommit): Promise<void>;
  log: Logger;
  /** How long to wait for the channel to finish downloading the file. */
  downloadWaitMs?: number;
}

const splitId = (id: string): [string, string] => {
  const i = id.lastIndexOf('_');
  return [id.slice(0, i), id.slice(i + 1)];
};

/**
 * Reads a voice note or photo sent during the harvest interview (after the inbound transaction),
 * then hands the text — or the failure — to the facilitator's conversation. Idempotent: a file no
 * longer pending is left alone. The file itself never leaves our database except to the LLM.
 */
export function harvestMediaTimer(deps: HarvestJobsDeps): TimerKind {
  return {
    name: HARVEST_MEDIA_TIMER,
    pending: (limit) => deps.pendingMedia(limit, deps.shell.now()),
    async run(id) {
      const [sessionId, n] = splitId(id);
      const index = Number(n);
      const found = await deps.shell.uow(async (repos) => {
        const row = await repos.harvest.get(sessionId);
        const notes = RawNotesSchema.safeParse(row?.rawNotes ?? {});
        const a = notes.success ? notes.data.attachments[index] : undefined;
        if (row?.status !== 'DRAFT' || !a?.ref || !a.by || a.status !== 'pending') return null;
        return { a, locale: (await repos.personView(a.by)).locale };
      });
      if (!found) return;
      const { a, locale } = found;
      const file = await waitForFile(deps, a.ref as string);
      const read = file
        ? await deps.reader.read({ kind: a.kind, mimeType: file.mimeType, bytes: file.content, locale })
        : null;
      const text = read?.ok ? read.value : null;
      deps.log.info({
        event: 'harvest_media',
        kind: a.kind,
        outcome: read ? (read.ok ? 'ok' : read.reason) : 'no_file',
      });
      const key = `harvest-media:${mediaJobId(sessionId, index)}`;
      const c: Continuation = {
        personId: a.by as string,
        flow: 'harvest',
        name: 'harvestMediaRead',
        result: { ok: true, data: { sessionId, index, text } },
        key,
        orElse: (repos, ctx) => outsideInterview(repos, ctx.locale, sessionId, index, text, a.by as string),
      };
      const out = await continueFlow(deps.shell, c);
      if (!text) out.outboundIds.push(...(await tellCoordinators(deps, sessionId, index, a.kind)));
      await deps.afterCommit(out);
    },
  };
}

/** The facilitator left the interview meanwhile: the text joins the stored notes; /oogst shows it. */
async function outsideInterview(
  repos: FlowRepos,
  locale: 'nl' | 'en',
  sessionId: string,
  index: number,
  text: string | null,
  by: string,
) {
  const row = await repos.harvest.get(sessionId);
  const notes = RawNotesSchema.safeParse(row?.rawNotes ?? {});
  const a = notes.success ? notes.data.attachments[index] : undefined;
  if (!notes.success || a?.status !== 'pending') return { replies: [] };
  const next = text ? withMediaText(notes.data, index, text, locale) : keptOnly(notes.data, index);
  if (!(await repos.harvest.saveNotes(sessionId, by, next))) return { replies: [] };
  const kind = t(locale, `harvest.kind.${a.kind}`);
  return { replies: [{ text: t(locale, text ? 'harvest.heard_later' : 'harvest.read_failed', { kind }) }] };
}

async function tellCoordinators(
  deps: HarvestJobsDeps,
  sessionId: string,
  index: number,
  kind: 'voice' | 'photo' | 'document',
): Promise<string[]> {
  return deps.shell.uow(async (repos) => {
    const ids: string[] = [];
    const session = await repos.staffing.session(sessionId);
    for (const c of await repos.coordinators()) {
      const text = t(c.locale, 'harvest.media_coordinator_failed', {
        number: session?.requestNumber ?? '?',
        organisation: session?.organisation ?? '—',
        kind: t(c.locale, `harvest.kind.${kind}`),
      });
      const id = await repos.queueMessage(c.id, `harvest-media-failed:${sessionId}:${index}:${c.id}`, {
        text,
      });
      if (id) ids.push(id);
    }
    return ids;
  });
}

/** The channel downloads the file next to the event; wait (bounded) until it is stored. */
async function waitForFile(
  deps: HarvestJobsDeps,
  ref: string,
): Promise<{ mimeType: string | null; content: Uint8Array } | null> {
  const until = Date.now() + (deps.downloadWaitMs ?? 30_000);
  for (;;) {
    const m = await deps.findMedia(ref);
    if (m?.status === 'STORED' && m.content) return { mimeType: m.mimeType, content: m.content };
    if (m && m.status !== 'PENDING') return null;
    if (Date.now() > until) return null;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Drafts the harvest with the LLM from the scrubbed answers, then hands it to the conversation. */
export function harvestDraftTimer(deps: HarvestJobsDeps): TimerKind {
  return {
    name: HARVEST_DRAFT_TIMER,
    // Its truth is the conversation's "drafting" step: a lost job is asked for again on the next message.
    pending: async () => [],
    async run(id) {
      const [sessionId, personId] = splitId(id);
      const found = await deps.shell.uow(async (repos) => {
        const row = await repos.harvest.get(sessionId);
        const notes = RawNotesSchema.safeParse(row?.rawNotes ?? {});
        if (row?.status !== 'DRAFT' || !notes.success) return null;
        return { notes: notes.data, locale: (await repos.personView(personId)).locale };
      });
      if (!found) return;
      const draft = await draftHarvest(found.notes, { llm: deps.llm, locale: found.locale });
      deps.log.info({ event: 'harvest_draft', source: draft.source, fallback: draft.fallback });
      const out = await continueFlow(deps.shell, {
        personId,
        flow: 'harvest',
        name: 'harvestDrafted',
        result: {
          ok: true,
          data: { sessionId, harvest: draft.harvest, fallback: draft.fallback ?? null },
        },
        key: `harvest-draft:${id}:${deps.shell.now().getTime()}`,
      });
      await deps.afterCommit(out);
    },
  };
}
