/**
 * CPU time of a whole browser (every Chromium process it started: GPU/viz
 * compositing, renderer, network), from Linux's /proc. The DevTools metrics
 * only see one renderer; a kiosk pays for all of them. Elsewhere: NaN.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface Stat {
  pid: number;
  ppid: number;
  ticks: number;
}

function stats(): Stat[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const out: Stat[] = [];
  for (const entry of entries) {
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: fields start after the last ')'.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(entry), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return out;
}

/** Our own direct children: a browser Playwright launches is one of them. */
export function childPids(): Set<number> {
  return new Set(
    stats()
      .filter((s) => s.ppid === process.pid)
      .map((s) => s.pid),
  );
}

/** CPU seconds used so far by `root` and all its descendants still alive. */
export function treeCpuSeconds(root: number | null): number {
  if (root === null) return Number.NaN;
  const all = stats();
  if (all.length === 0) return Number.NaN;
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of all) {
      if (!inTree.has(s.pid) && inTree.has(s.ppid)) {
        inTree.add(s.pid);
        grew = true;
      }
    }
  }
  return all.filter((s) => inTree.has(s.pid)).reduce((sum, s) => sum + s.ticks, 0) / clockTicks();
}
