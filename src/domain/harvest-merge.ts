import type { RawNotes } from './harvest.ts';

type Attachment = RawNotes['attachments'][number];
const STATUS_RANK: Record<string, number> = { pending: 0, kept: 1, read: 2 };

/**
 * Merges what one facilitator saves into what is stored, so co-facilitators answering at the same
 * time lose nothing: an answer that contains the other is the newer one; two different answers to
 * the same question are both kept; skips only stand for questions nobody answered; attachments are
 * united (the same file once, its most advanced reading state wins).
 */
export function mergeNotes(stored: RawNotes, incoming: RawNotes): RawNotes {
  const answers: RawNotes['answers'] = { ...stored.answers };
  for (const [q, text] of Object.entries(incoming.answers) as [keyof RawNotes['answers'], string][]) {
    const had = answers[q];
    if (had === undefined || norm(had) === '' || norm(text).includes(norm(had))) answers[q] = text;
    else if (!norm(had).includes(norm(text))) answers[q] = `${had}\n\n${text}`;
  }
  const skipped = [...new Set([...stored.skipped, ...incoming.skipped])].filter(
    (q) => answers[q] === undefined,
  );
  // Stored order first (jobs address attachments by index); each incoming attachment matches one
  // stored with the same key (the same file) and replaces it unless that one is further along.
  const attachments = [...stored.attachments];
  const matched = new Set<number>();
  for (const a of incoming.attachments) {
    const i = attachments.findIndex((b, j) => !matched.has(j) && attachmentKey(b) === attachmentKey(a));
    if (i < 0) {
      attachments.push(a);
      matched.add(attachments.length - 1);
      continue;
    }
    matched.add(i);
    if (rank(a) >= rank(attachments[i] as Attachment)) attachments[i] = a;
  }
  return { ...stored, ...incoming, answers, skipped, attachments };
}

/** Whether `merged` holds anything `mine` does not (someone else added to the notes). */
export function hasOthersWork(merged: RawNotes, mine: RawNotes): boolean {
  return JSON.stringify(canonical(merged)) !== JSON.stringify(canonical(mine));
}

const rank = (a: Attachment) => STATUS_RANK[a.status ?? 'pending'] ?? 0;

function attachmentKey(a: Attachment): string {
  if (a.ref) return `ref:${a.ref}`;
  // Old-style attachments have no file: one per kind, question, sender and time.
  return JSON.stringify([a.kind, a.question, a.by ?? null, a.at ?? null]);
}

function canonical(n: RawNotes) {
  return {
    answers: Object.fromEntries(Object.entries(n.answers).sort(([a], [b]) => a.localeCompare(b))),
    skipped: [...n.skipped].sort(),
    attachments: n.attachments.map((a) => JSON.stringify(a)).sort(),
  };
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
