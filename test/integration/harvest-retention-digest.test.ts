import { writeFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { unitOfWork } from '../../src/db/unit-of-work.ts';
import { digestDueAt, sendMonthlyDigest } from '../../src/jobs/monthly-digest.ts';
import { startTestApp } from '../support/app.ts';
import { createPerson, createSession, eventually } from '../support/fixtures.ts';
import { LocalChatClient, settle } from '../support/local-chat-client.ts';

const zone = 'Europe/Amsterdam';
const structured = (themes: string[]) => ({
  version: 1,
  participants: 9,
  themes,
  tags: [],
  items: [{ section: 'quote', text: 'Samen sterk', verbatim: true, share: true }],
});

/** A session at `startsAt` with a harvest in `status`, approved `approvedDaysAgo` days before `now`. */
async function harvestAt(
  app: App,
  startsAt: Date,
  opts: { now: Date; approvedDaysAgo?: number; rawNotes?: object; themes?: string[] },
) {
  const s = await createSession(app.db.prisma, { startsAt });
  await app.db.prisma.harvest.create({
    data: {
      sessionId: s.sessionId,
      status: opts.approvedDaysAgo === undefined ? 'DRAFT' : 'SHARED',
      approvedAt:
        opts.approvedDaysAgo === undefined
          ? null
          : new Date(opts.now.getTime() - opts.approvedDaysAgo * 86_400_000),
      rawNotes: opts.rawNotes ?? {},
      structured: opts.approvedDaysAgo === undefined ? undefined : structured(opts.themes ?? ['wonen']),
      reflection: opts.approvedDaysAgo === undefined ? null : 'Ik wil oefenen met stiltes.',
    },
  });
  return s.sessionId;
}

describe('retention of raw harvest notes and media (HARVEST_RAW_RETENTION_DAYS)', () => {
  let app: App;
  const p = () => app.db.prisma;
  beforeAll(async () => {
    app = await startTestApp({
      env: { DEMO_DATA: '0', HARVEST_RAW_RETENTION_DAYS: '45', APP_TIMEZONE: zone },
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('the nightly sweep deletes raw notes and their media 45 days after approval; the approved harvest stays', async () => {
    const now = new Date();
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const media = async (ref: string, age: number) =>
      p().mediaFile.create({
        data: {
          ref,
          platform: 'LOCAL',
          kind: 'photo',
          platformFileId: ref,
          status: 'STORED',
          content: Buffer.from('x'),
          createdAt: daysAgo(age),
        },
      });
    const notes = (ref: string) => ({
      answers: { reflection: 'RAUW-GEHEIM Piet' },
      skipped: [],
      attachments: [{ kind: 'photo', question: 'topics', ref }],
    });
    const old = await harvestAt(app, daysAgo(52), { now, approvedDaysAgo: 50, rawNotes: notes('m-old') });
    const recent = await harvestAt(app, daysAgo(42), {
      now,
      approvedDaysAgo: 40,
      rawNotes: notes('m-recent'),
    });
    const draft = await harvestAt(app, daysAgo(60), { now, rawNotes: notes('m-draft') });
    await p().$executeRaw`UPDATE "Harvest" SET "updatedAt" = ${daysAgo(50)} WHERE "sessionId" = ${draft}`;
    await media('m-old', 52);
    await media('m-recent', 50); // old, but its harvest is not yet due
    await media('m-draft', 60);
    await media('m-orphan', 50); // nothing refers to it
    await media('m-fresh', 2);

    await app.timers.schedule('retention', 'nightly', now);
    await eventually(
      async () => (await p().harvest.findUniqueOrThrow({ where: { sessionId: old } })).rawDeletedAt,
    );

    const byId = async (sessionId: string) => p().harvest.findUniqueOrThrow({ where: { sessionId } });
    const gone = await byId(old);
    expect(gone.rawNotes).toEqual({});
    expect(gone.structured).toEqual(structured(['wonen']));
    expect(gone.reflection).toBe('Ik wil oefenen met stiltes.');
    expect(JSON.stringify((await byId(draft)).rawNotes)).not.toContain('RAUW-GEHEIM');
    const kept = await byId(recent);
    expect(kept.rawDeletedAt).toBeNull();
    expect(JSON.stringify(kept.rawNotes)).toContain('RAUW-GEHEIM');
    const refs = (await p().mediaFile.findMany({ select: { ref: true } })).map((m) => m.ref).sort();
    expect(refs).toEqual(['m-fresh', 'm-recent']);
  });
});

describe('monthly digest job: first working day 09:00, text and PNG charts, once per month', () => {
  const dbUrl = { value: '' };
  // The app's clock starts on 20 November 2026 (moving with real time) and can jump to 1 December 09:05.
  const start = DateTime.fromISO('2026-11-20T12:00:00', { zone });
  const offset = start.toMillis() - Date.now();
  let jump = 0;
  const appNow = () => new Date(Date.now() + offset + jump);
  const apps: App[] = [];
  const env = { DEMO_DATA: '0', MONTHLY_DIGEST: '1', APP_TIMEZONE: zone };

  beforeAll(async () => {
    apps.push(await startTestApp({ env, now: appNow }));
    dbUrl.value = apps[0]?.config.DATABASE_URL as string;
  });
  afterAll(async () => {
    for (const a of apps) await a.stop();
  });

  it('sends coordinators last month’s digest and two charts on the first working day, and never twice', async () => {
    const app = apps[0] as App;
    const p = app.db.prisma;
    await createPerson(p, 'coord', 'Lieke', ['COORDINATOR']);
    const en = await createPerson(p, 'coord-en', 'Ann', ['COORDINATOR']);
    await p.person.update({ where: { id: en.id }, data: { locale: 'en' } });
    const now = appNow();
    await harvestAt(app, new Date('2026-11-10T18:00:00Z'), {
      now,
      approvedDaysAgo: 5,
      themes: ['wonen', 'eenzaamheid'],
    });
    await harvestAt(app, new Date('2026-06-10T18:00:00Z'), { now, approvedDaysAgo: 150 });
    const coord = new LocalChatClient(app, 'coord');

    await app.timers.reconcile();
    await settle(app);
    expect(await coord.history()).toEqual([]); // not due before 1 December 09:00

    const due = digestDueAt('2026-11', zone);
    expect(due.toISO()).toBe('2026-12-01T09:00:00.000+01:00');
    jump = due.plus({ minutes: 5 }).toMillis() - start.toMillis();
    await app.timers.reconcile();
    const messages = await eventually(async () => {
      await settle(app);
      const h = await coord.history();
      return h.length === 3 ? h : null;
    });
    expect(messages[0]?.text).toContain('Oogst-overzicht 2026-11-01 t/m 2026-11-30');
    expect(messages[0]?.text).toContain('Dialogen: 1 · deelnemers: 9');
    expect(messages[0]?.text).toContain('“Samen sterk”');
    expect(messages.slice(1).map((m) => m.file?.filename)).toEqual([
      'themas-per-wijk-2026-11.png',
      'dialogen-per-maand-2026-11.png',
    ]);
    for (const m of messages.slice(1)) {
      const png = Buffer.from(await (await fetch(`${app.url}${m.file?.url}`)).arrayBuffer());
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      await writeFile(`/tmp/${m.file?.filename}`, png);
    }
    expect((await new LocalChatClient(app, 'coord-en').history())[0]?.text).toContain(
      'Harvest digest 2026-11-01 to 2026-11-30',
    );

    // Again, a second process racing it, and a restart: nothing more.
    await app.timers.reconcile();
    const again = await sendMonthlyDigest({ prisma: p, uow: unitOfWork(p), zone }, '2026-11');
    expect(again.outboundIds).toEqual([]);
    apps.push(await startTestApp({ env, now: appNow, databaseUrl: dbUrl.value }));
    await (apps[1] as App).timers.reconcile();
    await new Promise((r) => setTimeout(r, 500));
    await settle(app);
    await settle(apps[1] as App);
    expect(await coord.history()).toHaveLength(3);
    expect(
      await p.outboundMessage.count({ where: { idempotencyKey: { startsWith: 'digest:2026-11:' } } }),
    ).toBe(6);
  });
});
