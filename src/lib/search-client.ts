// The search page's script: Pagefind's JS API (its bundle at /pagefind/pagefind.js,
// loaded at run time, not bundled, with the other shards of the index that
// /pagefind/shards.json lists merged into it: scripts/lib/search-index.ts), the form kept
// in the address (?q=...&region=...), result counts announced in a status region, results
// as plain links with excerpts.
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
      const excerpt = document.createElement('p');
      // Pagefind's excerpt is the page's own text, escaped, with <mark> around the matches.
      excerpt.innerHTML = item.excerpt;
      li.append(heading, excerpt);
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
    const response = await (await load()).search(query || null, { filters });
    if (mine !== run) return;
    results = response?.results ?? [];
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
