// The response headers a static host applies to the built site: `dist/_headers`, in the
// format Netlify and Cloudflare Pages read (a path or pattern on its own line, then its
// headers indented). Written at the end of the build (astro.config.mjs, `static-headers`).
//
// Each page's Content-Security-Policy is the one Astro wrote into its <meta> (from
// `security.csp` in astro.config.mjs and what the page adds, e.g. 'wasm-unsafe-eval' on
// /search/), read back from the built page, with `frame-ancestors 'none'` added: a policy
// given in a <meta> cannot carry frame-ancestors. Pages sharing a policy share a rule:
// a folder whose pages all have one policy gets one `/folder/*` rule, otherwise its
// own page and its subfolders get rules of their own. The rules that carry a policy never
// overlap: where two matching rules give the same header, Cloudflare joins their values
// (two policies, both enforced) and Netlify keeps one, so overlapping policies would mean
// different things on different hosts.
//
// Astro's policy lists a hash for every script it could inline on any page; the build keeps
// only the hashes of inline scripts some built page has (pruneScriptHashes), in each page's
// <meta> and so in its header: a hash that matches nothing only widens what may run.
//
// Cloudflare Pages reads at most 100 rules and lines of at most 2,000 characters; a build
// that would exceed either fails rather than publishing headers a host would drop.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export interface HeaderRule {
  /** A path (`/search/`, `/404.html`) or a pattern with one trailing splat (`/documents/*`). */
  path: string;
  headers: [name: string, value: string][];
}

/**
 * Headers for every response: no MIME sniffing, the origin only to other sites, never in a
 * frame (also where no page policy applies, e.g. a 404 at an unknown address), HTTPS only
 * for a year once visited, and none of the device features the site never uses.
 */
export const EVERY_RESPONSE: [string, string][] = [
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Strict-Transport-Security', 'max-age=31536000'],
  ['Permissions-Policy', 'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()'],
];

/** Astro's bundled files are named by their content's hash, so they never change. */
export const HASHED_ASSETS: HeaderRule = { path: '/_astro/*', headers: [['Cache-Control', 'public, max-age=31536000, immutable']] };

export const MAX_RULES = 100;
export const MAX_LINE = 2000;

/** A policy's directives, whitespace normalised, in order: "a  b ;c;" → ["a b", "c"]. */
export function directivesOf(policy: string): string[] {
  return policy
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

/** The header policy for a page whose <meta> policy is `metaPolicy`: the same directives, and frame-ancestors 'none'. */
export function headerPolicy(metaPolicy: string): string {
  return [...directivesOf(metaPolicy), "frame-ancestors 'none'"].join('; ');
}

const NAMED: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };
const decodeAttribute = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#[0-9]+|quot|apos|lt|gt|amp);/gi, (whole, name: string) =>
    name.startsWith('#') ? String.fromCodePoint(Number.parseInt(name.slice(name[1] === 'x' || name[1] === 'X' ? 2 : 1), name[1] === 'x' || name[1] === 'X' ? 16 : 10)) : (NAMED[name.toLowerCase()] ?? whole),
  );

/** The policy in a page's <meta http-equiv="content-security-policy">, if it has one. */
export function metaPolicyOf(html: string): string | undefined {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/\bhttp-equiv\s*=\s*["']?content-security-policy["'\s>/]/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    if (content) return decodeAttribute(content[1] ?? content[2] ?? '');
  }
  return undefined;
}

