import type { LocalChatClient } from './local-chat-client.ts';

/** Walks a partner through the guided request with sensible answers; returns the bot's last reply. */
export async function submitRequestViaChat(
  partner: LocalChatClient,
  opts: {
    organisation?: string;
    date?: string;
    language?: string;
    wijk?: string;
    /** Press "Zelfde als vorige keer" at the contact step instead of typing the contact. */
    sameContact?: boolean;
    /** Run at the summary, just before "Versturen" (e.g. to change a field). */
    atSummary?: () => Promise<unknown>;
    /** False: stop at the summary, without pressing "Versturen". */
    submit?: boolean;
  } = {},
): Promise<string> {
  let replies = await partner.send('/aanvragen');
  if (replies.some((m) => m.text.includes('Voor welke organisatie')))
    await partner.send(opts.organisation ?? 'Testhuis');
  await partner.press('Eenzaamheid');
  await partner.send('Ouderen in de buurt zien elkaar weinig sinds het buurthuis dicht is.');
  await partner.send('Ouderen uit de buurt');
  await partner.send('12');
  if (opts.language) await partner.send(opts.language);
  else await partner.press('Nederlands');
  await partner.press('📍 Op locatie');
  await partner.send(opts.wijk ?? 'Overvecht');
  await partner.send('Gloriosa 1');
  await partner.send(opts.date ?? '15-12-2026 19:00');
  await partner.press('Nee, verder');
  await partner.press('90 minuten');
  await partner.press('Nee');
  await partner.press('Geen');
  if (opts.sameContact) await partner.press(/^Zelfde als vorige keer: /);
  else {
    await partner.press(/^Ik \(/);
    await partner.send('partner@example.org');
  }
  await opts.atSummary?.();
  if (opts.submit === false) return partner.last();
  replies = await partner.press('✅ Versturen');
  return replies.map((m) => m.text).join('\n');
}
