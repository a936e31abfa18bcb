// Synthetic but realistic document entries, for the scale benchmarks (npm run bench).
//
//   node bench/synthetic.ts --count 2000 [--out tests/.tmp/synthetic-2000] [--seed 1]
//
// Writes <out>/content/authorities.json (the real one) and <out>/content/documents/
// synthetic/<authority>/<n>-<date>.md. Each entry takes a real entry of content/documents
// as its template: the same kind, inspections, judgements and evidence, moved to one of
// the 153 current authorities (spread evenly; other authorities in a comparison become
// its statistical neighbours) and shifted in time; its body keeps the
// template's blocks that hold an evidence quote (verbatim, so the quote check and the
// page's highlighting find them) among paragraphs sampled and shuffled from all the real
// bodies, to a length drawn from the real bodies' lengths. Every entry is validated with
// documentSchema and the quote rule of the content checks before it is written with formatEntry.
import { mkdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { documentSchema, type DocumentData } from '../src/schemas/document.ts';
import { normaliseWhitespace } from '../src/domain/evidence.ts';
import { isPartialDate } from '../src/domain/dates.ts';
import { codeInOperation } from '../src/domain/authorities.ts';
import { formatEntry, readAuthorities, readDocuments, ROOT } from '../src/lib/content-files.ts';

/** mulberry32: a small seeded generator, so a size always gives the same entries. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Blocks of a Markdown body: runs of lines between blank lines. */
export function blocks(body: string): string[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((b) => b.replace(/^\n+|\s+$/g, ''))
    .filter((b) => b.trim().length > 0);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Moves a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date by about `days`, keeping its precision. */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return String(y + Math.round(days / 365));
  if (d === undefined) {
    const months = y * 12 + (m - 1) + Math.round(days / 30);
    return `${Math.floor(months / 12)}-${pad((months % 12) + 1)}`;
  }
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function shiftAll(data: DocumentData, days: number): DocumentData {
  const s = (date: string | undefined) => (date === undefined ? undefined : shiftDate(date, days));
  const copy = structuredClone(data);
  copy.date = s(copy.date)!;
  if (copy.source.listed_date) copy.source.listed_date = s(copy.source.listed_date)!;
  for (const inspection of copy.inspections) {
    if (inspection.start) inspection.start = s(inspection.start)!;
    if (inspection.end) inspection.end = s(inspection.end)!;
    if (inspection.published) inspection.published = s(inspection.published)!;
  }
  return copy;
}

/** Drops the keys a schema default filled in as empty, as a hand-written entry would. */
function tidy(data: DocumentData): unknown {
  return {
    ...data,
    inspections: data.inspections.map((i) => ({
      ...i,
      ...(Object.keys(i.judgements).length === 0 ? { judgements: undefined } : {}),
      ...(i.improvements.length === 0 ? { improvements: undefined } : {}),
    })),
  };
}

export interface GenerateOptions {
  count: number;
  /** Folder to write content/ into (emptied first). */
  out: string;
  seed?: number;
  /** Repository whose content/ the templates and the paragraphs come from. */
  from?: string;
}

export interface GenerateResult {
  content: string;
  files: string[];
  templates: number;
  bodyBytes: { min: number; median: number; max: number; total: number };
}

export function generateSynthetic(options: GenerateOptions): GenerateResult {
  const from = options.from ?? ROOT;
  const rnd = random(options.seed ?? 1);
  const { entries: templates } = readDocuments(from);
  if (templates.length === 0) throw new Error(`no entries in ${join(from, 'content/documents')} to take templates and paragraphs from`);
  const authorities = readAuthorities(from);
  const current = authorities.filter((a) => a.current).sort((a, b) => a.id.localeCompare(b.id));
  const nameOf = new Map(authorities.map((a) => [a.id, a.name]));
  const known = new Set(authorities.map((a) => a.id));
  const schema = documentSchema();
  const pool = templates.flatMap((t) => blocks(t.body));
  const lengths = templates.map((t) => t.body.length);
  const prepared = templates.map((t) => {
    const quotes = t.data.inspections.flatMap((i) => Object.values(i.judgements).map((j) => normaliseWhitespace(j!.evidence)));
    const own = blocks(t.body);
    const keep = own.filter((b) => quotes.some((q) => normaliseWhitespace(b).includes(q)));
    return { template: t, keep, keepLength: keep.reduce((n, b) => n + b.length + 2, 0) };
  });

  const content = join(options.out, 'content');
  rmSync(content, { recursive: true, force: true });
  mkdirSync(join(content, 'documents'), { recursive: true });
  cpSync(join(from, 'content/authorities.json'), join(content, 'authorities.json'));

  const files: string[] = [];
  const sizes: number[] = [];
  /** Frontmatter: the template's, moved to the authority and shifted in time, as long as
   * the framework rules still hold at the new dates (else a smaller shift, else none). */
  const fromTemplate = (template: (typeof templates)[number], authority: (typeof current)[number], n: number): DocumentData | undefined => {
    const fromId = template.data.authority;
    for (const days of [Math.round((rnd() - 0.5) * 720), Math.round((rnd() - 0.5) * 120), 0]) {
      const candidate = shiftAll(template.data, days);
      candidate.authority = authority.id;
      candidate.title = candidate.title.replaceAll(nameOf.get(fromId) ?? fromId, authority.name);
      // The template's own inspections become the authority's; the other authorities a
      // comparison table lines up become this authority's statistical neighbours, so
      // copies of one council report do not pile hundreds of sources onto the same few.
      let neighbour = 0;
      for (const inspection of candidate.inspections) {
        if (inspection.authority === fromId) inspection.authority = authority.id;
        else if (inspection.role === 'comparison') {
          const pool = authority.statistical_neighbours.filter((id) => known.has(id));
          inspection.authority = pool.length > 0 ? pool[neighbour++ % pool.length]! : inspection.authority;
        }
      }
      candidate.source = { ...candidate.source, file: `synthetic/${pad(n, 5)}.md` };
      const dates = [candidate.date, ...candidate.inspections.flatMap((i) => [i.start, i.end, i.published])].filter((d) => d !== undefined);
      if (!dates.every(isPartialDate)) continue;
      const parsed = schema.safeParse(tidy(candidate));
      if (parsed.success) {
        return parsed.data;
      }
    }
    return undefined;
  };

  const byId = new Map(authorities.map((a) => [a.id, a]));
  /** The content check's rule: every inspection's authority had a GSS code in operation on its date. */
  const operating = (i: DocumentData['inspections'][number]) => {
    const a = byId.get(i.authority);
    const date = i.start ?? i.end ?? i.published;
    return !a || !date || codeInOperation(a, date);
  };
  const inOperation = (data: DocumentData) => data.inspections.every(operating);
  for (let n = 0; n < options.count; n++) {
    const authority = current[n % current.length]!;
    // The template in turn, or the next one whose dates fit the authority's existence
    // (Cumberland, for one, has only been an authority since April 2023).
    let data: DocumentData | undefined;
    let chosen: (typeof prepared)[number] | undefined;
    for (let t = 0; t < prepared.length && !data; t++) {
      chosen = prepared[(n + t) % prepared.length]!;
      data = fromTemplate(chosen.template, authority, n);
      if (data && !inOperation(data)) data = undefined;
    }
    if (!data) {
      // No template fits every date: keep the turn's template without the inspections
      // dated before the authority existed (their evidence stays in the body).
      chosen = prepared[n % prepared.length]!;
      const fallback = fromTemplate(chosen.template, authority, n);
      data = fallback ? { ...fallback, inspections: fallback.inspections.filter(operating) } : undefined;
    }
    if (!data || !chosen) throw new Error(`no template validates for ${authority.id}`);
    const { keep, keepLength } = chosen;

    // Body: the evidence blocks in their order, among shuffled sampled paragraphs.
    const target = Math.round(lengths[Math.floor(rnd() * lengths.length)]! * (0.8 + rnd() * 0.4));
    const fill: string[] = [];
    let length = keepLength;
    while (length < target) {
      const block = pool[Math.floor(rnd() * pool.length)]!;
      fill.push(block);
      length += block.length + 2;
    }
    shuffle(fill, rnd);
    const slots = keep.map(() => Math.floor(rnd() * (fill.length + 1))).sort((a, b) => a - b);
    const out: string[] = [];
    let k = 0;
    for (let i = 0; i <= fill.length; i++) {
      while (k < keep.length && slots[k] === i) out.push(keep[k++]!);
      if (i < fill.length) out.push(fill[i]!);
    }
    const body = `${out.join('\n\n')}\n`;

    const date = data.date;
    const file = join(content, 'documents/synthetic', authority.id, `${pad(n, 5)}-${date}.md`);
    // The content check's quote rule (quoteInBody), with the body normalised once.
    const flat = normaliseWhitespace(body);
    for (const inspection of data.inspections) {
      for (const [key, judgement] of Object.entries(inspection.judgements)) {
        if (!flat.includes(normaliseWhitespace(judgement!.evidence))) throw new Error(`generated entry ${file}: ${key}: quote not in the body`);
        if (!known.has(inspection.authority)) throw new Error(`generated entry ${file}: unknown authority ${inspection.authority}`);
      }
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, formatEntry(tidy(data), body));
    files.push(file);
    sizes.push(body.length);
  }
  sizes.sort((a, b) => a - b);
  return {
    content,
    files,
    templates: templates.length,
    bodyBytes: { min: sizes[0] ?? 0, median: sizes[Math.floor(sizes.length / 2)] ?? 0, max: sizes.at(-1) ?? 0, total: sizes.reduce((a, b) => a + b, 0) },
  };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '2000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
  });
  const count = Number(values.count);
  const out = values.out ?? join(ROOT, `tests/.tmp/synthetic-${count}`);
  const started = performance.now();
  const result = generateSynthetic({ count, out, seed: Number(values.seed) });
  console.log(
    `${result.files.length} entries from ${result.templates} templates in ${result.content} (${((performance.now() - started) / 1000).toFixed(1)} s); ` +
      `body bytes min ${result.bodyBytes.min}, median ${result.bodyBytes.median}, max ${result.bodyBytes.max}`,
  );
}
