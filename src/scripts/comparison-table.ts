// Sorting and filtering of the comparison table, on top of a table that is complete
// without JavaScript. Sorting follows the MOJ sortable-table pattern: a button in each
// header, aria-sort on the sorted header, a polite announcement. The filters and the
// sort live in the address (?region=london&grade=good&sort=date&order=descending), so a
// filtered view can be linked; the page's links to the other view keep them. The caption
// says the order and the filters in force; a filter that leaves no row says so and offers
// to clear them.
//
// On load it only adds the header buttons: with no state in the address the rows are left
// as built (re-appending or re-hiding 150 to 600 rows made the browser lay the table out a
// second time, most of the page's blocking time).

type Direction = 'ascending' | 'descending';
// The comparison table's filters; another table's form (the visits page) names its own
// selects, each matching the row attribute of the same name (data-focus, data-held…).
const COMPARISON_FILTERS = ['region', 'type', 'framework', 'year', 'judgement', 'grade'];
type Filter = string;
const GRADE_RANK: Record<string, number> = { outstanding: 1, good: 2, 'requires-improvement': 3, adequate: 3, inadequate: 4 };

interface Row {
  tr: HTMLTableRowElement;
  /** One entry per header column: the cell under it (a wide "no grades" cell sits under several). */
  cells: HTMLTableCellElement[];
}

function gradeOf(cell: HTMLTableCellElement | undefined): string {
  const grade = cell?.querySelector('.grade');
  if (!grade) return '';
  const match = /\bgrade-([a-z-]+)/.exec(grade.className);
  return match ? match[1]! : '';
}

const SORT_WORDS: Record<string, Record<Direction, string>> = {
  text: { ascending: 'A to Z', descending: 'Z to A' },
  date: { ascending: 'oldest first', descending: 'newest first' },
  grade: { ascending: 'best grade first', descending: 'worst grade first' },
};

