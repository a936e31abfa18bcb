// The compare page's picker: ticked authorities' histories side by side, laid out from
// /compare/histories.json and written out by the code that writes the pre-rendered
// comparisons (src/lib/compare-table.ts), so the table is the same. The choice lives in the
// address (?a=brent,ealing), so a comparison can be linked, and a link opens on its result
// (above the picker, its heading focused). The picker finds authorities by name. Ids are
// looked up in a Map (never as an object's property, which "__proto__" or "toString" would
// find); names in the address that stand for no authority are said, and codes and other
// names resolve as Find a council resolves them.
import { compareTable, compareTableHtml, escapeHtml, type AuthorityHistory, type HistoryJson } from '../lib/compare-table.ts';
import type { FindEntry } from '../domain/find-council.ts';
import { NAME_MAX, cleanText, matchingIds, resolveCouncils, unrecognisedNotice } from '../domain/reader-input.ts';

type Histories = Map<string, AuthorityHistory>;

const form = document.getElementById('compare-form');
const status = document.getElementById('compare-status');
const result = document.getElementById('compare-result');

function render(data: Histories, ids: string[], notice = ''): void {
  if (!result || !status) return;
  if (ids.length < 2) {
    result.replaceChildren();
    status.textContent = `${notice}${ids.length === 0 ? 'Choose two or more authorities to compare.' : 'Choose at least one more authority to compare.'}`;
    return;
  }
  const histories = ids.map((id) => data.get(id)!);
  const table = compareTable(`Inspections of ${histories.map((h) => h.name).join(', ')}, by year`, 'picked-caption', histories);
  // Markup from text: every name, label and address in it is escaped.
  result.innerHTML = `<h2 id="compare-heading" tabindex="-1">Your comparison</h2><p class="small"><a href="${escapeHtml(location.pathname)}?a=${escapeHtml(ids.join(','))}">Link to this comparison</a> (to share or bookmark it). Change the choice below.</p>${compareTableHtml(table)}`;
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
