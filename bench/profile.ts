// Where a build's time goes: a V8 CPU profile of the build (NODE_OPTIONS=--cpu-prof)
// summed by the site's own functions (inclusive time) and by package (self time).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Inclusive time of the site's own functions (src/, scripts/), heaviest first. */
  own: { name: string; ms: number }[];
  /** Self time by package or folder, heaviest first. */
  packages: { name: string; ms: number }[];
}

function place(url: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const own = /\/((?:src|scripts)\/.*)$/.exec(url);
  if (own) return own[1]!;
  if (/\/dist\/\.prerender\//.test(url)) return '(the site, bundled: src/ pages, lib, domain)';
  return url ? url.replace(/^.*\//, '') : '(V8: garbage collection, idle, native)';
}

export function summariseProfile(dir: string, top = 12): ProfileSummary {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const inclusive = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  for (const f of files) {
    const prof = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile;
    const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map<number, number>();
    prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
    for (const [id, us] of self) {
      total += us;
      const node = nodes.get(id)!;
      const pkg = place(node.callFrame.url);
      packages.set(pkg, (packages.get(pkg) ?? 0) + us);
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const cf = nodes.get(cur)!.callFrame;
        if (!cf.functionName) continue;
        // The prerender bundle renames files; name a bundled function by its name alone.
        // Functions in src/ or scripts/ ran from the config (the content-check hook); the
        // same functions bundled ran while the pages were generated.
        const where = /\/(src|scripts)\//.test(cf.url) ? `config hook: ${place(cf.url)}` : /\.prerender\//.test(cf.url) ? 'pages bundle' : '';
        if (!where) continue;
        const key = `${cf.functionName} (${where})`;
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + us);
      }
    }
  }
  const sorted = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000 }));
  return { totalMs: total / 1000, own: sorted(inclusive), packages: sorted(packages) };
}
