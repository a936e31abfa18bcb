// /og/<page>.png: the Open Graph image of every authority page (document pages use their
// authority's) and one for the rest of the site, generated at build time (src/lib/previews.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE_PREVIEW, authorityPreview, type Preview } from '../../lib/previews.ts';
import { prepareImage, previewPng } from '../../lib/preview-images.ts';
import { authorities } from '../../lib/site-data.ts';
import { previewKey } from '../../lib/cache-keys.ts';

// The cache key is what the image shows, so a rebuild draws only the previews that changed.
// Every image not drawn before starts drawing now, in a worker (src/lib/preview-images.ts).
const path = (path: string, preview: Preview) => {
  const cacheKey = previewKey(preview);
  prepareImage(cacheKey, preview);
  return { params: { path }, props: { preview, cacheKey }, cacheKey };
};

export const getStaticPaths = (() => [
  path('site', SITE_PREVIEW),
  ...authorities.map((a) => path(`authorities/${a.id}`, authorityPreview(a.id))),
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { preview, cacheKey } = props as { preview: Preview; cacheKey: string };
  const png = await previewPng(cacheKey, preview);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
