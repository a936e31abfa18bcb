// Builds the site once from the repository's content and serves dist/ on loopback for
// every browser test. SKIP_BUILD=1 reuses an existing dist/ (for quick local reruns).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../support/static-server.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

export default async function setup(project: TestProject) {
  if (process.env.SKIP_BUILD !== '1' || !existsSync(`${ROOT}dist/index.html`)) {
    // At the placeholder address the tests expect, whatever SITE_URL the caller has set.
    execFileSync('astro', ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SITE_URL: '' } });
  }
  const { server, url } = await serveStatic(`${ROOT}dist`);
  project.provide('baseURL', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
