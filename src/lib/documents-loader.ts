// The documents collection: Astro's glob loader, with the data store holding each entry's
// frontmatter, file path and digest only. Bodies are read and rendered from the files when
// a page needs them (src/lib/document-body.ts), so the store stays small at any size.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';

/** The part of a content entry type the glob loader calls: what a file's frontmatter and body are. */
interface EntryType {
  getEntryInfo(info: { fileUrl: URL; contents: string }): unknown;
}
/** Astro hands the glob loader its entry types by extension, beside the documented context. */
type GlobContext = LoaderContext & { entryTypes?: Map<string, EntryType> };

/**
 * The glob loader parses every file's frontmatter before it compares the file's digest
 * with the stored entry's, and then keeps the stored entry when they match: on a rebuild,
 * 800-odd YAML parses whose result is thrown away. This entry type answers for a file whose
 * digest matches its stored entry without parsing it; the glob loader then keeps that
 * entry as it would have. (The answer's empty data is only read for a `slug`, which no
 * entry has: ids come from file paths.)
 */
function skippingUnchanged(type: EntryType, context: LoaderContext): EntryType {
  const root = fileURLToPath(context.config.root);
  const storedDigest = new Map(context.store.values().map((entry) => [entry.filePath, entry.digest]));
  return {
    ...type,
    getEntryInfo: (info) => {
      const file = relative(root, fileURLToPath(info.fileUrl));
      const stored = storedDigest.get(file);
      if (stored !== undefined && stored === context.generateDigest(info.contents)) return { data: {}, body: '', slug: '', rawData: '' };
      return type.getEntryInfo(info);
    },
  };
}

export function documentsLoader(): Loader {
  // deferRender skips rendering at load; retainBody leaves the body out of the store.
  const loader = glob({ pattern: '**/*.md', base: './content/documents', retainBody: false, deferRender: true });
  return {
    name: 'documents-loader',
    load: (context: GlobContext) => {
      const markdown = context.entryTypes?.get('.md');
      const entryTypes = markdown ? new Map([...context.entryTypes!, ['.md', skippingUnchanged(markdown, context)]]) : context.entryTypes;
      const globContext: GlobContext = {
        ...context,
        entryTypes,
        // A deferred entry would also be registered as a module for render(entry), which
        // makes Vite bundle every Markdown file; pages render bodies themselves instead.
        store: new Proxy(context.store, {
          get: (store, key) => (key === 'set' ? (entry: Parameters<typeof store.set>[0]) => store.set({ ...entry, deferredRender: undefined }) : Reflect.get(store, key)),
        }),
      };
      return loader.load(globContext);
    },
  };
}
