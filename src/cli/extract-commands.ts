import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import { loadConfig } from '../config.ts';
import type { ExtractedRequest } from '../domain/extract/extracted-request.ts';
import { type ScoredField, scoreCase, summarise } from '../domain/extract/score.ts';
import { extractRequest } from '../llm/extract-request.ts';
import { createLlmClient } from '../llm/llm-client.ts';
import { formatSummary, loadGoldenSet } from './eval-intake.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const GOLDEN_FILES = ['test/golden/intake.jsonl', 'test/golden/intake-holdout.jsonl'];

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')
    .slice(1)
    .join('=');
}

function extractorOption(args: string[]): 'rules' | 'llm' | undefined | 'bad' {
  const v = option(args, 'extractor');
  return v === undefined || v === 'rules' || v === 'llm' ? v : 'bad';
}

/** The issue's output shape, in the issue's key order. */
export function toOutputShape(r: ExtractedRequest) {
  return {
    organisation: r.organisation,
    theme: r.theme,
    goal: r.goal,
    targetGroup: r.targetGroup,
    expectedParticipants: r.expectedParticipants,
    languages: r.languages,
    location: { wijk: r.location.wijk, address: r.location.address, online: r.location.online },
    dateOptions: r.dateOptions.map((d) => ({ start: d.start, end: d.end })),
    durationMinutes: r.durationMinutes,
    coDesign: r.coDesign,
    accessibility: r.accessibility,
    contact: { name: r.contact.name, email: r.contact.email, phone: r.contact.phone },
    missing: r.missing,
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `extract-request [--now ISO] [--extractor rules|llm] [--locale nl|en] [--pretty]`: stdin → one JSON object. */
export async function runExtractRequest(args: string[], log: Logger): Promise<number> {
  const config = loadConfig();
  const extractor = extractorOption(args);
  const nowArg = option(args, 'now');
  const now = nowArg ? DateTime.fromISO(nowArg, { zone: config.APP_TIMEZONE }) : DateTime.now();
  const locale = option(args, 'locale') ?? config.DEFAULT_LOCALE;
  if (extractor === 'bad' || !now.isValid || (locale !== 'nl' && locale !== 'en')) {
    console.error(
      'usage: extract-request [--now 2026-11-25T10:00:00+01:00] [--extractor rules|llm] [--locale nl|en]',
    );
    return 2;
  }
  const text = await readStdin();
  const llm = createLlmClient(config, { log });
  const r = await extractRequest(text, {
    now: now.toJSDate(),
    locale,
    zone: config.APP_TIMEZONE,
    extractor,
    llm,
  });
  // A reason only, never content: standard output stays one JSON object.
  if (r.fallback) console.error(`extract-request: LLM not used (${r.fallback}); rule-based result`);
  const shape = toOutputShape(r.request);
  console.log(args.includes('--pretty') ? JSON.stringify(shape, null, 2) : JSON.stringify(shape));
  return 0;
}

/** `eval-intake [--extractor rules|llm] [--verbose]`: field-level accuracy on the golden sets. */
export async function runEvalIntake(args: string[], log: Logger): Promise<number> {
  const config = loadConfig();
  const extractor = extractorOption(args);
  if (extractor === 'bad') {
    console.error('usage: eval-intake [--extractor rules|llm] [--verbose]');
    return 2;
  }
  const llm = createLlmClient(config, { log });
  const active = extractor ?? (llm.enabled ? 'llm' : 'rules');
  const all: Array<{ id: string; verdicts: Record<ScoredField, boolean> }> = [];
  let fallbacks = 0;
  for (const file of GOLDEN_FILES) {
    const results = [];
    for (const c of loadGoldenSet(path.join(ROOT, file))) {
      const r = await extractRequest(c.text, {
        now: new Date(c.now),
        locale: c.locale,
        extractor: active,
        llm,
      });
      if (r.fallback) fallbacks++;
      results.push({ id: c.id, verdicts: scoreCase(c, r.request) });
    }
    all.push(...results);
    console.log(`${formatSummary(summarise(results), `${active} — ${file}`, args.includes('--verbose'))}\n`);
  }
  console.log(formatSummary(summarise(all), `${active} — all sets`, false));
  if (active === 'llm') console.log(`\n  LLM fell back to the rules in ${fallbacks} of ${all.length} cases`);
  return 0;
}
