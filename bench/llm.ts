// npm run bench:llm — LLM calls and tokens per intake and per harvest, against the fake
// OpenAI-compatible server (test/fakes/openai-api.ts). The fake reports a fixed usage per answer
// (321 prompt + 123 completion tokens), so "reported tokens" counts calls more than size; the
// prompt size we really send is given as characters and as an estimate (characters / 4).
// Prints a table and one BENCH_JSON line (bench/all.ts).
import { DateTime } from 'luxon';
import type { App } from '../src/app.ts';
import { type FakeBehaviour, type RecordedRequest, startFakeOpenAI } from '../test/fakes/openai-api.ts';
import { createPerson } from '../test/support/fixtures.ts';
import { pastSessionWithLead } from '../test/support/harvest-llm.ts';
import { LocalChatClient, settle } from '../test/support/local-chat-client.ts';
import { cleanRedis, emit, machine, startBenchApp, withBenchDatabase } from './bench-env.ts';

const INTAKES = Number(process.env.LLM_INTAKES ?? 10);
const HARVESTS = Number(process.env.LLM_HARVESTS ?? 5);
const MESSAGE =
  "Wij willen op dinsdag 8 december 2026 's avonds om 19.30 een dialoog over eenzaamheid met ongeveer 15 ouderen in Overvecht, in Buurtcentrum De Leeuw aan de Gloriosa 1. Het doel is dat buren elkaar weer leren kennen nu het buurthuis dicht is. Groet, Fatima";

const EXTRACTION = {
  organisation: 'Buurtcentrum De Leeuw',
  theme: 'eenzaamheid',
  goal: 'Buren leren elkaar weer kennen',
  targetGroup: 'ouderen',
  expectedParticipants: 15,
  languages: ['nl'],
  location: { wijk: 'Overvecht', address: 'Gloriosa 1', online: false },
  dateOptions: [{ start: '2026-12-08T19:30', end: '2026-12-08T21:00' }],
  durationMinutes: 90,
  coDesign: true,
  accessibility: null,
  contact: { name: 'Fatima', email: null, phone: null },
};
const ANSWERS: Record<string, unknown> = {
  ExtractRequestOutput: EXTRACTION,
  CodesignOutput: {
    format: 'Kringgesprek',
    questions: ['Wat gaat goed in de buurt?', 'Wat wens je je buren toe?'],
  },
  HarvestDraftOutput: {
    participants: 14,
    themes: ['eenzaamheid'],
    tags: ['bibliotheek'],
    items: [
      { section: 'insight', text: 'Buren willen elkaar vaker zien.' },
      { section: 'idea', text: 'Meer bankjes in het park' },
    ],
  },
  HarvestPhotoOutput: { readable: true, text: 'flap' },
};

const kindOf = (r: RecordedRequest) =>
  r.path.endsWith('/audio/transcriptions')
    ? 'transcription'
    : (r.body.response_format?.json_schema?.name ?? 'other');
const answer = (r: RecordedRequest): FakeBehaviour => {
  const value = ANSWERS[kindOf(r)];
  return value ? { kind: 'json', value } : { kind: 'status', status: 500 };
};
const promptChars = (rs: RecordedRequest[]) =>
  rs.reduce((n, r) => n + (r.body.messages ?? []).reduce((m, x) => m + String(x.content).length, 0), 0);

