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
  output: string;
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

/** Summed RSS of a process and all its descendants. */
export function treeRss(root: number): number {
  const kids = children();
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rssOf(pid);
    stack.push(...(kids.get(pid) ?? []));
  }
  return total;
}

export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; quiet?: boolean; timeoutMs?: number },
): Promise<Measured> {
  const wrapped = TIME_BIN ? [TIME_BIN, ['-v', command, ...args]] as const : [command, args] as const;
  return new Promise((resolve, reject) => {
    const start = performance.now();
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
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
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
      // /usr/bin/time's own report is not the command's output.
      const commandErr = TIME_BIN ? stderr.replace(/\n?\tCommand being timed:[\s\S]*$/, '') : stderr;
      resolve({ status: code ?? 1, ...(timedOut ? { timedOut } : {}), wallMs, peakTreeRss: Math.max(peak, peakProcessRss ?? 0), peakProcessRss, output: `${output}\n${commandErr}` });
    });
  });
}

export const MB = 1024 * 1024;
export const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const fmtMB = (bytes: number) => `${Math.round(bytes / MB).toLocaleString('en-GB')} MB`;
export const fmtKB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
