// Used by tests and by bench/: updates as the Telegram Bot API posts them to the webhook.

/** A text message in a private chat (chat id = user id); commands carry a bot_command entity. */
export function textMessageUpdate(opts: {
  updateId: number;
  messageId: number;
  chatId: number;
  firstName: string;
  text: string;
  languageCode?: string;
}): Record<string, unknown> {
  const { chatId, firstName, text } = opts;
  const command = /^\/\S+/.exec(text);
  return {
    update_id: opts.updateId,
    message: {
      message_id: opts.messageId,
      from: { id: chatId, is_bot: false, first_name: firstName, language_code: opts.languageCode ?? 'nl' },
      chat: { id: chatId, first_name: firstName, type: 'private' },
      date: Math.floor(Date.now() / 1000),
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  };
}
