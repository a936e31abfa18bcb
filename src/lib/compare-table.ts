// Several authorities' inspection histories side by side: a column per authority, a row per
// year. Built and written out here, once, for both the pre-rendered comparisons
// (src/pages/compare/[id].astro) and the compare page's picker, which draws the authorities a
// reader ticks from /compare/histories.json (src/browser/compare-page.ts). Pure and small, so
// the browser loads it; tests/unit/compare-table.test.ts.

/** One inspection: what and when it was, and its overall grade (linked to the sentence that states it) if it has one. */
export interface HistoryInspection {
  /** The year it ended (else started, else was published). */
  year: string;
  /** "ILACS standard inspection, 9 to 20 May 2022" */
  label: string;
  /** False when the inspection grades nothing at all. */
  graded: boolean;
  /** The overall grade's slug ("requires-improvement"), its words, and the address of its sentence. */
  grade?: string;
  gradeLabel?: string;
  evidence?: string;
}

/** An authority's inspections that have a year, oldest first. */
export interface AuthorityHistory {
  name: string;
  href: string;
  inspections: HistoryInspection[];
}

/** /compare/histories.json: every current authority's history, by id. */
export interface HistoryJson {
  [id: string]: AuthorityHistory;
}

export interface CompareTableView {
  caption: string;
  /** The caption's id, which labels the table's scrolling box: unique on its page. */
  captionId: string;
  columns: { name: string; href: string }[];
  /** Newest year first, from the latest inspection of any of the authorities to the earliest, years with none kept; a cell per column, its inspections oldest first. */
  rows: { year: string; cells: HistoryInspection[][] }[];
}

export function compareTable(caption: string, captionId: string, histories: readonly AuthorityHistory[]): CompareTableView {
  const years = histories.flatMap((h) => h.inspections.map((i) => Number(i.year)));
  const last = Math.max(...years);
  const first = Math.min(...years);
  return {
    caption,
    captionId,
    columns: histories.map((h) => ({ name: h.name, href: h.href })),
    rows: Array.from({ length: years.length > 0 ? last - first + 1 : 0 }, (_, i) => String(last - i)).map((year) => ({
      year,
      cells: histories.map((h) => h.inspections.filter((i) => i.year === year)),
    })),
  };
}

/** Text for HTML, escaped as Astro escapes it (so the pre-rendered pages are written as they were by a component). */
export const escapeHtml = (text: string) => text.replace(/[&<>'"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', "'": '#39', '"': 'quot' }[c]};`);

// The grade as src/components/Grade.astro draws a linked grade: its words on its colour.
const inspectionHtml = (i: HistoryInspection) => {
  const grade = i.grade && i.evidence ? `<a class="grade grade-${escapeHtml(i.grade)}" href="${escapeHtml(i.evidence)}">${escapeHtml(i.gradeLabel ?? '')}</a>` : `<span class="muted">${i.graded ? 'no overall grade' : 'no grades'}</span>`;
  return `<li>${grade}<br><span class="muted small">${escapeHtml(i.label)}</span></li>`;
};

/** The table as HTML, in its scrolling box. */
export function compareTableHtml(table: CompareTableView): string {
  const id = escapeHtml(table.captionId);
  const head = table.columns.map((c) => `<th scope="col"><a href="${escapeHtml(c.href)}">${escapeHtml(c.name)}</a></th>`).join('');
  const rows = table.rows
    .map((row) => `<tr><th scope="row">${escapeHtml(row.year)}</th>${row.cells.map((cell) => `<td>${cell.length > 0 ? `<ul class="grade-list">${cell.map(inspectionHtml).join('')}</ul>` : ''}</td>`).join('')}</tr>`)
    .join('');
  return `<section class="table-wrap" aria-labelledby="${id}" tabindex="0"><table class="compare-table"><caption id="${id}">${escapeHtml(table.caption)}</caption><thead><tr><th scope="col">Year</th>${head}</tr></thead><tbody>${rows}</tbody></table></section>`;
}
