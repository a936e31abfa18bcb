// A minimal static file server for the built site (dist/), on loopback only. Serves
// /path/ as /path/index.html and the site's 404 page for anything missing, and sends the
// headers dist/_headers gives each path (integrations/static-headers.ts), like a static
// host would. The _headers file itself is not served. With `gzip`, text is sent compressed to
// a client that accepts it, as a static host would (the Lighthouse benchmark, bench/lighthouse.ts).
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, parseHeaders } from '../../integrations/static-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.csv', '.xml', '.svg', '.txt']);

async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined; // broken percent-encoding: no such file (the 404 page)
  }
  const safe = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  const candidate = join(root, safe);
  if (!candidate.startsWith(root)) return undefined;
  try {
    const info = await stat(candidate);
    if (info.isDirectory()) {
      const index = join(candidate, 'index.html');
      await stat(index);
      return index;
    }
    return candidate;
  } catch {
    return undefined;
  }
}

export async function serveStatic(root: string, headers: Record<string, string> = {}, { gzip = false } = {}): Promise<{ server: Server; url: string }> {
  const rules = existsSync(join(root, '_headers')) ? parseHeaders(readFileSync(join(root, '_headers'), 'utf8')) : [];
  // Long addresses are served (Node refuses request lines over 16 KB by default), so the
  // browser tests can hand a page a 100,000-character query as a lenient host would.
  const server = createServer({ maxHeaderSize: 1024 * 1024 }, async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = path === '/_headers' ? undefined : await resolveFile(root, path);
    const hosted = { ...headersFor(rules, path), ...headers };
    const send = (status: number, type: string, body: Buffer, ext: string) => {
      if (gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        res.writeHead(status, { 'content-type': type, ...hosted, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        res.end(gzipSync(body));
      } else {
        res.writeHead(status, { 'content-type': type, ...hosted });
        res.end(body);
      }
    };
    if (!file) {
      const notFound = await resolveFile(root, '/404.html');
      send(404, TYPES['.html']!, notFound ? await readFile(notFound) : Buffer.from('Not found'), '.html');
      return;
    }
    send(200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file), extname(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not start');
  return { server, url: `http://127.0.0.1:${address.port}` };
}
