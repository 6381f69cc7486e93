import type { App } from '../../src/app.ts';
import type { FakeBehaviour, RecordedRequest } from '../fakes/openai-api.ts';
import { createSession, createVolunteers } from './fixtures.ts';

/** What the fake LLM answers in harvest tests, per kind of request. */
export interface HarvestLlmScript {
  transcript?: FakeBehaviour;
  photo?: FakeBehaviour;
  draft?: FakeBehaviour;
}

export const kindOf = (req: RecordedRequest): 'transcript' | 'photo' | 'draft' | 'other' => {
  if (req.path.endsWith('/audio/transcriptions')) return 'transcript';
  const format = req.body.response_format?.json_schema?.name;
  if (format === 'HarvestPhotoOutput') return 'photo';
  if (format === 'HarvestDraftOutput') return 'draft';
  return 'other';
};

/** A `setDefault` handler: answers each kind of request as the script says (else a 500). */
export function harvestLlm(script: HarvestLlmScript) {
  return (req: RecordedRequest): FakeBehaviour => {
    const kind = kindOf(req);
    return (kind === 'other' ? undefined : script[kind]) ?? { kind: 'status', status: 500 };
  };
}

/** The user message of a chat request (the data block), or the fields of a transcription request. */
export const sentText = (req: RecordedRequest) => JSON.stringify(req.body);

/** A session that ended 90 minutes ago (by the app's clock) with one volunteer as its lead. */
export async function pastSessionWithLead(app: App, prefix: string, partnerId: string, now: Date) {
  const p = app.db.prisma;
  const [vol] = await createVolunteers(p, 1, { prefix });
  if (!vol) throw new Error('no volunteer');
  const s = await createSession(p, {
    startsAt: new Date(now.getTime() - 3 * 3_600_000),
    requestedById: partnerId,
  });
  await p.assignment.create({ data: { sessionId: s.sessionId, personId: vol.personId, role: 'LEAD' } });
  return { ...s, key: vol.key, leadId: vol.personId };
}
