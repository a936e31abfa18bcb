// The documents collection: Astro's glob loader, with the data store holding each entry's
// frontmatter, file path and digest only. Bodies are read and rendered from the files when
// a page needs them (src/lib/document-body.ts), so the store stays small at any size.
import { glob, type Loader } from 'astro/loaders';

export function documentsLoader(): Loader {
  // deferRender skips rendering at load; retainBody leaves the body out of the store.
  const loader = glob({ pattern: '**/*.md', base: './content/documents', retainBody: false, deferRender: true });
  return {
    name: 'documents-loader',
    load: (context) =>
      loader.load({
        ...context,
        // A deferred entry would also be registered as a module for render(entry), which
        // makes Vite bundle every Markdown file; pages render bodies themselves instead.
        store: new Proxy(context.store, {
          get: (store, key) => (key === 'set' ? (entry: Parameters<typeof store.set>[0]) => store.set({ ...entry, deferredRender: undefined }) : Reflect.get(store, key)),
        }),
      }),
  };
}
