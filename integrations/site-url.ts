// The site's public address, from the environment: `SITE_URL=https://example.org/ npm run
// build` builds for that address (canonical links, og:url and preview images, the sitemap,
// /feed.xml, /robots.txt, the downloads' page links). Without SITE_URL, the placeholder
// given in astro.config.mjs, for local builds and the tests.

/**
 * The address to give Astro's `site`: the origin of `SITE_URL` (scheme and host, with its
 * port if any, no trailing slash), or `fallback` when SITE_URL is unset or empty. The site
 * is built to be served at the root of its host, so an address with a path, query or
 * fragment is refused rather than quietly cut.
 */
export function siteUrl(env: Record<string, string | undefined>, fallback: string): string {
  const raw = env.SITE_URL?.trim();
  if (!raw) return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL is not an absolute address: "${raw}" (write it like https://example.org/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL must be an http or https address: "${raw}"`);
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new Error(`SITE_URL must be the root of a host, like https://example.org/ (the site is served from its root, not under a path): "${raw}"`);
  }
  return url.origin;
}
