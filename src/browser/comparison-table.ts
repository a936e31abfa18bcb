// Sorting and filtering of the comparison table, on top of a table that is complete
// without JavaScript. Sorting follows the MOJ sortable-table pattern: a button in each
// header, aria-sort on the sorted header, a polite announcement. The filters and the
// sort live in the address (?region=london&grade=good&sort=date&order=descending), so a
// filtered view can be linked; the page's links to the other view keep them. The caption
// says the order and the filters in force; a filter that leaves no row says so and offers
// to clear them. The filters are the form's selects, each named after the rows' data
// attribute it matches (region, type, framework, year on /judgements/; the visits' and the
// next inspections' own elsewhere); "judgement" and "grade" pick a grade cell instead.
//
// Filters and sorts in the address that the form does not offer are ignored, and the
// status line says so (the first of a repeated parameter is used).
//
// On load it only adds the header buttons: with no state in the address the rows are left
// as built (re-appending or re-hiding 150 to 600 rows made the browser lay the table out a
// second time, most of the page's blocking time).
import { GRADE_ORDER, gradeFromSlug } from '../domain/vocabulary.ts';
import { inputNotice, readFilters } from '../domain/reader-input.ts';

type Direction = 'ascending' | 'descending';
/** A select's name: a row attribute, or "judgement" / "grade". */
type Filter = string;
/** Filters that pick a grade cell rather than match a row attribute. */
const GRADE_FILTERS: readonly Filter[] = ['judgement', 'grade'];

interface Row {
  tr: HTMLTableRowElement;
  /** One entry per header column: the cell under it (a wide "no grades" cell sits under several). */
  cells: HTMLTableCellElement[];
}

/** A grade cell's grade as its slug (AlignedCells sets data-grade), '' for a cell without one. */
function gradeOf(cell: HTMLTableCellElement | undefined): string {
  return cell?.dataset.grade ?? '';
}

const SORT_WORDS: Record<string, Record<Direction, string>> = {
  text: { ascending: 'A to Z', descending: 'Z to A' },
  date: { ascending: 'oldest first', descending: 'newest first' },
  rank: { ascending: 'most pressing first', descending: 'least pressing first' },
  grade: { ascending: 'best grade first', descending: 'worst grade first' },
};

/** The table and the controls around it (found by id: one comparison table per page). */
interface Parts {
  table: HTMLTableElement;
  headers: HTMLTableCellElement[];
  body: HTMLTableSectionElement;
  /** The rows with their cells, read only when the reader first sorts or filters. */
  rows: () => Row[];
  form: HTMLElement | null;
  /** The form's selects' names, in order. */
  filters: Filter[];
  panel: HTMLDetailsElement | null;
  status: HTMLElement | null;
  empty: HTMLElement | null;
  noun: string;
}

/** The sorted column (-1: the order as built), its direction, and the announcement of the last sort. */
interface Sort {
  column: number;
  direction: Direction;
  message: string;
  /** What the address asked for that the page ignored; said until the reader changes the view. */
  notice: string;
}

function partsOf(table: HTMLTableElement): Parts {
  const body = table.tBodies[0]!;
  let rowCache: Row[] | undefined;
  const form = document.getElementById('comparison-filters');
  return {
    table,
    headers: [...table.tHead!.rows[0]!.cells],
    body,
    rows: () =>
      (rowCache ??= [...body.rows].map((tr) => {
        const cells: HTMLTableCellElement[] = [];
        for (const cell of tr.cells) for (let i = 0; i < cell.colSpan; i++) cells.push(cell);
        return { tr, cells };
      })),
    form,
    filters: form ? [...form.querySelectorAll<HTMLSelectElement>('select[name]')].map((s) => s.name) : [],
    panel: document.getElementById('comparison-filters-panel') as HTMLDetailsElement | null,
    status: document.getElementById('comparison-status'),
    empty: document.getElementById('comparison-empty'),
    noun: table.dataset.noun ?? 'rows',
  };
}