function setup(table: HTMLTableElement): void {
  const headers = [...table.tHead!.rows[0]!.cells];
  const body = table.tBodies[0]!;
  // Read from the rows only when the reader first sorts or filters.
  let rowCache: Row[] | undefined;
  const rows = (): Row[] =>
    (rowCache ??= [...body.rows].map((tr) => {
      const cells: HTMLTableCellElement[] = [];
      for (const cell of tr.cells) for (let i = 0; i < cell.colSpan; i++) cells.push(cell);
      return { tr, cells };
    }));
  const form = document.getElementById('comparison-filters');
  const panel = document.getElementById('comparison-filters-panel') as HTMLDetailsElement | null;
  const status = document.getElementById('comparison-status');
  const empty = document.getElementById('comparison-empty');
  const caption = table.caption;
  const FILTERS: Filter[] = form ? [...form.querySelectorAll<HTMLSelectElement>('select[name]')].map((s) => s.name) : COMPARISON_FILTERS;
  const noun = table.dataset.noun ?? 'rows';
  let sortColumn = -1;
  let direction: Direction = 'ascending';
  let sortMessage = '';

  function sortValue(row: Row, column: number): string | number | null {
    const type = headers[column]!.dataset.sortType;
    const cell = row.cells[column];
    if (type === 'grade') {
      const grade = gradeOf(cell);
      return grade ? (GRADE_RANK[grade] ?? null) : null;
    }
    if (type === 'date') return cell?.dataset.sort || null;
    return cell?.textContent?.trim() || null;
  }

  function applySort(): void {
    headers.forEach((th, i) => {
      if (th.dataset.sortType) th.setAttribute('aria-sort', i === sortColumn ? direction : 'none');
    });
    const original = rows();
    const sorted = sortColumn < 0 ? original.slice() : original.slice().sort((a, b) => {
      const x = sortValue(a, sortColumn);
      const y = sortValue(b, sortColumn);
      // Rows with nothing to sort by ("not given", no inspection) stay last either way.
      if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en-GB');
      return direction === 'ascending' ? order : -order;
    });
    body.append(...sorted.map((r) => r.tr));
  }

  function readForm(): Record<Filter, string> {
    const values = {} as Record<Filter, string>;
    for (const name of FILTERS) values[name] = form ? (form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)?.value ?? '') : '';
    return values;
  }

  function applyFilters(): number {
    const f = readForm();
    const judgement = f.judgement || (f.grade ? 'overall' : '');
    const column = judgement ? headers.findIndex((th) => th.dataset.column === judgement) : -1;
    let shown = 0;
    for (const { tr, cells } of rows()) {
      const d = tr.dataset;
      // judgement and grade pick a grade cell; every other filter matches its row attribute.
      let ok = FILTERS.every((name) => name === 'judgement' || name === 'grade' || !f[name] || d[name] === f[name]);
      if (ok && column >= 0) {
        const grade = gradeOf(cells[column]);
        ok = f.grade ? grade === f.grade : grade !== '';
      }
      tr.hidden = !ok;
      if (ok) shown++;
    }
    return shown;
  }

  function writeAddress(): void {
    const params = new URLSearchParams();
    const f = readForm();
    for (const name of FILTERS) if (f[name]) params.set(name, f[name]);
    if (sortColumn >= 0) {
      params.set('sort', headers[sortColumn]!.dataset.column ?? headers[sortColumn]!.textContent!.trim().toLowerCase());
      params.set('order', direction);
    }
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-keep-query]')) {
      link.search = query;
    }
  }

  /** "Region: London; Grade: Good", from the chosen options' own words. */
  function filterWords(): string {
    if (!form) return '';
    const f = readForm();
    const parts: string[] = [];
    for (const name of FILTERS) {
      if (!f[name]) continue;
      const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
      const label = form.querySelector(`label[for="${select.id}"]`)?.textContent?.trim() ?? name;
      parts.push(`${label}: ${select.selectedOptions[0]?.textContent?.trim() ?? f[name]}`);
    }
    return parts.join('; ');
  }

  function writeCaption(shown: number): void {
    if (!caption) return;
    const order =
      sortColumn < 0
        ? (table.dataset.order ?? '')
        : `sorted by ${headers[sortColumn]!.textContent!.trim()}, ${SORT_WORDS[headers[sortColumn]!.dataset.sortType ?? 'text']![direction]}`;
    const filters = filterWords();
    caption.textContent =
      `${table.dataset.caption ?? ''}, ${order}` + (filters ? ` (only ${filters}: ${shown} of ${rows().length} ${noun})` : '');
  }

  function update(): void {
    applySort();
    const shown = applyFilters();
    writeAddress();
    writeCaption(shown);
    if (empty) empty.hidden = shown > 0;
    if (status) status.textContent = `${sortMessage}Showing ${shown} of ${rows().length} ${noun}.`;
  }

  function clearFilters(): void {
    if (form) for (const select of form.querySelectorAll('select')) select.value = '';
    sortMessage = '';
    update();
    panel?.querySelector('summary')?.focus();
  }
  empty?.querySelector('[data-clear-filters]')?.addEventListener('click', clearFilters);

  // Buttons in the sortable headers (MOJ pattern).
  headers.forEach((th, i) => {
    if (!th.dataset.sortType) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(...th.childNodes);
    th.append(button);
    th.setAttribute('aria-sort', 'none');
    button.addEventListener('click', () => {
      direction = sortColumn === i && direction === 'ascending' ? 'descending' : 'ascending';
      sortColumn = i;
      sortMessage = `Sorted by ${button.textContent!.trim()}, ${direction}. `;
      update();
    });
  });

  // State from the address.
  const params = new URLSearchParams(location.search);
  let stated = false;
  if (form) {
    for (const name of FILTERS) {
      const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
      const value = params.get(name);
      if (select && value && [...select.options].some((o) => o.value === value)) {
        select.value = value;
        stated = true;
      }
    }
    // Inside the closed <details>: showing the form moves nothing on the page.
    form.hidden = false;
    panel?.querySelector('.js-needed')?.setAttribute('hidden', '');
    if (stated && panel) panel.open = true;
    form.addEventListener('change', update);
  }
  const sortParam = params.get('sort');
  if (sortParam) {
    const index = headers.findIndex((th) => th.dataset.sortType && (th.dataset.column ?? th.textContent!.trim().toLowerCase()) === sortParam);
    if (index >= 0) {
      sortColumn = index;
      direction = params.get('order') === 'descending' ? 'descending' : 'ascending';
      sortMessage = `Sorted by ${headers[index]!.textContent!.trim()}, ${direction}. `;
      stated = true;
    }
  }
  if (stated) update();
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) setup(table);
