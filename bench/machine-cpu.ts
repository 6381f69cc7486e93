import fs from 'node:fs';

/* CPU time of the whole machine and of other processes (PostgreSQL, Redis), for benchmarks on Linux. */

/** CPU time so far of every running process named `name` (e.g. postgres), in ms (Linux; none found elsewhere). */
export function processesMs(name: string): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (!comm.startsWith(name)) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(Number(pid), ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
      } catch {
        // The process ended meanwhile.
      }
    }
  } catch {
    // Not Linux.
  }
  return out;
}

/**
 * CPU ms spent by processes named `name` between two `processesMs` readings (ended ones are lost);
 * NaN when none was found (another host or container: not a figure of 0).
 */
export function processesDelta(before: Map<number, number>, after: Map<number, number>): number {
  if (after.size === 0) return Number.NaN;
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

/** Busy CPU time of the whole machine so far, in ms (Linux /proc/stat; NaN elsewhere). */
export function machineBusyMs(): number {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    const ticks = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}
