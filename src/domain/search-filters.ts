// The search filters of every indexed page (authority and document pages), computed
// from the content by the same function for the index (integrations/search-index.ts,
// during the build) and for the search page's filter menus, so the two always agree.
import type { AuthorityData } from '../schemas/authority.ts';
import { flattenDocuments, groupInspections, inspectionDate, latestGradedInspections, type DocumentLike } from './derive.ts';
import { DOCUMENT_KIND_LABELS, FOCUS_AREA_SHORT_LABELS, FRAMEWORK_LABELS, GRADE_LABELS, GRADES, type Framework } from './vocabulary.ts';

/** The priority filter's values: a letter that sets areas for priority action, or one that sets none. */
export const PRIORITY_SET = 'Set by the letter';
export const PRIORITY_NONE = 'None set';

export const SEARCH_FILTERS = ['authority', 'region', 'kind', 'framework', 'grade', 'focus', 'priority', 'year'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];
export type PageFilters = Record<SearchFilter, string[]>;

export const SEARCH_FILTER_LABELS: Record<SearchFilter, string> = {
  authority: 'Authority',
  region: 'Region',
  kind: 'Kind of page',
  framework: 'Inspection framework',
  grade: 'Grade stated',
  focus: 'Focus of a visit',
  priority: 'Areas for priority action',
  year: 'Year',
};

export const AUTHORITY_PAGE_KIND = 'Authority page';

const unique = (values: Iterable<string>) => [...new Set(values)].sort();

/** URL path → filters, for every authority page and every document page. */
export function searchFilters(documents: readonly DocumentLike[], authorities: readonly AuthorityData[]): Map<string, PageFilters> {
  const byId = new Map(authorities.map((a) => [a.id, a]));
  const pages = new Map<string, PageFilters>();
  const records = flattenDocuments(documents);
  const groups = groupInspections(records);
  const latest = latestGradedInspections(groups);
  for (const { id, data } of documents) {
    const authority = byId.get(data.authority);
    const inspections = data.inspections;
    const visits = inspections.filter((i) => i.role === 'subject' && i.visit).map((i) => i.visit!);
    pages.set(`/documents/${id}/`, {
      authority: authority ? [authority.name] : [],
      region: authority ? [authority.region] : [],
      kind: [DOCUMENT_KIND_LABELS[data.kind]],
      framework: unique(inspections.map((i) => FRAMEWORK_LABELS[i.framework as Framework])),
      grade: GRADES.filter((g) => inspections.some((i) => Object.values(i.judgements).some((j) => j?.grade === g))).map((g) => GRADE_LABELS[g]),
      // A focused-visit letter is found by what it looked at and whether it set priority actions.
      focus: unique(visits.map((v) => FOCUS_AREA_SHORT_LABELS[v.focus.area])),
      priority: unique(visits.map((v) => (v.priority_actions.areas.length > 0 ? PRIORITY_SET : PRIORITY_NONE))),
      year: [data.date.slice(0, 4)],
    });
  }
  for (const a of authorities) {
    const own = groups.filter((g) => g.authority === a.id);
    const last = latest.get(a.id);
    pages.set(`/authorities/${a.id}/`, {
      authority: [a.name],
      region: [a.region],
      kind: [AUTHORITY_PAGE_KIND],
      framework: unique(own.map((g) => FRAMEWORK_LABELS[g.framework])),
      // An authority page is found by the grades of its latest graded inspection.
      grade: last ? GRADES.filter((g) => Object.values(last.judgements).some((j) => j?.grade === g)).map((g) => GRADE_LABELS[g]) : [],
      focus: [],
      priority: [],
      year: unique(own.map((g) => inspectionDate(g)?.slice(0, 4)).filter((y): y is string => Boolean(y))),
    });
  }
  return pages;
}

/** Every value each filter takes, in a useful order, for the search page's menus. */
export function filterValues(pages: ReadonlyMap<string, PageFilters>): Record<SearchFilter, string[]> {
  const gradeOrder = GRADES.map((g) => GRADE_LABELS[g]);
  const out = {} as Record<SearchFilter, string[]>;
  for (const f of SEARCH_FILTERS) {
    const values = unique([...pages.values()].flatMap((p) => p[f]));
    out[f] = f === 'grade' ? gradeOrder.filter((g) => values.includes(g)) : f === 'year' ? values.reverse() : values.sort((x, y) => x.localeCompare(y, 'en-GB'));
  }
  return out;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const filterMarks = (filters: PageFilters) =>
  SEARCH_FILTERS.flatMap((f) => filters[f].map((v) => `<span data-pagefind-filter="${f}:${escapeAttribute(v)}"></span>`)).join('');

/**
 * The page's HTML as the index reads it: its main element marked as the body to index,
 * with the filters as empty elements inside it (the built page itself is not changed).
 */
export function htmlForIndex(html: string, filters: PageFilters): string | undefined {
  const marks = filterMarks(filters);
  const replaced = html.replace(/<main\b([^>]*)>/, (_m, attrs: string) => `<main data-pagefind-body${attrs}>${marks}`);
  return replaced === html ? undefined : spaceBlocks(replaced);
}

// Block-level and table elements whose text a browser shows apart but Pagefind joins
// ("<dt>Region</dt><dd>London</dd>" read as "RegionLondon" in a result's excerpt).
const BLOCK_END = /<\/(address|article|aside|caption|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|li|nav|ol|p|section|summary|table|td|th|tr|ul)>/gi;

/** The HTML with a space after every block element's end, so the index keeps its words apart. */
export function spaceBlocks(html: string): string {
  return html.replace(BLOCK_END, '$& ');
}

const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * What the index reads for a document page, made from its entry rather than its built page,
 * so that it can be indexed while the pages are still being rendered: the page's heading
 * (the result's title), a line saying what and whose the document is, and its full text as
 * the site renders it, and its date as metadata. The page's other parts (its judgement panels, source and licence)
 * repeat what the filters and the text already say.
 */
export function documentHtmlForIndex(document: { title: string; about: string; date: string; bodyHtml: string }, filters: PageFilters): string {
  // The date (as the page writes it) is kept as metadata: a result says what it is and when.
  const date = `<span data-pagefind-meta="date:${escapeAttribute(document.date)}"></span>`;
  return `<!DOCTYPE html><html lang="en"><head><title>${escapeText(document.title)}</title></head><body><main data-pagefind-body><h1>${escapeText(document.title)}</h1><p>${escapeText(document.about)}</p>${date}${filterMarks(filters)}${spaceBlocks(document.bodyHtml)}</main></body></html>`;
}
