// npm run bench — runs every benchmark one after the other (each in its own process, unchanged:
// bench:telegram, bench:slack, bench:matching, bench:reminders, bench:memory, bench:llm), reads the
// one BENCH_JSON line each prints, and prints one table of figures and ratios. It writes the table
// to docs/BENCHMARKS.md with the date, the machine and the load average at start and end.
// BENCH_ONLY=telegram,llm runs a subset; its figures replace those of the same benchmarks in the
// committed docs/BENCHMARKS.md, whose other rows and their conditions are kept, and the document says so.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Row, rows } from './all-rows.ts';
import { machine } from './bench-env.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOC = path.join(ROOT, 'docs/BENCHMARKS.md');
const BENCHES: { name: string; args: string[] }[] = [
  { name: 'telegram', args: ['--import', 'tsx', 'bench/telegram.ts'] },
  { name: 'slack', args: ['--import', 'tsx', 'bench/slack.ts'] },
  { name: 'matching', args: ['--import', 'tsx', 'bench/matching.ts'] },
  { name: 'reminders', args: ['--import', 'tsx', 'bench/reminders.ts'] },
  { name: 'memory', args: ['--expose-gc', '--import', 'tsx', 'bench/memory.ts'] },
  { name: 'llm', args: ['--import', 'tsx', 'bench/llm.ts'] },
];

/** Runs one benchmark, echoing its output, and collects its BENCH_JSON lines. */
function run(args: string[]): Promise<{ code: number; json: Record<string, unknown>[]; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const json: Record<string, unknown>[] = [];
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      process.stdout.write(d);
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^BENCH_JSON (.*)$/.exec(line.trim());
        if (m?.[1]) json.push(JSON.parse(m[1]) as Record<string, unknown>);
      }
    });
    child.on('exit', (code) => resolve({ code: code ?? 1, json, seconds: (Date.now() - started) / 1000 }));
  });
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const chosen = BENCHES.filter((b) => !only || only.includes(b.name));
  const started = new Date();
  const loadStart = os.loadavg();
  const results: Record<string, Record<string, unknown>> = {};
  const failures: string[] = [];
  const durations: string[] = [];
  for (const b of chosen) {
    console.log(`\n=== bench:${b.name} ===`);
    let r = await run(b.args);
    if (r.code !== 0 || r.json.length === 0) {
      console.log(`\n=== bench:${b.name} failed (exit ${r.code}); once more ===`);
      r = await run(b.args);
    }
    durations.push(`${b.name} ${r.seconds.toFixed(0)} s`);
    if (r.code !== 0 || r.json.length === 0)
      failures.push(`${b.name} (exit ${r.code}, ${r.json.length} result lines)`);
    // A benchmark may print several lines (telegram: inbound, then outbound): merged.
    results[b.name] = Object.assign({}, ...r.json);
  }
  const loadEnd = os.loadavg();
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  const conditions = [
    `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.`,
    `Load average (1 / 5 / 15 min): ${load(loadStart)} at the start, ${load(loadEnd)} at the end` +
      (Math.max(loadStart[0] ?? 0, loadEnd[0] ?? 0) > os.cpus().length
        ? ' — above the number of cores: other work competed for the CPUs, so times are pessimistic and noisy (CPU ms per operation is the steadier figure).'
        : '.'),
    `Durations: ${durations.join(', ')}.${failures.length ? ` Failed or without figures: ${failures.join(', ')}.` : ''}`,
  ];
  const fresh = render(rows(results));
  let header = conditions;
  let table = fresh;
  if (only) {
    // A subset: its figures replace the same figures in the document; every other row, and the
    // conditions it was measured in, stays as the document has it (a figure the re-run did not
    // produce too). An earlier re-run of only these benchmarks whose figures are all replaced goes.
    const earlier = parseDoc(existsSync(DOC) ? readFileSync(DOC, 'utf8') : '');
    const names = chosen.map((b) => b.name);
    const freshRows = tableRows(fresh);
    const figure = (row: string) => row.split('|')[2]?.trim() ?? '';
    const kept = new Set<string>();
    const merged = BENCHES.flatMap((b) => {
      const before = earlier.rows.get(b.name) ?? [];
      if (!names.includes(b.name)) return before;
      const now = freshRows.get(b.name) ?? [];
      const figures = new Set(now.map(figure));
      const old = before.filter((r) => !figures.has(figure(r)));
      if (old.length) kept.add(b.name);
      // Fresh figures in the document's order, then any new ones, then old ones not re-measured.
      const order = before.map(figure);
      const sorted = [...now].sort((x, y) => rank(order, figure(x)) - rank(order, figure(y)));
      return [...sorted, ...old];
    });
    header = [
      ...earlier.blocks
        .filter((b) => !rerunOf(b).length || rerunOf(b).some((n) => !names.includes(n) || kept.has(n)))
        .flatMap((b) => [...b, '']),
      ...(earlier.blocks.length ? [] : ['(no full run recorded)', '']),
      `Re-run of ${names.join(', ')} only, whose figures replace the full run's:`,
      ...conditions,
    ];
    table = [...fresh.split('\n').slice(0, 2), ...merged].join('\n');
  }
  console.log(`\n${header.join('\n')}\n\n${table}`);
  writeFileSync(DOC, doc(header, table));
  console.log(`\nwrote ${path.relative(ROOT, DOC)}`);
  process.exit(failures.length ? 1 : 0);
}

