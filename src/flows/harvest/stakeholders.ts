import { z } from 'zod';
import { matchWijk, type WijkKey, wijkName } from '../../domain/wijken.ts';
import { type Locale, t } from '../../i18n/index.ts';
import type { EffectScope } from '../effects.ts';
import type { EffectResult } from '../types.ts';
import type { StakeholderView } from './extra-ports.ts';

const Email = z.email().max(200);
const ADD = /^(toevoegen|add)\s+([\s\S]+)$/i;
const REMOVE = /^(weg|verwijder|verwijderen|remove|delete)\s+(\d{1,3})$/i;
const PERSON = /^(chat|persoon|person)\s*:\s*(.+)$/i;

/**
 * `/belanghebbenden` (coordinators): lists, adds and removes a wijk's stakeholder contacts.
 *   /belanghebbenden [wijk]
 *   /belanghebbenden toevoegen <wijk>; <naam of organisatie>; [e-mail]; [chat: naam in de bot]
 *   /belanghebbenden weg <nummer>
 */
export async function stakeholderCommand(args: string, s: EffectScope): Promise<EffectResult> {
  const { repos, ctx } = s;
  const l = ctx.locale;
  const say = (text: string) => s.replies.push({ text });
  if (!ctx.person.roles.includes('COORDINATOR')) {
    say(t(l, 'error.not_allowed', { role: t(l, 'role.COORDINATOR') }));
    return { ok: false, error: 'not_allowed' };
  }
  const text = args.trim();
  const add = ADD.exec(text);
  if (add) return addContact(add[2] ?? '', s);
  const remove = REMOVE.exec(text);
  if (remove) {
    const all = await repos.harvestExtra.stakeholders();
    const target = all[Number(remove[2]) - 1];
    if (!target || !(await repos.harvestExtra.removeStakeholder(target.id))) {
      say(t(l, 'stakeholders.no_such', { number: remove[2] ?? '' }));
      return { ok: false, error: 'no_such' };
    }
    await repos.audit({
      actorId: ctx.person.id,
      action: 'stakeholder.remove',
      subjectType: 'StakeholderContact',
      subjectId: target.id,
    });
    say(t(l, 'stakeholders.removed', { name: target.name, wijk: wijkLabel(target.wijk) }));
    return { ok: true };
  }
  let wijk: WijkKey | undefined;
  if (text) {
    const w = matchWijk(text);
    if (!w) {
      say(
        `${t(l, 'stakeholders.unknown_wijk', { wijk: text.slice(0, 40) })}\n\n${t(l, 'stakeholders.help')}`,
      );
      return { ok: false, error: 'unknown_wijk' };
    }
    wijk = w;
  }
  const all = await repos.harvestExtra.stakeholders();
  const shown = all.map((c, i) => ({ c, n: i + 1 })).filter((x) => !wijk || x.c.wijk === wijk);
  const lines = shown.map(({ c, n }) => `${n}. ${describe(c, l)}`);
  say(
    [
      shown.length
        ? t(l, 'stakeholders.list', { wijk: wijk ? wijkName(wijk) : t(l, 'stakeholders.all_wijken') })
        : t(l, 'stakeholders.none'),
      ...lines,
      '',
      t(l, 'stakeholders.help'),
    ].join('\n'),
  );
  return { ok: true };
}

