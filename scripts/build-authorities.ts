// npm run authorities: writes content/authorities.json from ../shared/data.
//
// Sources (MIT-licensed; see docs/data-sources.md for their notices):
// - ../shared/data/ofsted-la-lookup.csv (JT-39/ofsted-ilacs-scrape-tool): the 153 current
//   authorities and three predecessors, with Ofsted URN, DfE number, GSS code, region,
//   ONS type, population aged 0 to 25 and statistical neighbours (as DfE numbers).
// - ../shared/data/dfe-la-codes.csv (dfe-analytical-services/dfe-published-data-qa): every
//   GSS code with its dates of operation and termination and its DfE number.
// - ../shared/corpus/ofsted-reports/manifest.csv: the names the scrape tool files reports
//   under ("london corporation", "windsor & maidenhead"), kept as aliases.
//
// One identity per authority: every GSS code that carried the same DfE number is one
// authority over time (Buckinghamshire, North Yorkshire, Somerset, Barnsley, Sheffield,
// Gateshead, Northumberland). Splits and mergers are successions between authorities.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'astro/zod';
import { authoritySchema, type AuthorityData } from '../src/schemas/authority.ts';
import { indexAuthorities, normaliseAuthorityName, resolveAuthority, slugify } from '../src/domain/authorities.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const SHARED = join(ROOT, '../shared');
const OUT = join(ROOT, 'content/authorities.json');

interface LookupRow {
  urn: string;
  la_code: string;
  la_code_new: string;
  stat_neighbours: string;
  local_authority_ons_name: string;
  also_known_as: string;
  region_name: string;
  rgn22cd: string;
  rgn22nm: string;
  ltla23nm: string;
  utla23nm: string;
  'ons_population_0-25': string;
  ons_la_type: string;
}

interface CodeRow {
  new_la_code: string;
  la_name: string;
  date_of_operation: string;
  date_of_termination: string;
  parent_geography_code: string;
  entity_description: string;
  status: string;
  old_la_code: string;
}

interface ManifestRow {
  urn: string;
  local_authority: string;
}

/**
 * Predecessors the lookup does not list but the corpus and seeds need (DOMAIN.md): the
 * old Dorset county and Bournemouth, before Bournemouth, Christchurch and Poole.
 */
const EXTRA_PREDECESSOR_CODES = ['E10000009', 'E06000028'];

/** Successions (DOMAIN.md "Who is inspected"), by GSS code: predecessor → successors. */
const SUCCESSIONS: Record<string, readonly string[]> = {
  E10000009: ['E06000059', 'E06000058'], // Dorset County Council → Dorset; Bournemouth, Christchurch and Poole (2019)
  E06000028: ['E06000058'], // Bournemouth → Bournemouth, Christchurch and Poole (2019)
  E06000029: ['E06000058'], // Poole → Bournemouth, Christchurch and Poole (2019)
  E10000021: ['E06000061', 'E06000062'], // Northamptonshire → North and West Northamptonshire (2021)
  E10000006: ['E06000063', 'E06000064'], // Cumbria → Cumberland; Westmorland and Furness (2023)
};

/**
 * Council names that the generated forms ("X Council", "X County Council") do not give,
 * keyed by GSS code. Names documents use, such as seed 002's "Peterborough City Council".
 */
const EXTRA_ALIASES: Record<string, readonly string[]> = {
  E06000047: ['Durham County Council'],
  E09000001: ['City of London Corporation'],
  E06000058: ['BCP Council'],
  E06000028: ['Bournemouth Borough Council'],
  E06000029: ['Borough of Poole', 'Poole Borough Council'],
  E06000010: ['Hull City Council'],
  E06000031: ['Peterborough City Council'],
  E06000004: ['Stockton-on-Tees Borough Council'],
  E06000011: ['East Riding'],
  E08000021: ['Newcastle', 'Newcastle City Council'],
};

/**
 * Trusts and companies that have run a council's children's services, and that Ofsted
 * inspected by their own name ("Inspection of Bradford Children and Families Trust"),
 * keyed by GSS code. Not aliases: a name can be shared by several councils (Achieving for
 * Children; Northamptonshire Children's Trust), so the importer uses it to narrow the
 * councils a report can be about, and the report's own text to choose among them.
 */
