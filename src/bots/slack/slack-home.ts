import type { HomeData, HomeRequest } from '../../db/home-repo.ts';
import { formatDateTime } from '../../domain/time.ts';
import { hasKey, type Locale, type MessageKey, t } from '../../i18n/index.ts';
import { type Block, escapeMrkdwn, truncate } from './slack-blocks.ts';

/** Action ids of the adapter's own buttons (never confused with our 12-character opaque button ids). */
export const HOME_ACTIONS = {
  openForm: 'dialoog:form:open',
  startChat: 'dialoog:chat:aanvragen',
} as const;

export interface HomeView {
  type: 'home';
  blocks: Block[];
}

/** The App Home tab for one person: what each of their roles needs to see at a glance. */
export function renderHome(data: HomeData, opts: { zone: string; now: Date }): HomeView {
  const l = data.locale;
  const when = (d: Date | null) => (d ? formatDateTime(d, opts.zone, l) : '—');
  const blocks: Block[] = [header(t(l, 'slack.home.hello', { name: data.displayName || '👋' }))];
  if (!data.onboarded) {
    blocks.push(section(t(l, 'slack.home.not_onboarded')));
    return { type: 'home', blocks };
  }
  if (data.partner) {
    const org = data.partner.organisations.join(', ') || data.displayName;
    blocks.push({ type: 'divider' }, header(t(l, 'slack.home.partner.header', { organisation: org })), {
      type: 'actions',
      elements: [
        homeButton(HOME_ACTIONS.openForm, t(l, 'slack.home.form_button'), 'primary'),
        homeButton(HOME_ACTIONS.startChat, t(l, 'slack.home.chat_button')),
      ],
    });
    if (data.partner.requests.length === 0) blocks.push(section(t(l, 'slack.home.partner.none')));
    for (const r of data.partner.requests) {
      blocks.push(section(t(l, 'slack.home.request_line', requestParams(r, l, when))));
    }
    more(blocks, l, data.partner.total - data.partner.requests.length);
  }
  if (data.volunteer) {
    const v = data.volunteer;
    blocks.push({ type: 'divider' }, header(t(l, 'slack.home.volunteer.offers')));
    if (v.offers.length === 0) blocks.push(section(t(l, 'slack.home.volunteer.no_offers')));
    for (const o of v.offers) {
      blocks.push(
        section(
          t(l, 'slack.home.offer_line', {
            theme: themeName(o.theme, l),
            organisation: escapeMrkdwn(o.organisation),
            when: when(o.startsAt),
            expires: when(o.expiresAt),
          }),
        ),
      );
    }
    blocks.push(header(t(l, 'slack.home.volunteer.upcoming')));
    if (v.upcoming.length === 0) blocks.push(section(t(l, 'slack.home.volunteer.no_upcoming')));
    for (const s of v.upcoming) {
      const roleKey = `slack.home.facilitator.${s.role}`;
      blocks.push(
        section(
          t(l, 'slack.home.session_line', {
            theme: themeName(s.theme, l),
            organisation: escapeMrkdwn(s.organisation),
            when: when(s.startsAt),
            role: hasKey(roleKey) ? t(l, roleKey) : s.role,
          }),
        ),
      );
    }
  }
  if (data.coordinator) {
    const c = data.coordinator;
    blocks.push(
      { type: 'divider' },
      header(t(l, 'slack.home.coordinator.header')),
      section(t(l, 'slack.home.coordinator.counts', { ...c.counts })),
      header(t(l, 'slack.home.coordinator.open')),
    );
    if (c.open.length === 0) blocks.push(section(t(l, 'slack.home.coordinator.none_open')));
    for (const r of c.open) {
      blocks.push(section(t(l, 'slack.home.coordinator.request_line', requestParams(r, l, when))));
    }
    more(blocks, l, c.openTotal - c.open.length);
  }
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: t(l, 'slack.home.updated', { when: when(opts.now) }) }],
  });
  return { type: 'home', blocks };
}

function requestParams(r: HomeRequest, l: Locale, when: (d: Date | null) => string) {
  const statusKey = `status.${r.status}`;
  return {
    number: r.number,
    organisation: escapeMrkdwn(r.organisation),
    theme: themeName(r.theme, l),
    when: when(r.firstStart),
    status: hasKey(statusKey) ? t(l, statusKey) : r.status,
  };
}

function themeName(theme: string, l: Locale): string {
  const key = `theme.${theme}`;
  return hasKey(key) ? t(l, key as MessageKey) : escapeMrkdwn(theme);
}

function more(blocks: Block[], l: Locale, count: number) {
  if (count > 0)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: t(l, 'slack.home.more', { count }) }],
    });
}

const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, 150), emoji: true },
});
const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, 3000) },
});

function homeButton(actionId: string, label: string, style?: 'primary') {
  return {
    type: 'button' as const,
    action_id: actionId,
    value: actionId,
    text: { type: 'plain_text' as const, text: truncate(label, 75), emoji: true },
    ...(style ? { style } : {}),
  };
}
