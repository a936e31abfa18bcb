// A stand-in for Ofsted's reports site and file server on 127.0.0.1 (port 0), for the
// update command's tests: provider pages from tests/fixtures/ofsted-reports-site/, real
// PDFs read from ../shared/corpus at test time, and the faults the command must survive.
// Each route is a list of answers given in turn (the last repeats), so a test can make a
// page fail twice and then answer. Every request is counted by path.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Answer =
  | { status: number; type: string; body: string | Uint8Array }
  /** Never answer: the client's timeout must end it. */
  | 'hang'
  /** Send the headers and half the body, then drop the connection. */
  | { truncate: Uint8Array };

export interface FakeSite {
  url: string;
  /** Requests seen, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export const html = (body: string): Answer => ({ status: 200, type: 'text/html; charset=utf-8', body });
export const pdf = (body: Uint8Array): Answer => ({ status: 200, type: 'application/pdf', body });
export const status = (code: number, text = ''): Answer => ({ status: code, type: 'text/html; charset=utf-8', body: text });

export async function startFakeSite(routes: Map<string, Answer[]>, fallback: (path: string) => Answer | undefined): Promise<FakeSite> {
  const hits = new Map<string, number>();
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const seen = hits.get(path) ?? 0;
    hits.set(path, seen + 1);
    const answers = routes.get(path);
    const answer = answers ? answers[Math.min(seen, answers.length - 1)]! : (fallback(path) ?? status(404, '<!DOCTYPE html><title>Not found</title>'));
    if (answer === 'hang') return;
    if ('truncate' in answer) {
      response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(answer.truncate.length) });
      response.write(answer.truncate.subarray(0, Math.floor(answer.truncate.length / 2)), () => response.destroy());
      return;
    }
    response.writeHead(answer.status, { 'content-type': answer.type });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
