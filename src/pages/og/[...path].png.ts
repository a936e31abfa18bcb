// /og/<page>.png: the Open Graph image of every authority and document page (and one
// for the rest of the site), generated at build time (src/lib/previews.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE_PREVIEW, authorityPreview, documentPreview, previewImage, type Preview } from '../../lib/previews.ts';
import { authorities, documents } from '../../lib/site-data.ts';

export const getStaticPaths = (() => [
  { params: { path: 'site' }, props: { preview: () => SITE_PREVIEW } },
  ...authorities.map((a) => ({ params: { path: `authorities/${a.id}` }, props: { preview: () => authorityPreview(a.id) } })),
  ...documents.map((d) => ({ params: { path: `documents/${d.id}` }, props: { preview: () => documentPreview(d) } })),
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await previewImage((props as { preview: () => Preview }).preview());
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
