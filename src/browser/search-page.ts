// The search page's script: Pagefind's JS API (its bundle at /pagefind/pagefind.js,
// loaded at run time, not bundled, with the other shards of the index that
// /pagefind/shards.json lists merged into it: integrations/search-index.ts), the form kept
// in the address (?q=...&region=...), result counts announced in a status region, results
// as plain links, each saying what it is (an authority page, or a document's kind and
// date), with excerpts. A query that is a council's name (or alias or code) puts that
// council's authority page first (searchFirst), where Pagefind's ranking by word counts
// would put a long report that repeats the name.
import type { FindEntry } from '../domain/find-council.ts';
import { AUTHORITY_PAGE_KIND } from '../domain/search-filters.ts';
import { SEARCH_MAX, cleanText, councilNamed, firstParam, inputNotice, onlyStandIns, readFilters, type InputProblem } from '../domain/reader-input.ts';

export { councilNamed };
interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string | undefined>; filters: Record<string, string[]> }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string): Promise<void>;
  search(query: string | null, options: { filters: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
  debouncedSearch?: unknown;
}

const PAGE_SIZE = 20;

/** `results` with the one whose id is `firstId` moved to the front (unchanged when absent). */
export function searchFirst<R extends { id: string }>(results: readonly R[], firstId: string | undefined): R[] {
  const first = results.find((r) => r.id === firstId);
  return first ? [first, ...results.filter((r) => r !== first)] : [...results];
}

/** What a result is: "Authority page, London" or "Ofsted inspection report, 12 May 2023". */
export function resultKind(filters: Record<string, string[]>, meta: Record<string, string | undefined>): string {
  const kind = filters.kind?.[0];
  if (!kind) return '';
  if (kind === AUTHORITY_PAGE_KIND) return [kind, filters.region?.[0]].filter(Boolean).join(', ');
  return [kind, meta.date].filter(Boolean).join(', ');
}

export function startSearch(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-q') as HTMLInputElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];

  let pagefind: Promise<Pagefind> | undefined;
  const load = () => {
    const url = '/pagefind/pagefind.js';
    pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (p) => {
      await p.options({ excerptLength: 30 });
      const shards = fetch('/pagefind/shards.json').then((r) => r.json() as Promise<string[]>);
      // Merged shards share the primary's WebAssembly, so they are merged after init.
      await p.init();
      await Promise.all((await shards).map((shard) => p.mergeIndex(shard)));
      return p;
    });
    return pagefind;
  };

  // The councils' names, for the query that names one (the list the "Find a council" field uses).
  let councils: Promise<FindEntry[]> | undefined;
  const loadCouncils = () => (councils ??= fetch('/find/councils.json').then((r) => (r.ok ? (r.json() as Promise<FindEntry[]>) : []), () => []));

  let results: PagefindResult[] = [];
  let shown = 0;
  let run = 0;
  // What the address asked for that is not used as given; said with the first search only.
  let notice = '';
  // Pagefind cannot stop a search once started: a new one waits for the running one,
  // and a search that a newer one has superseded meanwhile never starts.
  let busy: Promise<unknown> = Promise.resolve();

  type Item = Awaited<ReturnType<PagefindResult['data']>>;
  const dataOf = (batch: PagefindResult[]) => Promise.all(batch.map((r) => r.data()));

  async function showMore(preloaded?: Item[]) {
    const mine = run;
    const batch = results.slice(shown, shown + PAGE_SIZE);
    const items = preloaded ?? (await dataOf(batch));
    // A newer search has started meanwhile: its results replace these.
    if (mine !== run) return;
    for (const item of items) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.meta.title ?? item.url;
      const heading = document.createElement('p');
      heading.className = 'search-result-title';
      heading.append(a);
      const kind = document.createElement('p');
      kind.className = 'search-result-kind';
      kind.textContent = resultKind(item.filters, item.meta);
      const excerpt = document.createElement('p');
      // Pagefind's excerpt is the page's own text, escaped, with <mark> around the matches.
      excerpt.innerHTML = item.excerpt;
      li.append(heading, kind, excerpt);
      list.append(li);
    }
    shown += batch.length;
    more.hidden = shown >= results.length;
  }

  async function search(updateAddress: boolean) {
    const { text: query } = cleanText(input.value, SEARCH_MAX);
    const filters: Record<string, string> = {};
    for (const s of selects) if (s.value) filters[s.dataset.filter!] = s.value;
    if (updateAddress) {
      notice = '';
      const params = new URLSearchParams();
      if (query) params.set('q', query);
      for (const [k, v] of Object.entries(filters)) params.set(k, v);
      const search = params.toString();
      history.replaceState(null, '', search ? `?${search}` : location.pathname);
    }
    const said = notice ? `${notice} ` : '';
    const mine = ++run;
    list.replaceChildren();
    more.hidden = true;
    if (!query && Object.keys(filters).length === 0) {
      results = [];
      status.textContent = said && `${said}Nothing to search for yet: type words, or choose a filter.`;
      return;
    }
    status.textContent = `${said}Searching…`;
    const [p, named] = await Promise.all([load(), query ? loadCouncils().then((c) => councilNamed(c, query)) : undefined]);
    const previous = busy;
    let finished!: () => void;
    busy = new Promise<void>((resolve) => (finished = resolve));
    let first: Item[] = [];
    try {
      await previous;
      if (mine !== run) return;
      // The named council's authority page, found by the same query within it alone (so the
      // chosen filters still apply); it then leads the list of every result.
      const [response, own] = await Promise.all([
        p.search(query || null, { filters }),
        named && !filters.kind && !filters.authority ? p.search(query, { filters: { ...filters, kind: AUTHORITY_PAGE_KIND, authority: named.name } }) : undefined,
      ]);
      if (mine !== run) return;
      results = searchFirst(response?.results ?? [], own?.results[0]?.id);
      shown = 0;
      first = await dataOf(results.slice(0, PAGE_SIZE));
      if (mine !== run) return;
      // "AAAAA" matched only by Pagefind's stand-in "a": no results, as the reader meant.
      const marks = first.flatMap((item) => [...item.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!));
      if (query && onlyStandIns(query, marks)) [results, first] = [[], []];
    } finally {
      finished();
    }
    const narrowed = Object.keys(filters).length > 0 ? ' with the chosen filters' : '';
    const what = query ? ` for “${query}”` : '';
    await showMore(first);
    if (mine !== run) return;
    // Announced once the first results are on the page.
    status.textContent = `${said}${results.length === 0 ? `No results${what}${narrowed}.` : `${results.length} result${results.length === 1 ? '' : 's'}${what}${narrowed}.`}`;
  }

  // The address's query and filters, as far as they can be used; the rest is said.
  const params = new URLSearchParams(location.search);
  const problems: InputProblem[] = [];
  const asked = firstParam(params, 'q');
  if (asked.repeated) problems.push({ kind: 'repeated', label: 'search (q)' });
  const typed = cleanText(asked.value ?? '', SEARCH_MAX);
  if (typed.cut) problems.push({ kind: 'cut', label: 'search', max: SEARCH_MAX });
  if (typed.unreadable) problems.push({ kind: 'unreadable', label: 'search' });
  input.value = typed.text;
  const offered = new Map(
    selects.map((s) => [s.dataset.filter!, { label: (s.labels?.[0]?.textContent ?? s.dataset.filter!).trim().toLowerCase(), values: [...s.options].map((o) => o.value).filter(Boolean) }]),
  );
  const chosen = readFilters(params, offered);
  for (const s of selects) s.value = chosen.values.get(s.dataset.filter!) ?? '';
  notice = inputNotice([...problems, ...chosen.problems]);
  // A filter chosen in the address is shown, not folded away.
  const narrow = document.getElementById('search-narrow') as HTMLDetailsElement | null;
  if (narrow && selects.some((s) => s.value)) narrow.open = true;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void search(true);
  });
  for (const s of selects) s.addEventListener('change', () => void search(true));
  more.addEventListener('click', () => {
    const first = list.children.length;
    void showMore().then(() => (list.children[first]?.querySelector('a') as HTMLElement | null)?.focus());
  });
  void search(false);
}