/** Where a figure stands in the document's order (new figures after the known ones). */
function rank(order: string[], figure: string): number {
  const i = order.indexOf(figure);
  return i < 0 ? order.length : i;
}

/** The rows of a rendered table, per benchmark (its first cell), in their order. */
function tableRows(table: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of table.split('\n').slice(2)) {
    const bench = /^\| ([^|]+?) \|/.exec(line)?.[1];
    if (bench) out.set(bench, [...(out.get(bench) ?? []), line]);
  }
  return out;
}

/**
 * What docs/BENCHMARKS.md holds: the blocks of conditions above the table (separated by blank
 * lines: the full run, then any re-runs) and the table's rows per benchmark.
 */
function parseDoc(text: string): { blocks: string[][]; rows: Map<string, string[]> } {
  const lines = text.split('\n');
  const tableAt = lines.findIndex((l) => l.startsWith('| benchmark |'));
  if (tableAt < 0) return { blocks: [], rows: new Map() };
  const marker = lines.findIndex((l) => l.startsWith('<!-- conditions'));
  // Documents written before the marker: the conditions follow the intro's last line.
  const introEnd = marker >= 0 ? marker : lines.findIndex((l) => l.startsWith('on a quiet machine'));
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const line of lines.slice(introEnd + 1, tableAt)) {
    if (line.trim()) block.push(line);
    else if (block.length) {
      blocks.push(block);
      block = [];
    }
  }
  if (block.length) blocks.push(block);
  let end = tableAt;
  while (lines[end]?.startsWith('|')) end++;
  return { blocks, rows: tableRows(lines.slice(tableAt, end).join('\n')) };
}

/** The benchmarks a block of conditions says were re-run ("Re-run of telegram, llm only, …"); none for a full run. */
function rerunOf(block: string[]): string[] {
  const m = /^Re-run of (.+?) only/.exec(block[0] ?? '');
  return m?.[1] ? m[1].split(',').map((s) => s.trim()) : [];
}

function render(list: Row[]): string {
  const out = ['| benchmark | figure | value | compared with | ratio |', '|---|---|---:|---|---:|'];
  for (const r of list)
    out.push(`| ${r.bench} | ${r.figure} | ${r.value} | ${r.versus ?? ''} | ${r.ratio ?? ''} |`);
  return out.join('\n');
}

function doc(header: string[], table: string): string {
  return `# Benchmarks

Written by \`npm run bench\` (bench/all.ts), which runs every benchmark in turn, each in its own
process: \`bench:telegram\`, \`bench:slack\`, \`bench:matching\`, \`bench:reminders\`, \`bench:memory\`
and \`bench:llm\`. Each benchmark's own page has its details and method: docs/telegram.md,
docs/slack.md, docs/matching.md, docs/reminders.md. PostgreSQL, Redis, the fakes of Telegram,
Slack and the LLM, the load generators and the app all run on the one machine. The load average
below tells whether other work competed for the CPUs; figures for publication should be measured
on a quiet machine (CPU ms per operation is the least load-sensitive figure).

<!-- conditions: written by bench/all.ts -->
${header.join('\n')}

${table}
<!-- end of table -->

## What the rows mean

- **telegram**: updates through the webhook for a whole sign-up and first request per user,
  our pipeline against a grammY conversations bot and a bare echo bot on the same fake Bot API;
  outbound: messages per second against a fake enforcing Telegram's 30 messages/s.
- **slack**: Events API requests acknowledged per second and acknowledgement latency, ours
  against bare Bolt, closed loop and open loop.
- **matching**: 500 sessions × 5,000 volunteers, optimal (min-cost flow) against greedy.
- **reminders**: 1,000 reminders due at once and over a minute; lateness and CPU per reminder;
  Redis flushed mid-run and restored by the reconciler.
- **memory**: the app receiving 100 Telegram updates/s for a minute through its webhook
  (from 1,000 users, each answered through the fake Bot API): RSS at the start, the peak and
  the end (after the backlog), and the heap after a forced GC. RSS includes the fake Bot API
  and the load generator (same process).
- **llm**: calls to the fake OpenAI-compatible server per intake (a whole request in one message)
  and per harvest. The fake reports a fixed usage of 444 tokens per answer, so the token figure
  counts calls; the prompt size is given in characters and as characters / 4.
`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
