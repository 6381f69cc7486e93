import type { App } from '../../src/app.ts';
import { t } from '../../src/i18n/index.ts';
import { LEAK_MARKERS } from './flow-arbitraries.ts';

type Row = Record<string, unknown>;

/** Checks that must hold in the database whatever people pressed; returns what broke (empty: all fine). */
export async function brokenInvariants(app: App, logLines: string[]): Promise<Record<string, unknown[]>> {
  const q = (sql: string) => app.db.prisma.$queryRawUnsafe<Row[]>(sql);
  // Months as the app counts them: in its zone (a validated IANA name from the config).
  const zone = app.config.APP_TIMEZONE;
  const broken: Record<string, unknown[]> = {};
  const check = async (name: string, rows: Promise<unknown[]> | unknown[]) => {
    const found = await rows;
    if (found.length > 0) broken[name] = found.slice(0, 5);
  };

  await check(
    'more facilitators or trainees than the session needs',
    q(`SELECT s.id,
              count(*) FILTER (WHERE a.role <> 'TRAINEE')::int AS facilitators,
              count(*) FILTER (WHERE a.role = 'TRAINEE')::int AS trainees
         FROM "DialogueSession" s JOIN "Assignment" a ON a."sessionId" = s.id AND a.status = 'ACTIVE'
        WHERE s.status <> 'CANCELLED'
        GROUP BY s.id
       HAVING count(*) FILTER (WHERE a.role <> 'TRAINEE') > CASE WHEN bool_or(s."needsCoFacilitator") THEN 2 ELSE 1 END
           OR count(*) FILTER (WHERE a.role = 'TRAINEE') > CASE WHEN bool_or(s."traineeWelcome") THEN 1 ELSE 0 END`),
  );
  await check(
    'a volunteer booked twice at overlapping times',
    q(`SELECT a1."personId", s1.id AS first, s2.id AS second
         FROM "Assignment" a1
         JOIN "DialogueSession" s1 ON s1.id = a1."sessionId"
         JOIN "Assignment" a2 ON a2."personId" = a1."personId" AND a2.id > a1.id
         JOIN "DialogueSession" s2 ON s2.id = a2."sessionId"
        WHERE a1.status = 'ACTIVE' AND a2.status = 'ACTIVE'
          AND s1.status <> 'CANCELLED' AND s2.status <> 'CANCELLED'
          AND s1."startsAt" < s2."endsAt" AND s2."startsAt" < s1."endsAt"`),
  );
  await check(
    'a volunteer above their own monthly maximum (not counting a coordinator assigning by hand)',
    q(`SELECT a."personId", to_char((s."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE '${zone}', 'YYYY-MM') AS month,
              count(*)::int AS n, max(v."maxPerMonth") AS max
         FROM "Assignment" a
         JOIN "DialogueSession" s ON s.id = a."sessionId"
         JOIN "VolunteerProfile" v ON v."personId" = a."personId"
        WHERE a.status = 'ACTIVE' AND s.status <> 'CANCELLED'
          AND NOT EXISTS (SELECT 1 FROM "AuditLog" l WHERE l.action = 'assignment.manual' AND l."subjectId" = s.id)
        GROUP BY a."personId", month
       HAVING count(*) > max(v."maxPerMonth")`),
  );
  await check(
    'an open offer for a cancelled session',
    q(`SELECT o.id FROM "Offer" o JOIN "DialogueSession" s ON s.id = o."sessionId"
        WHERE o.status = 'OPEN' AND s.status = 'CANCELLED'`),
  );
  await check(
    'an open offer for a session that is already full',
    q(`SELECT o.id FROM "Offer" o JOIN "DialogueSession" s ON s.id = o."sessionId"
        WHERE o.status = 'OPEN' AND o.role <> 'TRAINEE' AND s.status <> 'CANCELLED'
          AND (SELECT count(*) FROM "Assignment" a WHERE a."sessionId" = s.id AND a.status = 'ACTIVE' AND a.role <> 'TRAINEE')
              >= CASE WHEN s."needsCoFacilitator" THEN 2 ELSE 1 END`),
  );
  await check(
    'a pending reminder for a cancelled session',
    q(`SELECT r.id, r.kind FROM "ScheduledReminder" r JOIN "DialogueSession" s ON s.id = r."sessionId"
        WHERE r.status = 'PENDING' AND s.status = 'CANCELLED'`),
  );
  await check(
    'a pending reminder for a facilitator who no longer leads the session',
    q(`SELECT r.id, r.kind FROM "ScheduledReminder" r
        WHERE r.status = 'PENDING' AND r.kind <> 'partner_check'
          AND NOT EXISTS (SELECT 1 FROM "Assignment" a
                           WHERE a."sessionId" = r."sessionId" AND a."personId" = r."personId" AND a.status = 'ACTIVE')`),
  );
  await check(
    'an inbound event not processed',
    q(`SELECT id, status, kind, error FROM "InboundEvent" WHERE status <> 'PROCESSED'`),
  );

  const internal = [t('nl', 'error.internal'), t('en', 'error.internal')];
  const texts = (await q(`SELECT payload->>'text' AS text FROM "OutboundMessage"`)).map((r) =>
    String(r.text ?? ''),
  );
  await check(
    'a reply that is empty, shows a catalogue key or a leaked value, or says something went wrong',
    texts.filter(
      (text) =>
        text.trim() === '' ||
        internal.includes(text) ||
        /^[a-z][A-Za-z]*(\.[A-Za-z0-9_]+)+$/m.test(text) ||
        LEAK_MARKERS.some((m) => text.includes(m)),
    ),
  );
  await check(
    'an error in the log',
    logLines.filter((line) => /"level":(50|60)/.test(line)).map((l) => l.slice(0, 300)),
  );
  return broken;
}
