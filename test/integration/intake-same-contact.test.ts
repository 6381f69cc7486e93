import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import { createPerson } from '../support/fixtures.ts';
import { submitRequestViaChat } from '../support/intake-script.ts';
import { LocalChatClient, texts } from '../support/local-chat-client.ts';

describe('intake: "same contact as last time" (PostgreSQL + Redis)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: '0' } });
    await createPerson(app.db.prisma, 'coord', 'Lieke', ['COORDINATOR']);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('a first request has no such button; the second request by the same partner uses it', async () => {
    const person = await createPerson(app.db.prisma, 'partner-sam', 'Sam', ['PARTNER']);
    const sam = new LocalChatClient(app, 'partner-sam');
    expect(await submitRequestViaChat(sam)).toContain('#');
    const firstContactPrompt = (await sam.history()).find((m) => m.text.includes('Wie is de contactpersoon'));
    expect(firstContactPrompt?.buttons?.flat().some((b) => b.label.startsWith('Zelfde als'))).toBe(false);

    await submitRequestViaChat(sam, { sameContact: true, date: '17-12-2026 19:00' });
    const requests = await app.db.prisma.dialogueRequest.findMany({
      where: { requestedById: person.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(requests).toHaveLength(2);
    expect(requests[1]).toMatchObject({
      contactName: 'Sam',
      contactEmail: 'partner@example.org',
      contactPhone: null,
    });
    // The button showed name and e-mail (typing instead is covered in src/flows/intake/intake-contact.test.ts).
    const label = (await sam.history())
      .flatMap((m) => m.buttons?.flat() ?? [])
      .find((b) => b.label.startsWith('Zelfde als vorige keer'))?.label;
    expect(label).toBe('Zelfde als vorige keer: Sam, partner@example.org');
    expect(texts(await sam.send('/help'))).not.toContain('Je was ook nog bezig');
  });
});