/** What a row sorts by under a column: a grade's rank, a date's sort key, or the cell's text; null for nothing. */
function sortValue(parts: Parts, row: Row, column: number): string | number | null {
  const type = parts.headers[column]!.dataset.sortType;
  const cell = row.cells[column];
  if (type === 'grade') {
    const grade = gradeFromSlug(gradeOf(cell));
    return grade ? GRADE_ORDER[grade] : null;
  }
  if (type === 'date' || type === 'rank') return cell?.dataset.sort || null;
  return cell?.textContent?.trim() || null;
}

function applySort(parts: Parts, sort: Sort): void {
  parts.headers.forEach((th, i) => {
    if (th.dataset.sortType) th.setAttribute('aria-sort', i === sort.column ? sort.direction : 'none');
  });
  const original = parts.rows();
  const sorted = sort.column < 0 ? original.slice() : original.slice().sort((a, b) => {
    const x = sortValue(parts, a, sort.column);
    const y = sortValue(parts, b, sort.column);
    // Rows with nothing to sort by ("not given", no inspection) stay last either way.
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en-GB');
    return sort.direction === 'ascending' ? order : -order;
  });
  parts.body.append(...sorted.map((r) => r.tr));
}

const selectOf = (form: HTMLElement, name: Filter) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);

/** Each filter's chosen value ('' for any). */
function formValues(parts: Parts): Record<Filter, string> {
  const values: Record<Filter, string> = {};
  for (const name of parts.filters) values[name] = parts.form ? (selectOf(parts.form, name)?.value ?? '') : '';
  return values;
}

/** Hides the rows the filters leave out; returns how many are shown. */
function applyFilters(parts: Parts, f: Record<Filter, string>): number {
  const judgement = f.judgement || (f.grade ? 'overall' : '');
  const column = judgement ? parts.headers.findIndex((th) => th.dataset.column === judgement) : -1;
  let shown = 0;
  for (const { tr, cells } of parts.rows()) {
    const d = tr.dataset;
    let ok = parts.filters.every((name) => GRADE_FILTERS.includes(name) || !f[name] || d[name] === f[name]);
    if (ok && column >= 0) {
      const grade = gradeOf(cells[column]);
      ok = f.grade ? grade === f.grade : grade !== '';
    }
    tr.hidden = !ok;
    if (ok) shown++;
  }
  return shown;
}

const columnKey = (th: HTMLTableCellElement) => th.dataset.column ?? th.textContent!.trim().toLowerCase();

/** The filters and the sort into the address, and into the links to the other view. */
function writeAddress(parts: Parts, f: Record<Filter, string>, sort: Sort): void {
  const params = new URLSearchParams();
  for (const name of parts.filters) if (f[name]) params.set(name, f[name]);
  if (sort.column >= 0) {
    params.set('sort', columnKey(parts.headers[sort.column]!));
    params.set('order', sort.direction);
  }
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-keep-query]')) {
    link.search = query;
  }
}

/** "Region: London; Grade: Good", from the chosen options' own words. */
function filterWords(form: HTMLElement | null, filters: readonly Filter[], f: Record<Filter, string>): string {
  if (!form) return '';
  const parts: string[] = [];
  for (const name of filters) {
    if (!f[name]) continue;
    const select = selectOf(form, name)!;
    const label = form.querySelector(`label[for="${select.id}"]`)?.textContent?.trim() ?? name;
    parts.push(`${label}: ${select.selectedOptions[0]?.textContent?.trim() ?? f[name]}`);
  }
  return parts.join('; ');
}

function writeCaption(parts: Parts, sort: Sort, f: Record<Filter, string>, shown: number): void {
  const { table, headers } = parts;
  if (!table.caption) return;
  const order =
    sort.column < 0
      ? (table.dataset.order ?? '')
      : `sorted by ${headers[sort.column]!.textContent!.trim()}, ${SORT_WORDS[headers[sort.column]!.dataset.sortType ?? 'text']![sort.direction]}`;
  const filters = filterWords(parts.form, parts.filters, f);
  table.caption.textContent =
    `${table.dataset.caption ?? ''}, ${order}` + (filters ? ` (only ${filters}: ${shown} of ${parts.rows().length} ${parts.noun})` : '');
}

