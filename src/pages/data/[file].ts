// /data/<name>.csv, .json and .schema.json for every download (src/domain/downloads.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { DOWNLOADS, csvOf, jsonOf, schemaOf } from '../../lib/download-files.ts';

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', body: csvOf },
  json: { type: 'application/json; charset=utf-8', body: jsonOf },
  'schema.json': { type: 'application/schema+json; charset=utf-8', body: schemaOf },
} as const;
type Format = keyof typeof FORMATS;

export const getStaticPaths = (() =>
  DOWNLOADS.flatMap((download) =>
    (Object.keys(FORMATS) as Format[]).map((format) => ({ params: { file: `${download.name}.${format}` }, props: { download, format } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { download, format } = props as { download: (typeof DOWNLOADS)[number]; format: Format };
  const f = FORMATS[format];
  return new Response(f.body(download, site!.href), { headers: { 'Content-Type': f.type } });
};