const DELIVERED_BY: Record<string, readonly string[]> = {
  E08000032: ['Bradford Children and Families Trust'],
  E08000017: ["Doncaster Children's Services Trust"],
  E06000039: ["Slough Children's Services Trust", 'Slough Children First'],
  E08000024: ['Together for Children', 'Together for Children Sunderland'],
  E08000025: ["Birmingham Children's Trust"],
  E08000028: ["Sandwell Children's Trust"],
  E06000038: ['Brighter Futures for Children'],
  E10000034: ['Worcestershire Children First'],
  E10000021: ["Northamptonshire Children's Trust"],
  E06000061: ["Northamptonshire Children's Trust"],
  E06000062: ["Northamptonshire Children's Trust"],
  E09000021: ['Achieving for Children'],
  E09000027: ['Achieving for Children'],
  E06000040: ['Achieving for Children'],
};

/** Generated "X Council" forms that would be wrong: Durham's council is Durham County Council; the City has a Corporation. */
const NO_GENERATED_COUNCIL = new Set(['E06000047', 'E09000001']);

/** London boroughs that are royal boroughs, for the "Royal Borough of X" alias. */
const ROYAL_BOROUGHS = new Set(['Greenwich', 'Kensington and Chelsea', 'Kingston upon Thames', 'Windsor and Maidenhead']);

function readCsv<T>(path: string): T[] {
  return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as T[];
}

/** "01/04/2019" (day/month/year) → "2019-04-01". */
export function dfeDate(value: string): string | undefined {
  if (!value) return undefined;
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (!match) throw new Error(`dfe-la-codes.csv: unexpected date "${value}"`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}

/** "Bristol, City of" → "Bristol"; "Kingston upon Hull, City of" → "Kingston upon Hull". */
function deInvert(name: string): string {
  return name.replace(/, (City|County) of$/, '');
}

/** "Counties" → "County", "Unitary Authorities" → "Unitary Authority" (the lookup's singular types). */
function singularType(entityDescription: string): string {
  return entityDescription.replace(/ies$/, 'y').replace(/s$/, '');
}

/**
 * The lookup's also_known_as is "[A, B]", but a name may itself contain a comma
 * ("[BCP, Bournemouth, Christchurch & Poole]"): pieces are rejoined when together they
 * are the authority's own name.
 */
function parseAlsoKnownAs(value: string, ownNames: readonly string[]): string[] {
  const inner = value.trim().replace(/^\[|\]$/g, '').trim();
  if (!inner) return [];
  const pieces = inner.split(',').map((p) => p.trim()).filter(Boolean);
  const own = new Set(ownNames.map(normaliseAuthorityName));
  const names: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let taken = 1;
    for (let j = pieces.length; j > i + 1; j--) {
      if (own.has(normaliseAuthorityName(pieces.slice(i, j).join(', ')))) {
        taken = j - i;
        break;
      }
    }
    names.push(pieces.slice(i, i + taken).join(', '));
    i += taken - 1;
  }
  return names;
}

function uniqueCaseInsensitive(names: readonly string[], exclude: string): string[] {
  const seen = new Set([exclude.toLowerCase()]);
  const out: string[] = [];
  for (const name of names) {
    const key = name.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(name.trim());
  }
  return out;
}

/** One authority in the making: a row of the lookup (or an extra predecessor), with its codes over time. */
interface Draft {
  /** The GSS code the lookup (or EXTRA_PREDECESSOR_CODES) gives. */
  key: string;
  name: string;
  otherNames: string[];
  gss: CodeRow[];
  dfe: string;
  urn: string | null;
  region: string;
  type: string;
  current: boolean;
  population: number | null;
  neighbourNumbers: string[];
}

interface Sources {
  lookup: LookupRow[];
  /** Single GSS codes only: drops "E06000061 / E06000062" pairs and the forces row. */
  codes: CodeRow[];
  manifest: ManifestRow[];
}

function readSources(shared: string): Sources {
  return {
    lookup: readCsv<LookupRow>(join(shared, 'data/ofsted-la-lookup.csv')),
    codes: readCsv<CodeRow>(join(shared, 'data/dfe-la-codes.csv')).filter((row) => /^E\d{8}$/.test(row.new_la_code)),
    manifest: readCsv<ManifestRow>(join(shared, 'corpus/ofsted-reports/manifest.csv')),
  };
}