/** A button in each sortable header (MOJ pattern); a click sorts by it, ascending first, then toggles. */
function addSortButtons(parts: Parts, sort: Sort, update: () => void): void {
  parts.headers.forEach((th, i) => {
    if (!th.dataset.sortType) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(...th.childNodes);
    th.append(button);
    th.setAttribute('aria-sort', 'none');
    button.addEventListener('click', () => {
      sort.direction = sort.column === i && sort.direction === 'ascending' ? 'descending' : 'ascending';
      sort.column = i;
      sort.message = `Sorted by ${button.textContent!.trim()}, ${sort.direction}. `;
      sort.notice = '';
      update();
    });
  });
}

/**
 * Sets the filters and the sort the address states, if the page offers them, and says which it
 * stated; what it does not offer goes into the notice (src/domain/reader-input.ts).
 */
function readAddress(parts: Parts, sort: Sort): { filtered: boolean; sorted: boolean } {
  const offered = new Map<string, { label: string; values: string[] }>([
    ['sort', { label: 'sort', values: parts.headers.filter((th) => th.dataset.sortType).map(columnKey) }],
    ['order', { label: 'order', values: ['ascending', 'descending'] }],
  ]);
  for (const name of parts.filters) {
    const select = selectOf(parts.form!, name)!;
    offered.set(name, { label: name, values: [...select.options].map((o) => o.value).filter(Boolean) });
  }
  const { values, problems } = readFilters(new URLSearchParams(location.search), offered);
  let filtered = false;
  for (const name of parts.filters) {
    const value = values.get(name);
    if (value) {
      selectOf(parts.form!, name)!.value = value;
      filtered = true;
    }
  }
  const sortParam = values.get('sort');
  const index = sortParam ? parts.headers.findIndex((th) => th.dataset.sortType && columnKey(th) === sortParam) : -1;
  if (index >= 0) {
    sort.column = index;
    sort.direction = values.get('order') === 'descending' ? 'descending' : 'ascending';
    sort.message = `Sorted by ${parts.headers[index]!.textContent!.trim()}, ${sort.direction}. `;
  }
  sort.notice = inputNotice(problems);
  if (sort.notice) sort.notice += ' ';
  return { filtered, sorted: index >= 0 };
}

/** Shows the filter form (inside the closed <details>, so nothing on the page moves), opened when the address set a filter. */
function showFilters(parts: Parts, open: boolean, update: () => void): void {
  const { form, panel } = parts;
  if (!form) return;
  form.hidden = false;
  panel?.querySelector('.js-needed')?.setAttribute('hidden', '');
  if (open && panel) panel.open = true;
  form.addEventListener('change', update);
}

function setup(table: HTMLTableElement): void {
  const parts = partsOf(table);
  const sort: Sort = { column: -1, direction: 'ascending', message: '', notice: '' };

  function update(): void {
    applySort(parts, sort);
    const f = formValues(parts);
    const shown = applyFilters(parts, f);
    writeAddress(parts, f, sort);
    writeCaption(parts, sort, f, shown);
    if (parts.empty) parts.empty.hidden = shown > 0;
    if (parts.status) parts.status.textContent = `${sort.notice}${sort.message}Showing ${shown} of ${parts.rows().length} ${parts.noun}.`;
  }

  parts.empty?.querySelector('[data-clear-filters]')?.addEventListener('click', () => {
    if (parts.form) for (const select of parts.form.querySelectorAll('select')) select.value = '';
    sort.message = '';
    sort.notice = '';
    update();
    parts.panel?.querySelector('summary')?.focus();
  });
  addSortButtons(parts, sort, update);
  const stated = readAddress(parts, sort);
  showFilters(parts, stated.filtered, () => {
    sort.notice = '';
    update();
  });
  if (stated.filtered || stated.sorted) update();
  else if (sort.notice && parts.status) parts.status.textContent = `${sort.notice}Showing all ${parts.rows().length} ${parts.noun}.`;
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) setup(table);
