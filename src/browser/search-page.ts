// The search page's script: Pagefind's JS API (its bundle at /pagefind/pagefind.js,
// loaded at run time, not bundled, with the other shards of the index that
// /pagefind/shards.json lists merged into it: integrations/search-index.ts), the form kept
// in the address (?q=...&region=...), result counts announced in a status region, results
// as plain links, each saying what it is (an authority page, or a document's kind and
// date), with excerpts. A query that is a council's name (or alias or code) puts that
// council's authority page first (searchFirst), where Pagefind's ranking by word counts
// would put a long report that repeats the name.
import { findCouncils, fold, type FindEntry } from '../domain/find-council.ts';
import { AUTHORITY_PAGE_KIND } from '../domain/search-filters.ts';
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

/** The council the query names exactly (its name, an alias or a code), if any. */
export function councilNamed(entries: readonly FindEntry[], query: string): FindEntry | undefined {
  const best = findCouncils(entries, query, 1)[0];
  return best && fold(best.matched) === fold(query) ? best.entry : undefined;
}

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

  async function showMore() {
    const mine = run;
    const batch = results.slice(shown, shown + PAGE_SIZE);
    const items = await Promise.all(batch.map((r) => r.data()));
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
    const query = input.value.trim();
    const filters: Record<string, string> = {};
    for (const s of selects) if (s.value) filters[s.dataset.filter!] = s.value;
    if (updateAddress) {
      const params = new URLSearchParams();
      if (query) params.set('q', query);
      for (const [k, v] of Object.entries(filters)) params.set(k, v);
      const search = params.toString();
      history.replaceState(null, '', search ? `?${search}` : location.pathname);
    }
    const mine = ++run;
    list.replaceChildren();
    more.hidden = true;
    if (!query && Object.keys(filters).length === 0) {
      results = [];
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    const [p, named] = await Promise.all([load(), query ? loadCouncils().then((c) => councilNamed(c, query)) : undefined]);
    // The named council's authority page, found by the same query within it alone (so the
    // chosen filters still apply); it then leads the list of every result.
    const [response, own] = await Promise.all([
      p.search(query || null, { filters }),
      named && !filters.kind && !filters.authority ? p.search(query, { filters: { ...filters, kind: AUTHORITY_PAGE_KIND, authority: named.name } }) : undefined,
    ]);
    if (mine !== run) return;
    results = searchFirst(response?.results ?? [], own?.results[0]?.id);
    shown = 0;
    const narrowed = Object.keys(filters).length > 0 ? ' with the chosen filters' : '';
    const what = query ? ` for “${query}”` : '';
    await showMore();
    if (mine !== run) return;
    // Announced once the first results are on the page.
    status.textContent = results.length === 0 ? `No results${what}${narrowed}.` : `${results.length} result${results.length === 1 ? '' : 's'}${what}${narrowed}.`;
  }

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const s of selects) {
    const wanted = params.get(s.dataset.filter!);
    if (wanted && [...s.options].some((o) => o.value === wanted)) s.value = wanted;
  }
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