/** A draft per row of the lookup, then one per extra predecessor. */
function draftAuthorities({ lookup, codes, manifest }: Sources): Draft[] {
  const codeRow = new Map(codes.map((row) => [row.new_la_code, row]));
  const regionByCode = new Map(lookup.map((row) => [row.rgn22cd, row.rgn22nm]));
  const scrapeNames = new Map<string, Set<string>>();
  for (const row of manifest) scrapeNames.set(row.urn, (scrapeNames.get(row.urn) ?? new Set()).add(row.local_authority));

  /** Every code with this DfE number: one authority over time. */
  const codesOf = (dfe: string, code: string): CodeRow[] => {
    const rows = codes.filter((row) => row.old_la_code === dfe);
    if (!rows.some((row) => row.new_la_code === code)) {
      throw new Error(`dfe-la-codes.csv has no code ${code} with DfE number ${dfe}`);
    }
    return rows.sort((a, b) => (dfeDate(a.date_of_operation) ?? '').localeCompare(dfeDate(b.date_of_operation) ?? ''));
  };

  const drafts: Draft[] = lookup.map((row) => {
    const own = codeRow.get(row.la_code_new);
    if (!own) throw new Error(`ofsted-la-lookup.csv: ${row.local_authority_ons_name}: GSS code ${row.la_code_new} not in dfe-la-codes.csv`);
    const name = deInvert(own.la_name);
    const aka = parseAlsoKnownAs(row.also_known_as, [name, row.local_authority_ons_name]);
    return {
      key: row.la_code_new,
      name,
      otherNames: [row.local_authority_ons_name, own.la_name, row.utla23nm, row.ltla23nm, ...aka, ...(scrapeNames.get(row.urn) ?? [])],
      gss: codesOf(row.la_code, row.la_code_new),
      dfe: row.la_code,
      urn: row.urn || null,
      region: row.region_name,
      type: row.ons_la_type || singularType(own.entity_description),
      current: !own.date_of_termination,
      population: row['ons_population_0-25'] ? Number(row['ons_population_0-25']) : null,
      neighbourNumbers: row.stat_neighbours.split(',').map((n) => n.trim()).filter(Boolean),
    };
  });
  for (const code of EXTRA_PREDECESSOR_CODES) {
    const own = codeRow.get(code);
    if (!own || !own.date_of_termination) throw new Error(`${code}: expected a terminated code in dfe-la-codes.csv`);
    drafts.push({
      key: code,
      name: deInvert(own.la_name),
      otherNames: [own.la_name],
      gss: codesOf(own.old_la_code, code),
      dfe: own.old_la_code,
      urn: null,
      region: regionByCode.get(own.parent_geography_code) ?? '',
      type: singularType(own.entity_description),
      current: false,
      population: null,
      neighbourNumbers: [],
    });
  }
  return drafts;
}

/**
 * A population the lookup repeats verbatim for a predecessor and its successors
 * (Cumbria, Cumberland, Westmorland and Furness all 128211) cannot be each of theirs:
 * it is kept for the predecessor only and the successors' figure is left unknown.
 */
function dropRepeatedPopulations(byKey: ReadonlyMap<string, Draft>): void {
  for (const [predecessor, successors] of Object.entries(SUCCESSIONS)) {
    const before = byKey.get(predecessor);
    if (!before || before.population === null) continue;
    for (const code of successors) {
      const after = byKey.get(code);
      if (after && after.population === before.population) after.population = null;
    }
  }
}

/**
 * A predecessor that shares its name with a current authority (the old Dorset county
 * and the 2019 Dorset unitary) is named after its council, keeps the bare name as an
 * alias (resolveAuthority tells the two apart by date), and so never takes the
 * current authority's id.
 */
function renameSharedPredecessors(drafts: readonly Draft[]): void {
  const currentNames = new Set(drafts.filter((d) => d.current).map((d) => slugify(d.name)));
  for (const d of drafts) {
    if (!d.current && currentNames.has(slugify(d.name))) {
      d.otherNames.unshift(d.name);
      d.name = `${d.name} ${d.type === 'County' ? 'County Council' : 'Council'}`;
    }
  }
}

/** Ids: slugs of names, by draft key; two drafts with one id are an error. */
function assignIds(drafts: readonly Draft[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const d of drafts) {
    const id = slugify(d.name);
    if ([...ids.values()].includes(id)) throw new Error(`duplicate authority id "${id}"`);
    ids.set(d.key, id);
  }
  return ids;
}

/** Each successor's predecessors' ids (SUCCESSIONS read the other way), by draft key. */
function predecessorsByKey(byKey: ReadonlyMap<string, Draft>, ids: ReadonlyMap<string, string>): Map<string, string[]> {
  const predecessorsOf = new Map<string, string[]>();
  for (const [predecessor, successors] of Object.entries(SUCCESSIONS)) {
    if (!byKey.has(predecessor)) throw new Error(`succession from ${predecessor}: no such authority`);
    for (const code of successors) {
      if (!byKey.has(code)) throw new Error(`succession to ${code}: no such authority`);
      predecessorsOf.set(code, [...(predecessorsOf.get(code) ?? []), ids.get(predecessor)!]);
    }
  }
  return predecessorsOf;
}

