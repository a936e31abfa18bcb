// Runs a command and measures it: wall time, and peak resident memory of its whole
// process tree (the command and every descendant, summed, polled from /proc), next to
// the largest single process's peak that /usr/bin/time -v reports when it is present.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  status: number;
  /** Set when the command was stopped at its time limit. */
  timedOut?: boolean;
  wallMs: number;
  /** Peak of the summed RSS of the process tree, sampled every POLL_MS. */
  peakTreeRss: number;
  /** Peak RSS of the largest single process (getrusage via /usr/bin/time -v), when available. */
  peakProcessRss: number | undefined;
  /**
   * CPU time of the command and every descendant it waited for (user + system, from
   * /usr/bin/time -v), when available: unlike wall time, it hardly moves when other
   * processes load the machine.
   */
  cpuMs: number | undefined;
  /**
   * What the whole machine did during the run (/proc/stat): CPU seconds every process spent,
   * and those the hypervisor took (steal). Machine CPU minus `cpuMs` is the other processes'
   * load, the usual reason a wall time varies between runs of the same build.
   */
  machine: MachineCpu | undefined;
  /**
   * The tree's CPU time and peak memory by program (the command name in /proc, e.g. `node`,
   * `pagefind_extend`), sampled: where a build's CPU and memory go between the site's Node
   * process and the search index's Pagefind processes.
   */
  programs: ProgramUse[];
  output: string;
}

export interface ProgramUse {
  name: string;
  /** CPU time (user + system) of every process of this name, as last sampled. */
  cpuMs: number;
  /** Peak of the summed RSS of the processes of this name running at once. */
  peakRss: number;
}

const POLL_MS = 100;
const PAGE_SIZE = 4096;
export const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(name));
      map.set(ppid, list);
    } catch {
      // the process ended between readdir and read
    }
  }
  return map;
}

function rssOf(pid: number): number {
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(statm[1]) * PAGE_SIZE;
  } catch {
    return 0;
  }
}

/** A process's name and its own CPU time so far (utime + stime, in clock ticks), or undefined once it has ended. */
function cpuTicksOf(pid: number): { name: string; ticks: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of /proc/<pid>/stat; the slice starts at field 3.
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** Every process of a tree: the root and all its descendants. */
function treeOf(root: number): number[] {
  const kids = children();
  const pids: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    pids.push(pid);
    stack.push(...(kids.get(pid) ?? []));
  }
  return pids;
}

/** Summed RSS of a process and all its descendants. */
export function treeRss(root: number): number {
  return treeOf(root).reduce((total, pid) => total + rssOf(pid), 0);
}

export interface MachineCpu {
  /** CPU time every process on the machine spent during the run (user, nice, system, irq, softirq). */
  busyMs: number;
  /** CPU time the hypervisor gave to other guests (steal) during the run. */
  stealMs: number;
}

/** Clock ticks per second of /proc/stat's counters (USER_HZ: 100 on Linux). */
const USER_HZ = 100;

function machineTicks(): { busy: number; steal: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return { busy: user + nice + system + irq + softirq, steal };
  } catch {
    return undefined;
  }
}

export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; quiet?: boolean; timeoutMs?: number },
): Promise<Measured> {
  const wrapped = TIME_BIN ? [TIME_BIN, ['-v', command, ...args]] as const : [command, args] as const;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const ticksAtStart = machineTicks();
    const child = spawn(wrapped[0], [...wrapped[1]], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a time limit stops the command and all it started.
      detached: true,
    });
    let timedOut = false;
    const limit = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          try {
            if (child.pid) process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }, options.timeoutMs)
      : undefined;
    let output = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!options.quiet) process.stderr.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    let peak = 0;
    // Each process's CPU ticks as last seen: /usr/bin/time counts only the descendants that
    // were waited for, which leaves out a service its parent killed at exit (Pagefind's).
    const lastTicks = new Map<number, number>();
    const nameOf = new Map<number, string>();
    const peakByName = new Map<string, number>();
    const timer = setInterval(() => {
      if (!child.pid) return;
      const pids = treeOf(child.pid);
      const rssByName = new Map<string, number>();
      let total = 0;
      for (const pid of pids) {
        const seen = cpuTicksOf(pid);
        if (seen === undefined) continue;
        lastTicks.set(pid, seen.ticks);
        nameOf.set(pid, seen.name);
        const rss = rssOf(pid);
        total += rss;
        rssByName.set(seen.name, (rssByName.get(seen.name) ?? 0) + rss);
      }
      peak = Math.max(peak, total);
      for (const [name, rss] of rssByName) peakByName.set(name, Math.max(peakByName.get(name) ?? 0, rss));
    }, POLL_MS);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (limit) clearTimeout(limit);
      const wallMs = performance.now() - start;
      const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const peakProcessRss = match ? Number(match[1]) * 1024 : undefined;
      const seconds = (label: string) => Number(new RegExp(`${label} \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? NaN);
      const cpuSeconds = seconds('User time') + seconds('System time');
      // The tree's processes as sampled (less the time wrapper itself), or what time reported when that is more.
      const sampledMs = ([...lastTicks].filter(([pid]) => pid !== child.pid).reduce((total, [, ticks]) => total + ticks, 0) * 1000) / USER_HZ;
      const cpuMs = Number.isFinite(cpuSeconds) ? Math.max(cpuSeconds * 1000, sampledMs) : lastTicks.size > 0 ? sampledMs : undefined;
      const ticksAtEnd = machineTicks();
      const machine =
        ticksAtStart && ticksAtEnd
          ? { busyMs: ((ticksAtEnd.busy - ticksAtStart.busy) * 1000) / USER_HZ, stealMs: ((ticksAtEnd.steal - ticksAtStart.steal) * 1000) / USER_HZ }
          : undefined;
      const cpuByName = new Map<string, number>();
      for (const [pid, ticks] of lastTicks) if (pid !== child.pid) cpuByName.set(nameOf.get(pid)!, (cpuByName.get(nameOf.get(pid)!) ?? 0) + (ticks * 1000) / USER_HZ);
      const programs = [...cpuByName].map(([name, ms]) => ({ name, cpuMs: ms, peakRss: peakByName.get(name) ?? 0 })).sort((a, b) => b.cpuMs - a.cpuMs);
      // /usr/bin/time's own report is not the command's output.
      const commandErr = TIME_BIN ? stderr.replace(/\n?\tCommand being timed:[\s\S]*$/, '') : stderr;
      resolve({ status: code ?? 1, ...(timedOut ? { timedOut } : {}), wallMs, peakTreeRss: Math.max(peak, peakProcessRss ?? 0), peakProcessRss, cpuMs, machine, programs, output: `${output}\n${commandErr}` });
    });
  });
}

export const MB = 1024 * 1024;
export const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const fmtMB = (bytes: number) => `${Math.round(bytes / MB).toLocaleString('en-GB')} MB`;
export const fmtKB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