async function addContact(rest: string, s: EffectScope): Promise<EffectResult> {
  const { repos, ctx } = s;
  const l = ctx.locale;
  const say = (text: string) => s.replies.push({ text });
  const parts = rest
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const wijk = matchWijk(parts[0] ?? '');
  if (!wijk) {
    say(
      `${t(l, 'stakeholders.unknown_wijk', { wijk: (parts[0] ?? '').slice(0, 40) })}\n\n${t(l, 'stakeholders.help')}`,
    );
    return { ok: false, error: 'unknown_wijk' };
  }
  let email: string | null = null;
  let personName: string | null = null;
  let name: string | null = null;
  for (const part of parts.slice(1)) {
    const person = PERSON.exec(part);
    if (person) personName = (person[2] ?? '').trim();
    else if (part.includes('@') && !/\s/.test(part)) {
      if (!Email.safeParse(part).success) {
        say(t(l, 'stakeholders.bad_email', { email: part.slice(0, 80) }));
        return { ok: false, error: 'bad_email' };
      }
      email = part.toLowerCase();
    } else if (!name) name = part.slice(0, 120);
  }
  let personId: string | null = null;
  if (personName) {
    const people = await repos.harvestExtra.peopleNamed(personName);
    if (people.length !== 1) {
      say(
        t(l, people.length ? 'stakeholders.person_ambiguous' : 'stakeholders.person_unknown', {
          name: personName.slice(0, 80),
        }),
      );
      return { ok: false, error: 'person' };
    }
    personId = people[0]?.id ?? null;
    name ??= people[0]?.name ?? personName;
  }
  if (!name || (!email && !personId)) {
    say(`${t(l, 'stakeholders.incomplete')}\n\n${t(l, 'stakeholders.help')}`);
    return { ok: false, error: 'incomplete' };
  }
  // The same e-mail or chat person twice in one wijk would only send the report twice.
  const existing = (await repos.harvestExtra.stakeholders(wijk)).find(
    (c) =>
      (email !== null && c.email?.toLowerCase() === email) ||
      (personId !== null && c.person?.id === personId),
  );
  if (existing) {
    say(t(l, 'stakeholders.duplicate', { wijk: wijkName(wijk), contact: describe(existing, l, false) }));
    return { ok: false, error: 'duplicate' };
  }
  const id = await repos.harvestExtra.addStakeholder({
    wijk,
    name,
    email,
    personId,
    createdById: ctx.person.id,
  });
  await repos.audit({
    actorId: ctx.person.id,
    action: 'stakeholder.add',
    subjectType: 'StakeholderContact',
    subjectId: id,
  });
  const [added] = (await repos.harvestExtra.stakeholders(wijk)).filter((c) => c.id === id);
  say(
    t(l, 'stakeholders.added', { wijk: wijkName(wijk), contact: added ? describe(added, l, false) : name }),
  );
  return { ok: true };
}

/** One contact as a line; without the wijk where the sentence already names it. */
function describe(c: StakeholderView, l: Locale, withWijk = true): string {
  const how = [
    c.email ? t(l, 'stakeholders.by_email', { email: c.email }) : null,
    c.person
      ? t(l, c.person.reachable ? 'stakeholders.by_chat' : 'stakeholders.by_chat_unreachable', {
          name: c.person.name,
        })
      : null,
  ].filter(Boolean);
  return `${c.name}${withWijk ? ` (${wijkLabel(c.wijk)})` : ''} — ${how.join('; ')}`;
}

const wijkLabel = (w: string) => (matchWijk(w) ? wijkName(w as WijkKey) : w);

/** The approved report as it goes out: the same chat text and HTML document the partner gets. */
export interface SharedReport {
  sessionId: string;
  wijk: string | null;
  organisation: string;
  requestNumber: number;
  /** Chat text and document per locale. */
  render(l: Locale): {
    /** The shareable parts as chat text, and the session's date as the reader says it. */
    body: string;
    when: string;
    file: { filename: string; mimeType: string; contentBase64: string };
  };
}

/**
 * Sends the approved, shareable report to the wijk's stakeholders that are reachable in chat, and
 * asks the coordinators to forward it to those with only an e-mail address (we send no e-mail).
 */
export async function shareWithStakeholders(report: SharedReport, s: EffectScope): Promise<void> {
  const { repos } = s;
  if (!report.wijk) return;
  const contacts = await repos.harvestExtra.stakeholders(report.wijk);
  const toForward: StakeholderView[] = [];
  for (const c of contacts) {
    if (c.person?.reachable) {
      const { body, when, file } = report.render(c.person.locale);
      const text = t(c.person.locale, 'stakeholders.report_message', {
        wijk: wijkLabel(report.wijk),
        organisation: report.organisation,
        when,
        body,
      });
      // One per contact per session, ever.
      const key = `harvest-report:${report.sessionId}:stakeholder:${c.id}`;
      const id = await repos.queueMessage(c.person.id, key, { text, file });
      if (id) s.outboundIds.push(id);
    } else if (c.email) toForward.push(c);
  }
  if (toForward.length === 0) return;
  for (const coord of await repos.coordinators()) {
    const l = coord.locale;
    const { file } = report.render(l);
    const list = toForward.map((c) => `• ${c.name} <${c.email}>`).join('\n');
    const text = t(l, 'stakeholders.forward', {
      number: report.requestNumber,
      organisation: report.organisation,
      wijk: wijkLabel(report.wijk),
      list,
    });
    const id = await repos.queueMessage(coord.id, `harvest-forward:${report.sessionId}:${coord.id}`, {
      text,
      file,
    });
    if (id) s.outboundIds.push(id);
  }
}