/** The CSP source expressions ('sha256-…') of the inline scripts in a page (those without a src). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(attributes!)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The script hashes a policy's script-src lists. */
export function policyScriptHashes(policy: string): string[] {
  const scriptSrc = directivesOf(policy).find((d) => d.startsWith('script-src '));
  return scriptSrc ? scriptSrc.split(' ').filter((s) => /^'sha(256|384|512)-/.test(s)) : [];
}

/** A page's text up to its </head> (all of it if it has none): where its <meta> policy is. */
const headOf = (html: string) => {
  const end = html.search(/<\/head>/i);
  return end === -1 ? html : html.slice(0, end);
};

/**
 * A built page as the headers need it: its file with its size and modification time, the
 * <meta> policy in its head, and its inline scripts' hashes.
 */
export interface BuiltPage {
  file: string;
  size: number;
  mtimeMs: number;
  metaPolicy: string | undefined;
  inlineHashes: string[];
}

/** What readBuiltPages keeps between builds: each page as it was last read, by file. */
type PageCache = Record<string, Omit<BuiltPage, 'file'>>;

/**
 * Every built page, each file read once. With `cacheFile`, a page whose size and modification
 * time are those recorded by the previous build (a page the incremental build left in dist/,
 * integrations/kept-pages.ts) is not read again: what was read from it then is used.
 */
export function readBuiltPages(dist: string, cacheFile?: string): BuiltPage[] {
  let cache: PageCache = {};
  if (cacheFile) {
    try {
      cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as PageCache;
    } catch {
      cache = {};
    }
  }
  return listPages(dist).map((file) => {
    const { size, mtimeMs } = statSync(file);
    const known = cache[file];
    if (known && known.size === size && known.mtimeMs === mtimeMs) return { file, ...known };
    const html = readFileSync(file, 'utf8');
    return { file, size, mtimeMs, metaPolicy: metaPolicyOf(headOf(html)), inlineHashes: inlineScriptHashes(html) };
  });
}

/** Records the pages as they now are in dist/, for the next build's readBuiltPages. */
export function savePageCache(pages: readonly BuiltPage[], cacheFile: string): void {
  const cache: PageCache = {};
  for (const { file, ...page } of pages) cache[file] = page;
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(cache));
}

/**
 * Drops from every built page's <meta> policy the script hashes that match no inline script
 * in any built page (the same hashes in every page, so the pages still share their rules).
 * Rewrites only the pages whose policy lists such a hash, and keeps `pages` in step.
 * Returns the hashes dropped.
 */
export function pruneScriptHashes(dist: string, pages = readBuiltPages(dist)): string[] {
  const used = new Set(pages.flatMap((p) => p.inlineHashes));
  const listed = new Set(pages.flatMap((p) => policyScriptHashes(p.metaPolicy ?? '')));
  const unused = [...listed].filter((h) => !used.has(h));
  if (unused.length === 0) return [];
  for (const page of pages) {
    if (!policyScriptHashes(page.metaPolicy ?? '').some((h) => unused.includes(h))) continue;
    const html = readFileSync(page.file, 'utf8');
    const head = headOf(html);
    const pruned = head.replace(/<meta\b[^>]*content-security-policy[^>]*>/gi, (tag) => unused.reduce((t, hash) => t.replaceAll(` ${hash}`, ''), tag));
    writeFileSync(page.file, pruned + html.slice(head.length));
    const { size, mtimeMs } = statSync(page.file);
    Object.assign(page, { size, mtimeMs, metaPolicy: metaPolicyOf(pruned) });
  }
  return unused;
}

