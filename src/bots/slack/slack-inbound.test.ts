import { describe, expect, it } from 'vitest';
import { actionToInbound, commandToIntent, messageToInbound, slackUserId } from './slack-inbound.ts';

const at = new Date('2026-11-29T10:00:00Z');
const envelope = (event: Record<string, unknown>) => ({
  team_id: 'T1',
  event_id: 'Ev1',
  event: { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'hoi', ...event },
});
const cmd = (text: string) => ({
  team_id: 'T1',
  user_id: 'U1',
  user_name: 'noor',
  channel_id: 'D1',
  text,
  trigger_id: 'trig1',
});

describe('Slack → InboundEvent', () => {
  it('a DM becomes text from workspace+user, with the event id Slack repeats on retries', () => {
    expect(messageToInbound(envelope({}), at)).toEqual({
      eventId: 'ev:Ev1',
      sender: {
        platform: 'SLACK',
        externalId: 'T1:U1',
        workspaceId: 'T1',
        chatId: 'D1',
        displayName: undefined,
      },
      content: { kind: 'text', text: 'hoi' },
      receivedAt: at,
    });
  });

  it.each([
    ['a bot message', { bot_id: 'B1' }],
    ['an edit', { subtype: 'message_changed' }],
    ['a channel message', { channel_type: 'channel', channel: 'C1' }],
    ['no user', { user: undefined }],
  ])('ignores %s', (_name, over) => {
    expect(messageToInbound(envelope(over), at)).toBeNull();
  });

  it('a shared file becomes media by its mime type', () => {
    const e = messageToInbound(
      envelope({ subtype: 'file_share', text: '', files: [{ id: 'F1', mimetype: 'audio/webm' }] }),
      at,
    );
    expect(e?.content).toEqual({
      kind: 'media',
      mediaKind: 'voice',
      fileRef: 'slack:T1:F1',
      caption: undefined,
    });
  });

  it.each([
    ['', { kind: 'command', command: 'help', args: '' }],
    ['aanvragen', { kind: 'command', command: 'aanvragen', args: '' }],
    ['request', { kind: 'command', command: 'aanvragen', args: '' }],
    ['taal en', { kind: 'command', command: 'taal', args: 'en' }],
    ['mijnaanvragen', { kind: 'command', command: 'mijnaanvragen', args: '' }],
    ['overzicht', { kind: 'command', command: 'overzicht', args: '' }],
    ['profiel', { kind: 'command', command: 'profiel', args: '' }],
    ['stop', { kind: 'command', command: 'stop', args: '' }],
    ['koppel ABC123', { kind: 'command', command: 'koppel', args: 'ABC123' }],
    ['Frobnicate!', { kind: 'command', command: 'frobnicate', args: '' }],
  ])('/dialoog %s → the core command', (text, content) => {
    const intent = commandToIntent(cmd(text), at);
    expect(intent.kind === 'event' && intent.event.content).toEqual(content);
    expect(intent.kind === 'event' && intent.event.eventId).toBe('cmd:trig1');
  });

  it.each(['formulier', 'form', 'aanvragen formulier', 'request form'])(
    '/dialoog %s opens the form',
    (text) => {
      expect(commandToIntent(cmd(text), at)).toEqual({ kind: 'openForm' });
    },
  );

  it('never keeps a public channel as the place to reach someone', () => {
    const intent = commandToIntent({ ...cmd('help'), channel_id: 'C123' }, at);
    expect(intent.kind === 'event' && intent.event.sender.chatId).toBeUndefined();
  });

  it('a button press carries our opaque id; user + action_ts identify it', () => {
    const e = actionToInbound(
      { team: { id: 'T1' }, user: { id: 'U1' }, container: { channel_id: 'D1', message_ts: '1.2' } },
      { action_id: 'abcDEF123456', value: 'abcDEF123456', action_ts: '1700.5' },
      at,
    );
    expect(e?.eventId).toBe('act:U1:1700.5');
    expect(e?.content).toEqual({ kind: 'button', buttonId: 'abcDEF123456' });
    expect(
      actionToInbound(
        { team: { id: 'T1' }, user: { id: 'U1' } },
        { action_id: 'x'.repeat(65), action_ts: '1' },
        at,
      ),
    ).toBeNull();
  });

  it('reads the user id back from an external id', () => {
    expect(slackUserId('T1:U1')).toBe('U1');
  });
});
