import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import type { InboundContent } from '../../src/bots/ports.ts';
import { inboxRepo } from '../../src/db/inbox-repo.ts';
import { stepUnitOfWork, unitOfWork } from '../../src/db/unit-of-work.ts';
import {
  type InboundRecord,
  processInbound,
  type ShellDeps,
  type StepUnitOfWork,
} from '../../src/flows/shell.ts';
import { startTestApp } from '../support/app.ts';

/**
 * A stored event may reach processing twice: recovered after a restart while still queued, or
 * picked up by two replicas. The claim in the processing transaction (or, for a step without
 * effects, in its one writing statement) lets only one of them act.
 */
describe.each([
  ['in a transaction', false, false],
  ['in two statements', true, true],
  ['one each way', true, false],
])('each stored inbound event is processed once (PostgreSQL, %s)', (_name, firstSteps, secondSteps) => {
  let app: App;
  let deps: ShellDeps;
  let other: ShellDeps;
  let steps: StepUnitOfWork;
  beforeAll(async () => {
    app = await startTestApp();
    if (!app.db.sql) throw new Error('the tests run on PostgreSQL');
    steps = stepUnitOfWork(app.db.sql);
    const base = {
      uow: unitOfWork(app.db.prisma),
      zone: app.config.APP_TIMEZONE,
      conversationTtlDays: app.config.CONVERSATION_TTL_DAYS,
      now: () => new Date(),
      log: { warn() {}, error() {} },
    };
    deps = { ...base, steps: firstSteps ? steps : undefined };
    other = { ...base, steps: secondSteps ? steps : undefined };
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** Stores an event the way the webhook does, without handing it to the app's dispatcher. */
  async function stored(
    externalId: string,
    eventId: string,
    text: string,
    content: InboundContent = { kind: 'text', text },
  ): Promise<InboundRecord> {
    const r = await inboxRepo(app.db.prisma, 'nl').record({
      eventId,
      sender: { platform: 'LOCAL', externalId, displayName: 'Kim' },
      content,
      receivedAt: new Date(),
    });
    if (r.duplicate) throw new Error('stored before');
    return { id: r.id, personId: r.personId, platform: 'LOCAL', content };
  }

  const repliesTo = (inboundId: string) =>
    app.db.prisma.outboundMessage.findMany({ where: { idempotencyKey: { startsWith: `${inboundId}:` } } });

  it('processed twice at once: one of them acts, the other finds it done', async () => {
    const event = await stored('once-a', 'once-a-1', 'hallo');
    const results = await Promise.all([processInbound(deps, event), processInbound(other, event)]);
    const counts = results.map((r) => r.outboundIds.length).sort();
    expect(counts[0]).toBe(0);
    expect(counts[1]).toBeGreaterThan(0);
    expect(await repliesTo(event.id)).toHaveLength(counts[1] ?? -1);
    const conversation = await app.db.prisma.conversation.findUniqueOrThrow({
      where: { personId: event.personId },
    });
    expect(conversation.rev).toBe(1);
    const row = await app.db.prisma.inboundEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row.status).toBe('PROCESSED');
  });

  it('processed again later (a restart recovering it): nothing happens twice', async () => {
    const event = await stored('once-b', 'once-b-1', 'hallo');
    const first = await processInbound(deps, event);
    expect(first.outboundIds.length).toBeGreaterThan(0);
    const again = await processInbound(other, event);
    expect(again.outboundIds).toEqual([]);
    expect(await repliesTo(event.id)).toHaveLength(first.outboundIds.length);
    const conversation = await app.db.prisma.conversation.findUniqueOrThrow({
      where: { personId: event.personId },
    });
    expect(conversation.rev).toBe(1);
  });

  it('the conversation changed while the step ran (another replica, a timer): it is redone, once', async () => {
    const first = await stored(`once-c-${_name}`, `once-c-${_name}-1`, '/start', {
      kind: 'command',
      command: 'start',
      args: '',
    });
    await processInbound(deps, first);
    const [question] = await repliesTo(first.id);
    const buttons =
      ((question?.payload ?? {}) as { buttons?: { id: string; label: string }[][] }).buttons ?? [];
    const role = buttons.flat().find((b) => b.label === 'Partnerorganisatie');
    if (!role) throw new Error('no role button');
    await processInbound(
      deps,
      await stored(`once-c-${_name}`, `once-c-${_name}-2`, '', { kind: 'button', buttonId: role.id }),
    );
    const before = await app.db.prisma.conversation.findUniqueOrThrow({
      where: { personId: first.personId },
    });
    // The answer to "what is your name?" moves the conversation on.
    const event = await stored(`once-c-${_name}`, `once-c-${_name}-3`, 'Kim');
    // Someone else saves the conversation right after this step has read it, once.
    let interfered = false;
    const interfere = async () => {
      if (interfered) return;
      interfered = true;
      await app.db.prisma.conversation.update({
        where: { personId: event.personId },
        data: { rev: { increment: 1 } },
      });
    };
    const racing: ShellDeps = {
      ...deps,
      uow: (fn) =>
        deps.uow((repos) => fn({ ...repos, beginTurn: (i) => repos.beginTurn(i).finally(interfere) })),
      steps: deps.steps
        ? (fn) =>
            steps((repos, reads) =>
              fn({ ...repos, beginTurn: (i) => repos.beginTurn(i).finally(interfere) }, reads),
            )
        : undefined,
    };
    const done = await processInbound(racing, event);
    expect(interfered).toBe(true);
    expect(done.outboundIds.length).toBeGreaterThan(0);
    expect(await repliesTo(event.id)).toHaveLength(done.outboundIds.length);
    const after = await app.db.prisma.conversation.findUniqueOrThrow({ where: { personId: event.personId } });
    // Its own save came after the other one: nothing lost, nothing saved twice.
    expect(after.rev).toBe(before.rev + 2);
    const row = await app.db.prisma.inboundEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row.status).toBe('PROCESSED');
  });
});
