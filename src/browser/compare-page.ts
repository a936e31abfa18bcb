// The compare page's picker: ticked authorities' histories side by side, built from
// /compare/histories.json into the same table the pre-rendered comparisons show. The
// choice lives in the address (?a=brent,ealing), so a comparison can be linked, and a
// link opens on its result (above the picker, its heading focused). The picker finds
// authorities by name. Ids are looked up in a Map (never as an object's property, which
// "__proto__" or "toString" would find); names in the address that stand for no authority
// are said, and codes and other names resolve as Find a council resolves them.
import type { HistoryJson } from '../lib/compare-table.ts';
import type { FindEntry } from '../domain/find-council.ts';
import { NAME_MAX, cleanText, matchingIds, resolveCouncils, unrecognisedNotice } from '../domain/reader-input.ts';

type Histories = Map<string, HistoryJson[string]>;

const form = document.getElementById('compare-form');
const status = document.getElementById('compare-status');
const result = document.getElementById('compare-result');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function render(data: Histories, ids: string[], notice = ''): void {
  if (!result || !status) return;
  result.replaceChildren();
  if (ids.length < 2) {
    status.textContent = `${notice}${ids.length === 0 ? 'Choose two or more authorities to compare.' : 'Choose at least one more authority to compare.'}`;
    return;
  }
  const years = ids.flatMap((id) => data.get(id)!.inspections.map((i) => Number(i.year)));
  const wrap = el('section', undefined, 'table-wrap');
  wrap.tabIndex = 0;
  wrap.setAttribute('aria-labelledby', 'picked-caption');
  const table = el('table', undefined, 'compare-table');
  const caption = el('caption', `Inspections of ${ids.map((id) => data.get(id)!.name).join(', ')}, by year`);
  caption.id = 'picked-caption';
  const head = el('thead');
  const headRow = el('tr');
  const yearHead = el('th', 'Year');
  yearHead.scope = 'col';
  headRow.append(yearHead);
  for (const id of ids) {
    const th = el('th');
    th.scope = 'col';
    const a = el('a', data.get(id)!.name);
    a.href = data.get(id)!.href;
    th.append(a);
    headRow.append(th);
  }
  head.append(headRow);
  const body = el('tbody');
  if (years.length > 0) {
    for (let year = Math.max(...years); year >= Math.min(...years); year--) {
      const tr = el('tr');
      const th = el('th', String(year));
      th.scope = 'row';
      tr.append(th);
      for (const id of ids) {
        const td = el('td');
        const inspections = data.get(id)!.inspections.filter((i) => i.year === String(year));
        if (inspections.length > 0) {
          const ul = el('ul', undefined, 'grade-list');
          for (const i of inspections) {
            const li = el('li');
            if (i.grade && i.evidence) {
              const a = el('a', i.gradeLabel, `grade grade-${i.grade}`);
              a.href = i.evidence;
              li.append(a);
            } else li.append(el('span', i.graded ? 'no overall grade' : 'no grades', 'muted'));
            li.append(el('br'), el('span', i.label, 'muted small'));
            ul.append(li);
          }
          td.append(ul);
        }
        tr.append(td);
      }
      body.append(tr);
    }
  }
  table.append(caption, head, body);
  wrap.append(table);
  const heading = el('h2', 'Your comparison');
  heading.id = 'compare-heading';
  heading.tabIndex = -1;
  const link = el('p', undefined, 'small');
  const share = el('a', 'Link to this comparison');
  share.href = `${location.pathname}?a=${ids.join(',')}`;
  link.append(share, ' (to share or bookmark it). Change the choice below.');
  result.append(heading, link, wrap);
  status.textContent = `${notice}Comparing ${ids.length} authorities.`;
}

async function start(): Promise<void> {
  if (!form) return;
  const [data, entries] = await Promise.all([
    fetch('/compare/histories.json').then((r) => r.json() as Promise<HistoryJson>).then((json): Histories => new Map(Object.entries(json))),
    fetch('/find/councils.json').then((r) => r.json() as Promise<FindEntry[]>),
  ]);
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="a"]')];
  // ?a=brent,ealing, and ?a=brent&a=ealing as a form would send it.
  const asked = new URLSearchParams(location.search).getAll('a').flatMap((a) => a.split(','));
  const { ids, unknown, former, unread } = resolveCouncils(asked, entries, (id) => data.has(id));
  let chosen = ids;
  let notice = unrecognisedNotice(unknown, unread, former);
  if (notice) notice += ' ';
  for (const box of boxes) box.checked = chosen.includes(box.value);
  form.hidden = false;
  const find = form.querySelector<HTMLInputElement>('#compare-find');
  const none = form.querySelector<HTMLElement>('#compare-find-none');
  find?.addEventListener('input', () => {
    const text = cleanText(find.value, NAME_MAX).text;
    const matching = text ? matchingIds(entries, text) : undefined;
    let shown = 0;
    for (const li of form.querySelectorAll<HTMLElement>('li[data-id]')) {
      li.hidden = matching !== undefined && !matching.has(li.dataset.id!);
      if (!li.hidden) shown++;
    }
    if (none) none.hidden = shown > 0;
  });
  form.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (box.name !== 'a') return;
    notice = '';
    chosen = box.checked ? [...chosen.filter((id) => id !== box.value), box.value] : chosen.filter((id) => id !== box.value);
    const query = chosen.length > 0 ? `?a=${chosen.join(',')}` : '';
    history.replaceState(null, '', `${location.pathname}${query}`);
    render(data, chosen);
  });
  render(data, chosen, notice);
  // A shared link opens on its result: the heading is focused (and so scrolled to).
  if (chosen.length >= 2) document.getElementById('compare-heading')?.focus();
}

void start();