/** The URL path a built page is served at: index.html → its folder. */
function urlPath(dist: string, file: string): string {
  const path = `/${relative(dist, file).split('\\').join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

function listPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listPages(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []))
    .sort();
}

/** Every built page's URL path and its header policy, sorted by path. A page without a <meta> policy fails the build. */
export function pagePolicies(dist: string, pages = readBuiltPages(dist)): Map<string, string> {
  const policies = new Map<string, string>();
  const missing: string[] = [];
  for (const page of pages) {
    if (page.metaPolicy === undefined) missing.push(urlPath(dist, page.file));
    else policies.set(urlPath(dist, page.file), headerPolicy(page.metaPolicy));
  }
  if (missing.length > 0) throw new Error(`static headers: ${missing.length} page(s) have no Content-Security-Policy <meta>: ${missing.slice(0, 10).join(', ')}`);
  return policies;
}

/**
 * The fewest non-overlapping rules giving each page its policy: a folder whose pages all
 * share a policy is one `/folder/*` rule (the site's root only when every page shares
 * one); otherwise its own pages get exact rules and each subfolder is considered alone.
 */
export function policyRules(policies: Map<string, string>): HeaderRule[] {
  const rules: HeaderRule[] = [];
  const visit = (prefix: string, paths: string[]) => {
    const distinct = new Set(paths.map((p) => policies.get(p)));
    if (distinct.size === 1 && prefix !== '/') {
      rules.push({ path: `${prefix}*`, headers: [['Content-Security-Policy', policies.get(paths[0]!)!]] });
      return;
    }
    const folders = new Map<string, string[]>();
    for (const path of paths) {
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash === -1) {
        rules.push({ path, headers: [['Content-Security-Policy', policies.get(path)!]] });
        continue;
      }
      const folder = `${prefix}${rest.slice(0, slash + 1)}`;
      folders.set(folder, [...(folders.get(folder) ?? []), path]);
    }
    for (const [folder, inside] of folders) visit(folder, inside);
  };
  const paths = [...policies.keys()].sort();
  if (paths.length > 0 && new Set(policies.values()).size === 1) {
    rules.push({ path: '/*', headers: [['Content-Security-Policy', policies.get(paths[0]!)!]] });
  } else if (paths.length > 0) {
    visit('/', paths);
  }
  return rules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The whole file's rules: every response's headers, the hashed assets' cache, then each page's policy. */
export function headerRules(policies: Map<string, string>): HeaderRule[] {
  const pages = policyRules(policies);
  const everything = pages.find((r) => r.path === '/*');
  const first: HeaderRule = { path: '/*', headers: [...EVERY_RESPONSE, ...(everything?.headers ?? [])] };
  return [first, HASHED_ASSETS, ...pages.filter((r) => r !== everything)];
}

export function formatHeaders(rules: HeaderRule[]): string {
  const blocks = rules.map((r) => [r.path, ...r.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `# Response headers for a static host (Netlify, Cloudflare Pages), written by the build\n# (integrations/static-headers.ts). Each page's Content-Security-Policy is its <meta>\n# policy with frame-ancestors 'none'.\n\n${blocks.join('\n\n')}\n`;
}

/** Reads a _headers file: rules in order, comments and blank lines skipped. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon === -1) throw new Error(`_headers: a header outside a rule, or without a colon: "${line}"`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Whether a rule's path matches a request's path: exact, `*` for anything (including /), `:name` for one segment. */
export function ruleMatches(rulePath: string, path: string): boolean {
  const pattern = rulePath
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`).test(path);
}

/** The headers a host sends for a path: every matching rule's, a name given twice joined with ", " (as Cloudflare Pages does). Names in lower case. */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!ruleMatches(rule.path, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
    }
  }
  return out;
}

/**
 * Writes dist/_headers from the built pages; returns how many pages and rules. With
 * `cacheFile`, pages unchanged since the previous build are not read again (readBuiltPages).
 */
export function writeStaticHeaders(dist: string, cacheFile?: string): { pages: number; rules: number; dropped: number } {
  // Each page is read once at most: the hashes are pruned and the policies read from what that read found.
  const pages = readBuiltPages(dist, cacheFile);
  const dropped = pruneScriptHashes(dist, pages).length;
  if (cacheFile) savePageCache(pages, cacheFile);
  const policies = pagePolicies(dist, pages);
  const rules = headerRules(policies);
  const text = formatHeaders(rules);
  if (rules.length > MAX_RULES) {
    throw new Error(`static headers: ${rules.length} rules, more than the ${MAX_RULES} Cloudflare Pages reads; pages with different policies are spread over too many folders`);
  }
  const long = text.split('\n').find((l) => l.length > MAX_LINE);
  if (long) throw new Error(`static headers: a line of ${long.length} characters, more than the ${MAX_LINE} Cloudflare Pages reads: ${long.slice(0, 120)}…`);
  writeFileSync(join(dist, '_headers'), text);
  return { pages: policies.size, rules: rules.length, dropped };
}

/**
 * The `static-headers` integration: writes dist/_headers at the end of the build, read back
 * from the built pages, sorted, so two builds of the same pages write the same file.
 */
export function staticHeaders(): AstroIntegration {
  let cacheFile: string | undefined;
  return {
    name: 'static-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheFile = join(fileURLToPath(config.root), '.cache/static-headers.json');
      },
      'astro:build:done': ({ dir, logger }) => {
        const { pages, rules, dropped } = writeStaticHeaders(fileURLToPath(dir), cacheFile);
        logger.info(`_headers: ${rules} rules for ${pages} pages (${dropped} script hashes matching no inline script dropped from the policies)`);
      },
    },
  };
}
