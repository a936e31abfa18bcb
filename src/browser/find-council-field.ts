// The "Find a council" field (src/components/FindCouncil.astro): suggestions as the reader
// types (an ARIA 1.2 combobox with a listbox), Enter or a click goes to the council's page.
// The list of councils (/find/councils.json, about 20 kB) is fetched on first focus. One
// start per form, marked data-find-council-init, so a second start changes nothing.
import { findCouncils, matchHint, type FindEntry, type FindMatch } from '../domain/find-council.ts';
import { NAME_MAX, SEARCH_MAX, cleanText, firstParam, inputNotice, type InputProblem } from '../domain/reader-input.ts';

let entries: Promise<FindEntry[]> | undefined;
const load = () => (entries ??= fetch('/find/councils.json').then((r) => r.json() as Promise<FindEntry[]>));

const councilHref = (match: FindMatch) => `/authorities/${match.entry.id}/`;

/** The form's element that `selector` names; a markup mismatch says which is missing. */
function part<E extends Element>(form: HTMLFormElement, selector: string): E {
  const found = form.querySelector<E>(selector);
  if (!found) throw new Error(`find-council: the form has no ${selector}`);
  return found;
}

function start(form: HTMLFormElement): void {
  if (form.dataset.findCouncilInit) return;
  const input = part<HTMLInputElement>(form, '[data-find-input]');
  const list = part<HTMLUListElement>(form, '[data-find-list]');
  // Seen, not only heard: the line under the field when nothing matches.
  const none = part<HTMLElement>(form, '[data-find-none]');
  form.dataset.findCouncilInit = 'true';

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Councils matching what you typed');
  // Says how many councils match, for a screen reader (the list itself is not announced).
  const status = document.createElement('span');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  form.append(status);

  let matches: FindMatch[] = [];
  let active = -1;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(index: number) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', `${list.id}-${index}`);
      list.children[index]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  async function suggest() {
    const typed = input.value;
    const found = findCouncils(await load(), cleanText(typed, NAME_MAX).text);
    // The reader typed on while the list loaded: the later call shows its own matches.
    if (typed !== input.value) return;
    matches = found;
    list.replaceChildren(
      ...matches.map((m, i) => {
        const li = document.createElement('li');
        li.id = `${list.id}-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        const name = document.createElement('span');
        name.className = 'find-name';
        name.textContent = m.entry.name;
        li.append(name);
        const hint = matchHint(m);
        if (hint) {
          const why = document.createElement('span');
          why.className = 'find-why';
          why.textContent = hint;
          li.append(why);
        }
        return li;
      }),
    );
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const open = matches.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    const nothing = !open && cleanText(typed, NAME_MAX).text !== '';
    none.hidden = !nothing;
    status.textContent = !typed.trim() ? '' : open ? `${matches.length} council${matches.length === 1 ? '' : 's'} found; use the arrow keys to choose` : 'No council has that name';
  }

  // Enter, the Find button, or a click: the highlighted council, else the best match; text
  // no council has is searched for on /search/ instead.
  async function go(index = active) {
    const typed = cleanText(input.value, NAME_MAX).text;
    if (!typed) {
      location.href = '/find/';
      return;
    }
    const found = index >= 0 && matches[index] ? matches[index] : findCouncils(await load(), typed, 1)[0];
    location.href = found ? councilHref(found) : `/search/?q=${encodeURIComponent(typed.slice(0, SEARCH_MAX))}`;
  }

  input.addEventListener('focus', () => void load().catch(() => {}), { once: true });
  input.addEventListener('input', () => void suggest());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (matches.length === 0) return;
      e.preventDefault();
      if (list.hidden) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + matches.length + (active < 0 && step < 0 ? 1 : 0)) % matches.length);
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.preventDefault();
        close();
      } else input.value = '';
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void go();
  });
  // mousedown would move the focus off the field (and close the list) before the click.
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const option = (e.target as Element).closest('[role="option"]');
    if (option) void go([...list.children].indexOf(option));
  });
  input.addEventListener('blur', close);

  // On /find/?q=… (the form submitted before the script ran), the typed text is kept
  // (the first q, without invisible characters, cut to the field's length); what was not
  // used as given is said under the field.
  const params = new URL(form.action).pathname === location.pathname ? new URLSearchParams(location.search) : undefined;
  const asked = params ? firstParam(params, 'q') : { value: undefined, repeated: false };
  const { text: typed, cut, unreadable } = cleanText(asked.value ?? '', NAME_MAX);
  const problems: InputProblem[] = [];
  if (asked.repeated) problems.push({ kind: 'repeated', label: 'name (q)' });
  if (cut) problems.push({ kind: 'cut', label: 'name', max: NAME_MAX });
  if (unreadable) problems.push({ kind: 'unreadable', label: 'name' });
  if (problems.length > 0) {
    const notice = document.createElement('p');
    notice.className = 'find-notice';
    notice.textContent = inputNotice(problems);
    form.append(notice);
  }
  if (typed && !input.value) {
    input.value = typed;
    void suggest().then(close);
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-find-council]')) start(form);
