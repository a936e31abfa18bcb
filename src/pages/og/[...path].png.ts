// /og/<page>.png: the Open Graph image of every authority page (document pages use their
// authority's) and one for the rest of the site, generated at build time (src/lib/previews.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE_PREVIEW, authorityPreview, previewImage, type Preview } from '../../lib/previews.ts';
import { authorities } from '../../lib/site-data.ts';
import { previewKey } from '../../lib/cache-keys.ts';

// The cache key is what the image shows, so a rebuild draws only the previews that changed.
const path = (path: string, preview: Preview) => ({ params: { path }, props: { preview }, cacheKey: previewKey(preview) });

export const getStaticPaths = (() => [
  path('site', SITE_PREVIEW),
  ...authorities.map((a) => path(`authorities/${a.id}`, authorityPreview(a.id))),
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await previewImage((props as { preview: Preview }).preview);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