/** The council names documents call an authority by that no source lists: "X Council", "LB X", "Royal Borough of X"… */
function generatedAliases(d: Draft): string[] {
  // "X County Council" while a code was a county's (E10); "X Council" for the other codes.
  const baseName = d.otherNames[0] && !d.current && d.name.endsWith('Council') ? d.otherNames[0] : d.name;
  const isCounty = d.gss.some((row) => row.new_la_code.startsWith('E10'));
  const hasOtherCode = d.gss.some((row) => !row.new_la_code.startsWith('E10'));
  const isLondonBorough = d.gss.some((row) => row.new_la_code.startsWith('E09')) && d.key !== 'E09000001';
  const inverted = d.otherNames.find((n) => /, City of$/.test(n));
  return [
    ...(hasOtherCode && !NO_GENERATED_COUNCIL.has(d.key) ? [`${baseName} Council`] : []),
    ...(isCounty ? [`${baseName} County Council`] : []),
    ...(isLondonBorough ? [`LB ${d.name}`, `London Borough of ${d.name}`] : []),
    ...(ROYAL_BOROUGHS.has(d.name) ? [`Royal Borough of ${d.name}`] : []),
    ...(inverted ? [`City of ${d.name}`] : []),
    ...(EXTRA_ALIASES[d.key] ?? []),
  ];
}

export function buildAuthorities(shared = SHARED): AuthorityData[] {
  const drafts = draftAuthorities(readSources(shared));
  const byKey = new Map(drafts.map((d) => [d.key, d]));
  dropRepeatedPopulations(byKey);
  renameSharedPredecessors(drafts);
  const ids = assignIds(drafts);
  const currentByDfe = new Map(drafts.filter((d) => d.current).map((d) => [d.dfe, d]));
  const predecessorsOf = predecessorsByKey(byKey, ids);

  const authorities: AuthorityData[] = drafts.map((d) => ({
    id: ids.get(d.key)!,
    name: d.name,
    aliases: uniqueCaseInsensitive([...d.otherNames, ...generatedAliases(d)], d.name),
    delivered_by: [...(DELIVERED_BY[d.key] ?? [])],
    gss_codes: d.gss.map((row) => ({
      code: row.new_la_code,
      ...(dfeDate(row.date_of_operation) ? { from: dfeDate(row.date_of_operation)! } : {}),
      ...(dfeDate(row.date_of_termination) ? { to: dfeDate(row.date_of_termination)! } : {}),
    })),
    dfe_number: d.dfe,
    ofsted_urn: d.urn,
    region: d.region,
    type: d.type,
    current: d.current,
    predecessors: [...(predecessorsOf.get(d.key) ?? [])].sort(),
    successors: (SUCCESSIONS[d.key] ?? []).map((code) => ids.get(code)!).sort(),
    statistical_neighbours: d.neighbourNumbers.map((n) => {
      const neighbour = currentByDfe.get(n);
      if (!neighbour) throw new Error(`${d.name}: statistical neighbour with DfE number ${n} is not a current authority`);
      return ids.get(neighbour.key)!;
    }),
    population_0_to_25: d.population,
  }));
  authorities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const parsed = z.array(authoritySchema()).parse(authorities);
  assertAliasesResolve(parsed);
  return parsed;
}

/** Every name and alias resolves to its own authority (with a date inside its codes' years where a name is shared across time). */
export function assertAliasesResolve(authorities: readonly AuthorityData[]): void {
  const index = indexAuthorities(authorities);
  const problems: string[] = [];
  for (const authority of authorities) {
    const on = authority.gss_codes[0]?.from ?? authority.gss_codes[0]?.to;
    for (const name of [authority.name, ...authority.aliases]) {
      const found = resolveAuthority(index, name) ?? resolveAuthority(index, name, on);
      if (found?.id !== authority.id) problems.push(`"${name}" (${authority.id}) resolves to ${found?.id ?? 'nothing'}`);
    }
  }
  if (problems.length > 0) throw new Error(`aliases that do not resolve to their authority:\n${problems.join('\n')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const authorities = buildAuthorities();
  writeFileSync(OUT, `${JSON.stringify(authorities, null, 2)}\n`);
  const current = authorities.filter((a) => a.current).length;
  console.log(`content/authorities.json: ${authorities.length} authorities (${current} current, ${authorities.length - current} predecessors)`);
}