async function intake(app: App, i: number): Promise<void> {
  const key = `bench-partner-${i}`;
  const person = await createPerson(app.db.prisma, key, `Partner${i}`, ['PARTNER']);
  await app.db.prisma.membership.create({
    data: {
      person: { connect: { id: person.id } },
      organisation: { connectOrCreate: { where: { name: 'Benchhuis' }, create: { name: 'Benchhuis' } } },
    },
  });
  const partner = new LocalChatClient(app, key);
  await partner.send(`/aanvragen ${MESSAGE}`);
  // Whatever the model left open is asked; answer it the simple way (as test/integration does).
  for (let step = 0; step < 12; step++) {
    const last = await partner.last();
    if (last.includes('Zo ziet je aanvraag eruit')) break;
    if (last.includes('Wie wil je aan tafel')) await partner.send('Ouderen uit de buurt');
    else if (last.includes('In welke taal')) await partner.press('Nederlands');
    else if (last.includes('Hoe lang duurt')) await partner.press('90 minuten');
    else if (last.includes('co-design')) await partner.press('Ja');
    else if (last.includes('toegankelijkheid')) await partner.press('Geen');
    else if (last.includes('contactpersoon')) await partner.press(/^Ik \(/);
    else if (last.includes('Hoe kunnen we')) await partner.send('partner@example.org');
    else if (last.includes('adres')) await partner.send('Gloriosa 1');
    else throw new Error(`intake: unexpected question: ${last.slice(0, 120)}`);
  }
  await partner.press('✅ Versturen');
  await settle(app);
}

async function harvest(app: App, i: number, partnerId: string, now: Date): Promise<void> {
  const s = await pastSessionWithLead(app, `bench-h${i}`, partnerId, now);
  const lead = new LocalChatClient(app, s.key);
  await lead.send('/oogst');
  for (const text of [
    'We waren met 14 mensen',
    'eenzaamheid, bibliotheek',
    'Buren willen elkaar vaker zien',
    '"Hier voel ik me gezien"',
    'Het buurthuis is dicht',
    'Niets bijzonders',
    'Meer bankjes in het park',
    'geen namen',
    'Ik was zenuwachtig',
  ])
    await lead.send(text);
  for (let t = 0; t < 300; t++) {
    if ((await lead.last()).includes('Dit is de oogst zoals ik hem zou delen')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('harvest: no draft to review within 30 s');
}

async function main(): Promise<void> {
  const fake = await startFakeOpenAI();
  fake.setDefault(answer);
  // Noon in Amsterdam by the app's clock: never inside quiet hours.
  const zone = 'Europe/Amsterdam';
  const offset = DateTime.now().setZone(zone).set({ hour: 12, minute: 0 }).toMillis() - Date.now();
  const now = () => new Date(Date.now() + offset);
  const figures = await withBenchDatabase(async (url) => {
    const app = await startBenchApp(
      url,
      {
        LOCAL_CHAT: '1',
        OPENAI_API_KEY: 'sk-bench-not-real',
        OPENAI_BASE_URL: fake.url,
        OPENAI_MODEL: 'fake',
      },
      { now },
    );
    try {
      const measure = async (fn: () => Promise<void>) => {
        const before = fake.requests.length;
        await fn();
        return fake.requests.slice(before);
      };
      const intakeReqs = await measure(async () => {
        for (let i = 0; i < INTAKES; i++) await intake(app, i);
      });
      const partner = await createPerson(app.db.prisma, 'bench-partner-h', 'PartnerH', ['PARTNER']);
      const harvestReqs = await measure(async () => {
        for (let i = 0; i < HARVESTS; i++) await harvest(app, i, partner.id, now());
      });
      return { intake: per(intakeReqs, INTAKES), harvest: per(harvestReqs, HARVESTS) };
    } finally {
      await app.stop();
      await cleanRedis(app);
      await fake.close();
    }
  });
  console.log(`bench:llm — ${new Date().toISOString()} — ${machine()}`);
  console.log(
    '| flow | runs | LLM calls per run | by kind | tokens reported per run (fake: 444 per call) | prompt characters per run | ≈ prompt tokens per run (chars/4) |',
  );
  console.log('|---|---:|---:|---|---:|---:|---:|');
  for (const [name, f] of Object.entries(figures)) {
    console.log(
      `| ${name} | ${f.runs} | ${f.callsPerRun.toFixed(2)} | ${JSON.stringify(f.byKind)} | ${f.tokensPerRun.toFixed(0)} | ${f.promptCharsPerRun.toFixed(0)} | ${(f.promptCharsPerRun / 4).toFixed(0)} |`,
    );
  }
  emit('llm', figures);
  process.exit(0);
}

function per(reqs: RecordedRequest[], runs: number) {
  const byKind: Record<string, number> = {};
  for (const r of reqs) byKind[kindOf(r)] = (byKind[kindOf(r)] ?? 0) + 1;
  return {
    runs,
    callsPerRun: reqs.length / runs,
    byKind,
    // Every successful answer of the fake reports usage.total_tokens = 444; failures report none.
    tokensPerRun: (reqs.filter((r) => ANSWERS[kindOf(r)]).length * 444) / runs,
    promptCharsPerRun: promptChars(reqs) / runs,
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
