import type { InboundContent, Platform } from './bots/ports.ts';
import { InboundContentSchema } from './bots/ports.ts';
import type { SqlRunner, Statement } from './db/sql.ts';
import { EarlierEventPending } from './flows/ports.ts';
import type { InboundRecord } from './flows/shell.ts';

/** Enough for any real backlog of one person; a guard against looping on a row that never changes. */
const MAX_EARLIER = 100;

/**
 * One person's events in the order they were stored, whichever replica stored them.
 *
 * Within a process the Dispatcher already runs a person's events one at a time, in arrival order.
 * With several replicas a person's next message may reach another process while the previous one is
 * still being stored or processed there. So before processing its own event, a process first
 * processes every still-unprocessed event of that person received earlier (loading it from the
 * inbox). Each event is claimed in its own transaction (`beginTurn`: UPDATE … WHERE status =
 * 'RECEIVED', which waits for a concurrent claim to commit and then finds it processed), so every
 * event runs once, and an event is only processed after all earlier ones of that person have
 * committed. Cost: none in the usual case: the step's first read tells whether an earlier event
 * is waiting (LOAD_TURN's "earlier", src/db/step-repos.ts); only then are the earlier ones loaded
 * (one indexed query each) and processed, and the event after them, without stopping again.
 */
export function inPersonOrder(
  sql: SqlRunner,
  process: (record: InboundRecord) => Promise<void>,
): (record: InboundRecord) => Promise<void> {
  return async (record) => {
    try {
      await process(record);
      return;
    } catch (err) {
      if (!(err instanceof EarlierEventPending)) throw err;
    }
    for (let i = 0; i < MAX_EARLIER; i++) {
      const earlier = await earliestBefore(sql, record.id);
      if (!earlier) break;
      await process({ ...earlier, ordered: true });
    }
    // What was read when it was stored is out of date now.
    await process({ ...record, ordered: true, preloaded: undefined });
  };
}

/** The oldest unprocessed event of the same person received strictly before this one. */
const EARLIEST_BEFORE: Statement = {
  name: 'inbound_earliest_before',
  text: `SELECT e."id", e."personId", e."platform"::text AS "platform", e."payload"
    FROM "InboundEvent" me
    JOIN "InboundEvent" e ON e."personId" = me."personId"
    WHERE me."id" = $1 AND e."status" = 'RECEIVED' AND e."receivedAt" < me."receivedAt"
    ORDER BY e."receivedAt", e."id"
    LIMIT 1`,
};

async function earliestBefore(sql: SqlRunner, id: string): Promise<InboundRecord | null> {
  const rows = await sql.query<{ id: string; personId: string; platform: Platform; payload: unknown }>(
    EARLIEST_BEFORE,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  const content = InboundContentSchema.safeParse(row.payload);
  // An unreadable stored event cannot be processed by anyone; it must not hold back the later ones.
  if (!content.success) return null;
  return {
    id: row.id,
    personId: row.personId,
    platform: row.platform,
    content: content.data as InboundContent,
  };
}
