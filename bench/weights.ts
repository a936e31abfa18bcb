// What a built page loads before any interaction, from dist/ alone: the HTML, the
// stylesheets and scripts it links (and the images, fonts and imports those pull in),
// its images and icon. Raw bytes and gzip (zlib level 6, a static host's default).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  page: string;
  html: Bytes;
  css: Bytes;
  js: Bytes;
  images: Bytes;
  fonts: Bytes;
  total: Bytes;
  /** Inline <script> elements in the HTML (counted in html; listed because authority and document pages must have none). */
  inlineScripts: number;
  /** For a document page: the page without the document's own text (the .document-body contents). */
  withoutText?: Bytes;
  files: string[];
}

const zero = (): Bytes => ({ raw: 0, gzip: 0 });
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
export const measureBytes = (data: Buffer | string): Bytes => ({ raw: Buffer.byteLength(data), gzip: gzipSync(data, { level: 6 }).length });

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
}

function localFile(dist: string, from: string, url: string): string | undefined {
  if (/^(data:|https?:|\/\/|#|mailto:)/i.test(url)) return undefined;
  const clean = url.split(/[?#]/)[0]!;
  const path = clean.startsWith('/') ? join(dist, clean) : join(dirname(from), clean);
  return existsSync(path) ? path : undefined;
}

/** The text of the document body the page shows, from <div class="document-body"> to the </div> that closes it. */
function documentBody(html: string): string | undefined {
  const start = html.search(/<div[^>]*class="[^"]*\bdocument-body\b[^"]*"[^>]*>/);
  if (start < 0) return undefined;
  const open = html.indexOf('>', start) + 1;
  let depth = 1;
  const re = /<(\/?)div\b[^>]*>/g;
  re.lastIndex = open;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(open, m.index);
  }
  return undefined;
}

export function pageWeight(dist: string, pagePath: string): PageWeight {
  const file = join(dist, pagePath.replace(/^\//, ''), pagePath.endsWith('.html') ? '' : 'index.html');
  const html = readFileSync(file, 'utf8');
  const weight: PageWeight = {
    page: pagePath,
    html: measureBytes(html),
    css: zero(),
    js: zero(),
    images: zero(),
    fonts: zero(),
    total: zero(),
    inlineScripts: 0,
    files: [],
  };
  const seen = new Set<string>();
  const load = (path: string | undefined, kind: 'css' | 'js' | 'images' | 'fonts') => {
    if (!path || seen.has(path)) return;
    seen.add(path);
    const data = readFileSync(path);
    weight[kind] = add(weight[kind], measureBytes(data));
    weight.files.push(relative(dist, path));
    const text = kind === 'css' || kind === 'js' ? data.toString('utf8') : '';
    if (kind === 'css') {
      for (const m of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
        const target = localFile(dist, path, m[1]!);
        load(target, /\.(woff2?|ttf|otf)$/i.test(m[1]!) ? 'fonts' : 'images');
      }
      for (const m of text.matchAll(/@import\s+(?:url\()?['"]([^'"]+)['"]/g)) load(localFile(dist, path, m[1]!), 'css');
    }
    if (kind === 'js') {
      for (const m of text.matchAll(/(?:import|from)\s*\(?\s*["']([^"']+\.js)["']/g)) load(localFile(dist, path, m[1]!), 'js');
    }
  };
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase();
    const href = attr(m[0], 'href');
    if (!href) continue;
    if (rel.split(/\s+/).includes('stylesheet')) load(localFile(dist, file, href), 'css');
    else if (rel.includes('icon')) load(localFile(dist, file, href), 'images');
    else if (rel === 'modulepreload') load(localFile(dist, file, href), 'js');
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(m[0].slice(0, m[0].indexOf('>') + 1), 'src');
    const type = attr(m[0].slice(0, m[0].indexOf('>') + 1), 'type') ?? '';
    if (/json|importmap/i.test(type)) continue;
    if (src) load(localFile(dist, file, src), 'js');
    else if (m[2]!.trim()) weight.inlineScripts++;
  }
  for (const m of html.matchAll(/<img\b[^>]*>/gi)) {
    if (/\bloading\s*=\s*["']?lazy/i.test(m[0])) continue;
    load(localFile(dist, file, attr(m[0], 'src') ?? ''), 'images');
  }
  weight.total = [weight.html, weight.css, weight.js, weight.images, weight.fonts].reduce(add, zero());
  const body = documentBody(html);
  if (body !== undefined) {
    const rest = measureBytes(html.replace(body, ''));
    weight.withoutText = { raw: weight.total.raw - weight.html.raw + rest.raw, gzip: weight.total.gzip - weight.html.gzip + rest.gzip };
  }
  return weight;
}

/** Every page under a folder of dist/ (e.g. "documents"), as paths like /documents/x/. */
export function pagesUnder(dist: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name === 'index.html' && dir !== join(dist, folder)) out.push(`/${relative(dist, dir)}/`);
    }
  };
  if (existsSync(join(dist, folder))) walk(join(dist, folder));
  return out.sort();
}

/** Total size and file count of a built site. */
export function outputSize(dist: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else {
        files++;
        bytes += statSync(join(dir, e.name)).size;
      }
    }
  };
  walk(dist);
  return { bytes, files };
}
