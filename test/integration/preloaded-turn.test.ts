import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import type { InboundContent } from '../../src/bots/ports.ts';
import { inboxRepo } from '../../src/db/inbox-repo.ts';
import type { SqlRunner } from '../../src/db/sql.ts';
import { stepUnitOfWork, unitOfWork } from '../../src/db/unit-of-work.ts';
import { type InboundRecord, processInbound, type ShellDeps } from '../../src/flows/shell.ts';
import { startTestApp } from '../support/app.ts';

/**
 * Storing an event also reads where its step starts (src/db/inbox-repo.ts), so the step skips its
 * own first read. That read is older than the step: whatever changed in between must make the step
 * start again from a fresh read, never decide on the old one.
 */
describe('the step starts from what was read while storing the event (PostgreSQL)', () => {
  let app: App;
  let deps: ShellDeps;
  /** Names of the statements the light path ran. */
  const ran: string[] = [];
  beforeAll(async () => {
    app = await startTestApp();
    const sql = app.db.sql;
    if (!sql) throw new Error('the tests run on PostgreSQL');
    const counting: SqlRunner = {
      query: (statement, values) => {
        ran.push(statement.name);
        return sql.query(statement, values);
      },
    };
    deps = {
      uow: unitOfWork(app.db.prisma),
      steps: stepUnitOfWork(counting),
      zone: app.config.APP_TIMEZONE,
      conversationTtlDays: app.config.CONVERSATION_TTL_DAYS,
      now: () => new Date(),
      log: { warn() {}, error() {} },
    };
  });
  afterAll(async () => {
    await app?.stop();
  });

  let n = 0;
  /** Stores an event as the webhook does (on the pg pool), without handing it to the app's dispatcher. */
  async function stored(externalId: string, content: InboundContent): Promise<InboundRecord> {
    const r = await inboxRepo(app.db.prisma, 'nl', app.db.sql ?? undefined).record({
      eventId: `pre-${externalId}-${++n}`,
      sender: { platform: 'LOCAL', externalId, displayName: 'Kim' },
      content,
      receivedAt: new Date(),
    });
    if (r.duplicate) throw new Error('stored before');
    return { id: r.id, personId: r.personId, platform: 'LOCAL', content, preloaded: r.preloaded };
  }
  const text = (t: string): InboundContent => ({ kind: 'text', text: t });
  const command = (c: string): InboundContent => ({ kind: 'command', command: c, args: '' });

  /** Runs the step, returning the statements it ran. */
  async function step(record: InboundRecord): Promise<string[]> {
    ran.length = 0;
    await processInbound(deps, record);
    return [...ran];
  }
  const replies = async (inboundId: string) =>
    (
      await app.db.prisma.outboundMessage.findMany({
        where: { idempotencyKey: { startsWith: `${inboundId}:` } },
        orderBy: { createdAt: 'asc' },
      })
    ).map((m) => (m.payload as { text: string }).text);
  const conversation = (personId: string) =>
    app.db.prisma.conversation.findUniqueOrThrow({ where: { personId } });
  const statusOf = async (id: string) =>
    (await app.db.prisma.inboundEvent.findUniqueOrThrow({ where: { id } })).status;

  it('a first message has nothing to start from; a known sender’s step is one writing statement', async () => {
    const first = await stored('pre-a', command('start'));
    expect(first.preloaded).toBeUndefined();
    expect(await step(first)).toContain('dlg_load_turn_v3');
    const rev = (await conversation(first.personId)).rev;

    const next = await stored('pre-a', command('help'));
    expect(next.preloaded).toBeDefined();
    const statements = await step(next);
    expect(statements.filter((s) => s.startsWith('dlg_load_turn'))).toHaveLength(0);
    expect(statements.filter((s) => s.startsWith('dlg_commit_step'))).toHaveLength(1);
    expect((await replies(next.id)).join('\n')).toMatch(/\/\w+/); // the help text lists commands
    expect(await statusOf(next.id)).toBe('PROCESSED');
    expect((await conversation(first.personId)).rev).toBe(rev);
  });

  it('the conversation changed after storing (a timer, another replica), the step changing nothing: redone from a fresh read', async () => {
    const first = await stored('pre-b', command('start'));
    await step(first);
    const event = await stored('pre-b', command('help'));
    // Something else moves the conversation on between storing and the step.
    const moved = await app.db.prisma.conversation.update({
      where: { personId: first.personId },
      data: { rev: { increment: 1 } },
    });
    const statements = await step(event);
    // The first commit finds the conversation changed and writes nothing; the step reads and commits again.
    expect(statements).toEqual(['dlg_commit_step_v5_none', 'dlg_load_turn_v3', 'dlg_commit_step_v5_none']);
    expect(await statusOf(event.id)).toBe('PROCESSED');
    const texts = await replies(event.id);
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts).size).toBe(texts.length); // written once, not once per attempt
    expect((await conversation(first.personId)).rev).toBe(moved.rev);
  });

  it('a conversation that ended after storing is not answered from its old state', async () => {
    const first = await stored('pre-c', command('start'));
    await step(first);
    const before = await replies(first.id);
    const answer = await stored('pre-c', text('Noor'));
    await app.db.prisma.conversation.delete({ where: { personId: first.personId } });
    const statements = await step(answer);
    expect(statements.filter((s) => s === 'dlg_load_turn_v3')).toHaveLength(1);
    expect(await statusOf(answer.id)).toBe('PROCESSED');
    // Not the next question of the sign-up the person was in (that conversation is gone).
    expect(await replies(answer.id)).not.toEqual(before);
  });

  it('an earlier event of the same person still waiting: the later one reads afresh once it is its turn', async () => {
    const first = await stored('pre-d', command('start'));
    await step(first);
    const one = await stored('pre-d', command('help'));
    const two = await stored('pre-d', command('help'));
    expect(two.preloaded).toMatchObject({ earlier: true });
    await step(one);
    expect(await step(two)).toContain('dlg_load_turn_v3');
    expect(await statusOf(two.id)).toBe('PROCESSED');
    expect((await replies(two.id)).length).toBeGreaterThan(0);
  });

  it('someone who had blocked the bot and writes again: no read from storing time, the reply can go out', async () => {
    const first = await stored('pre-e', command('start'));
    await step(first);
    await app.db.prisma.channelIdentity.updateMany({
      where: { personId: first.personId },
      data: { unreachableAt: new Date() },
    });
    const back = await stored('pre-e', command('help'));
    expect(back.preloaded).toBeUndefined();
    await step(back);
    const messages = await app.db.prisma.outboundMessage.findMany({
      where: { idempotencyKey: { startsWith: `${back.id}:` } },
    });
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.status === 'PENDING')).toBe(true);
  });
});
