import { THEME_KEYS } from '../../domain/themes.ts';
import { exampleDate, formatDateTime } from '../../domain/time.ts';
import { WIJKEN } from '../../domain/wijken.ts';
import { t } from '../../i18n/index.ts';
import type { ButtonSpec, FlowContext, Reply } from '../types.ts';
import { sameContactRow } from './intake-contact.ts';
import { FIELDS, type IntakeState, type Step } from './intake-state.ts';
import { renderSummary } from './intake-summary.ts';

const back = (ctx: FlowContext): ButtonSpec => ({ label: t(ctx.locale, 'common.back'), action: 'back' });

function pairs(buttons: ButtonSpec[]): ButtonSpec[][] {
  const rows: ButtonSpec[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return rows;
}

const answer = (label: string, value: string): ButtonSpec => ({ label, action: 'answer', value });

/** The question for a step, with its buttons; every question but the first offers "back". */
export function promptFor(state: IntakeState, ctx: FlowContext): Reply[] {
  const l = ctx.locale;
  const withBack = (text: string, rows: ButtonSpec[][] = []): Reply[] => [
    { text, buttons: state.history.length > 0 ? [...rows, [back(ctx)]] : rows },
  ];
  const step: Step = state.step;
  switch (step) {
    case 'resumeChoice':
      return [
        {
          text: t(l, 'intake.resume_or_restart'),
          buttons: [[answer(t(l, 'intake.resume'), 'resume'), answer(t(l, 'intake.restart'), 'restart')]],
        },
      ];
    case 'organisation':
      return withBack(
        t(l, 'intake.ask.organisation'),
        ctx.person.organisations.slice(0, 6).map((o) => [answer(o.name, o.name)]),
      );
    case 'theme':
      return withBack(t(l, 'intake.ask.theme'), pairs(THEME_KEYS.map((k) => answer(t(l, `theme.${k}`), k))));
    case 'goal':
      return withBack(t(l, 'intake.ask.goal'));
    case 'targetGroup':
      return withBack(t(l, 'intake.ask.targetGroup'));
    case 'participants':
      return withBack(t(l, 'intake.ask.participants'));
    case 'languages':
      return withBack(t(l, 'intake.ask.languages'), [
        [answer(t(l, 'intake.lang.nl'), 'nl'), answer(t(l, 'intake.lang.en'), 'en')],
        [answer(t(l, 'intake.lang.nl_en'), 'nl,en')],
      ]);
    case 'locationType':
      return withBack(t(l, 'intake.ask.locationType'), [
        [answer(t(l, 'intake.location.onsite'), 'onsite'), answer(t(l, 'intake.location.online'), 'online')],
      ]);
    case 'wijk':
      return withBack(t(l, 'intake.ask.wijk'), pairs(WIJKEN.map((w) => answer(w.name, w.key))));
    case 'address':
      return withBack(t(l, 'intake.ask.address'));
    case 'date':
      return withBack(t(l, 'intake.ask.date', { example: exampleDate(ctx.now, ctx.zone) }));
    case 'moreDates':
      return withBack(t(l, 'intake.ask.more_dates', { dates: datesList(state, ctx) }), [
        [answer(t(l, 'intake.more_dates.add'), 'add'), answer(t(l, 'intake.more_dates.enough'), 'enough')],
      ]);
    case 'scheduleMode':
      return withBack(t(l, 'intake.ask.scheduleMode', { count: state.draft.dates?.length ?? 0 }), [
        [
          answer(t(l, 'intake.schedule.alternatives'), 'ALTERNATIVES'),
          answer(t(l, 'intake.schedule.series'), 'SERIES'),
        ],
      ]);
    case 'duration':
      return withBack(t(l, 'intake.ask.duration'), [
        ['60', '90', '120'].map((m) => answer(t(l, 'value.minutes', { minutes: m }), m)),
        ['150', '180'].map((m) => answer(t(l, 'value.minutes', { minutes: m }), m)),
      ]);
    case 'coDesign':
      return withBack(t(l, 'intake.ask.coDesign'), [
        [answer(t(l, 'common.yes'), 'yes'), answer(t(l, 'common.no'), 'no')],
      ]);
    case 'accessibility':
      return withBack(t(l, 'intake.ask.accessibility'), [[answer(t(l, 'common.none'), 'none')]]);
    case 'contactName': {
      const me = ctx.person.displayName;
      return withBack(t(l, 'intake.ask.contactName'), [
        ...sameContactRow(state, l),
        ...(me ? [[answer(t(l, 'intake.contact.me', { name: me }), me)]] : []),
      ]);
    }
    case 'contactReach':
      return withBack(t(l, 'intake.ask.contactReach', { name: state.draft.contactName ?? '' }));
    case 'summary':
      return [summaryReply(state, ctx)];
    case 'submitting':
    case 'extracting':
      return [];
  }
}

function datesList(state: IntakeState, ctx: FlowContext): string {
  return (state.draft.dates ?? []).map((d) => formatDateTime(d, ctx.zone, ctx.locale)).join(', ');
}

export function summaryReply(state: IntakeState, ctx: FlowContext): Reply {
  const l = ctx.locale;
  const changeButtons = FIELDS.map((f) => ({
    label: t(l, 'intake.change', { field: t(l, `field.${f}`) }),
    action: 'change',
    value: f,
  }));
  return {
    text: t(l, 'intake.summary', { summary: renderSummary(state.draft, ctx) }),
    buttons: [
      [{ label: t(l, 'intake.confirm'), action: 'confirm' }],
      ...pairs(changeButtons),
      [{ label: t(l, 'intake.cancel'), action: 'cancel' }],
    ],
  };
}
