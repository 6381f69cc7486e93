// Turns each benchmark's BENCH_JSON figures into rows of the one table of bench/all.ts.
// Tolerant: a figure a benchmark did not report is left out, never guessed.

export interface Row {
  bench: string;
  figure: string;
  value: string;
  versus?: string;
  ratio?: string;
}

type Json = Record<string, unknown>;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const f = (v: number | undefined, d = 1) => (v === undefined ? '—' : v.toFixed(d));
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? undefined : (a / b).toFixed(2);
const MB = 1024 * 1024;

export function rows(results: Record<string, Json>): Row[] {
  const out: Row[] = [];
  const add = (r: Row) => out.push(r);

  const tg = results.telegram;
  if (tg) {
    const inbound = arr(tg.inbound);
    const ours = inbound.find((r) => String(r.name).startsWith('our'));
    const conv = inbound.find((r) => /conversations/i.test(String(r.name)));
    const echo = inbound.find((r) => /echo/i.test(String(r.name)));
    if (ours) {
      add({
        bench: 'telegram',
        figure: 'inbound updates/s (ours)',
        value: f(num(ours.perSecond)),
        versus: conv ? `grammY conversations bot ${f(num(conv.perSecond))}` : undefined,
        ratio: ratio(num(ours.perSecond), num(conv?.perSecond)),
      });
      add({
        bench: 'telegram',
        figure: 'inbound p50 / p99 ms (ours)',
        value: `${f(num(ours.p50))} / ${f(num(ours.p99))}`,
        versus: echo ? `echo bot p50 ${f(num(echo.p50))}` : undefined,
        ratio: ratio(num(ours.p50), num(echo?.p50)),
      });
      add({
        bench: 'telegram',
        figure: 'CPU ms per update (ours): this process',
        value: f(num(ours.cpuMsPerUpdate), 2),
        versus: conv ? `grammY conversations bot ${f(num(conv.cpuMsPerUpdate), 2)}` : undefined,
        ratio: ratio(num(ours.cpuMsPerUpdate), num(conv?.cpuMsPerUpdate)),
      });
      if (num(ours.machineMsPerUpdate) !== undefined)
        add({
          bench: 'telegram',
          figure: 'CPU ms per update (ours): PostgreSQL / whole machine',
          value: `${f(num(ours.postgresMsPerUpdate), 2)} / ${f(num(ours.machineMsPerUpdate), 2)}`,
          versus: conv
            ? `grammY conversations bot ${f(num(conv.postgresMsPerUpdate), 2)} / ${f(num(conv.machineMsPerUpdate), 2)}`
            : undefined,
          ratio: ratio(num(ours.machineMsPerUpdate), num(conv?.machineMsPerUpdate)),
        });
    }
    const o = obj(tg.outbound);
    if (num(o.rate) !== undefined) {
      add({
        bench: 'telegram',
        figure: 'outbound messages/s',
        value: f(num(o.rate)),
        versus: 'limit 30/s',
        ratio: ratio(num(o.rate), 30),
      });
      add({ bench: 'telegram', figure: 'outbound lost / duplicates', value: `${o.lost} / ${o.duplicates}` });
    }
  }

  const sl = results.slack;
  if (sl && num(obj(sl.ourClosed).perSecond) !== undefined) {
    const [ours, bolt, oursOpen, boltOpen] = [sl.ourClosed, sl.boltClosed, sl.ourOpen, sl.boltOpen].map(obj);
    add({
      bench: 'slack',
      figure: 'events acknowledged/s, closed loop (ours)',
      value: f(num(ours.perSecond)),
      versus: `bare Bolt ${f(num(bolt.perSecond))}`,
      ratio: ratio(num(ours.perSecond), num(bolt.perSecond)),
    });
    add({
      bench: 'slack',
      figure: 'ack p99 ms, open loop (ours)',
      value: f(num(oursOpen.p99)),
      versus: `bare Bolt ${f(num(boltOpen.p99))}`,
      ratio: ratio(num(oursOpen.p99), num(boltOpen.p99)),
    });
  }

  const ma = results.matching;
  if (ma) {
    const runs = arr(ma.runs);
    const opt = runs.find((r) => r.name === 'optimal') ?? runs[0];
    const greedy = runs.find((r) => r.name === 'greedy') ?? runs[1];
    if (opt) {
      add({
        bench: 'matching',
        figure: '500 × 5,000: places filled (optimal)',
        value: String(opt.filled ?? '—'),
        versus: greedy ? `greedy ${greedy.filled}` : undefined,
        ratio: ratio(num(opt.filled), num(greedy?.filled)),
      });
      add({
        bench: 'matching',
        figure: 'warm run ms (optimal)',
        value: f(num(opt.warmMs), 0),
        versus: greedy ? `greedy ${f(num(greedy.warmMs), 0)}` : undefined,
        ratio: ratio(num(opt.warmMs), num(greedy?.warmMs)),
      });
      add({
        bench: 'matching',
        figure: 'longest event-loop wait ms (main thread)',
        value: f(num(opt.loopMaxMs)),
      });
    }
  }

  for (const r of arr(results.reminders?.results)) {
    const name = String(r.name ?? 'run');
    const enq = obj(r.enqueued);
    const del = obj(r.delivered);
    add({
      bench: 'reminders',
      figure: `${name}: late ms p50 / p99 (to outbound queue)`,
      value: `${f(num(enq.p50), 0)} / ${f(num(enq.p99), 0)}`,
    });
    add({ bench: 'reminders', figure: `${name}: delivered ms p99`, value: f(num(del.p99), 0) });
    add({
      bench: 'reminders',
      figure: `${name}: lost / duplicates / CPU ms per reminder`,
      value: `${r.lost ?? '—'} / ${r.duplicates ?? '—'} / ${f(num(r.cpuMsPerReminder), 2)}`,
    });
  }

  const me = results.memory;
  if (me) {
    const mb = (v: unknown) => f(num(v) === undefined ? undefined : (num(v) as number) / MB);
    add({
      bench: 'memory',
      figure: `RSS MB start / peak / end at ${me.rate} updates/s for ${me.seconds} s`,
      value: `${mb(me.rssStart)} / ${mb(me.rssPeak)} / ${mb(me.rssEnd)}`,
      versus: 'start',
      ratio: ratio(num(me.rssPeak), num(me.rssStart)),
    });
    add({
      bench: 'memory',
      figure: 'heap after GC MB, start → end',
      value: `${mb(me.heapStart)} → ${mb(me.heapEnd)}`,
      ratio: ratio(num(me.heapEnd), num(me.heapStart)),
    });
    add({
      bench: 'memory',
      figure: 'updates answered/s, non-200, ack p99 ms',
      value: `${f(num(me.achieved))}, ${me.errors}, ${f(num(me.p99), 0)}`,
      versus: `offered ${me.rate}/s`,
      ratio: ratio(num(me.achieved), num(me.rate)),
    });
  }

  const llm = results.llm;
  if (llm) {
    for (const name of ['intake', 'harvest']) {
      const x = obj(llm[name]);
      if (num(x.callsPerRun) === undefined) continue;
      add({
        bench: 'llm',
        figure: `${name}: LLM calls / reported tokens per ${name}`,
        value: `${f(num(x.callsPerRun), 2)} / ${f(num(x.tokensPerRun), 0)}`,
      });
      add({
        bench: 'llm',
        figure: `${name}: prompt characters (≈ tokens) per ${name}`,
        value: `${f(num(x.promptCharsPerRun), 0)} (≈ ${f((num(x.promptCharsPerRun) ?? 0) / 4, 0)})`,
      });
    }
  }
  return out;
}
