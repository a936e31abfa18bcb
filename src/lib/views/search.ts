// What /search/ shows before its script runs: a menu per filter, each with every value
// some indexed page has, computed by the same function as the index's filters
// (src/domain/search-filters.ts), so a menu never offers a value that finds nothing.
// Pure: the site's data is an argument (tests/unit/views/search.test.ts).
import type * as Site from '../site-data.ts';
import { SEARCH_FILTER_LABELS, SEARCH_FILTERS, filterValues, searchFilters, type SearchFilter } from '../../domain/search-filters.ts';

export type SearchSite = Pick<typeof Site, 'documents' | 'authorities'>;

export interface SearchView {
  /** In SEARCH_FILTERS' order; `id` is the select's, `name` the address's parameter. */
  filters: { name: SearchFilter; id: string; label: string; values: string[] }[];
}

export function searchView(site: SearchSite): SearchView {
  const values = filterValues(searchFilters(site.documents, site.authorities));
  return { filters: SEARCH_FILTERS.map((f) => ({ name: f, id: `search-${f}`, label: SEARCH_FILTER_LABELS[f], values: values[f] })) };
}
