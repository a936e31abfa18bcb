// The layers of docs/architecture.md, held by reading every relative import in the source:
// no import cycles, views and browser code never load the site's data at run time, and
// nothing below the pages imports a page or a component.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const FOLDERS = ['src', 'integrations', 'scripts', 'bench'];
// A static import or re-export at the start of a line (not the word "import" in a comment), or a dynamic import().
const IMPORT = /^\s*(import\s+type\s+|import\s+|export\s+(?:type\s+)?(?:\{[^}]*\}|\*)\s*)(?:[^'";]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]|(import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/gm;

interface Edge {
  to: string;
  typeOnly: boolean;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs|astro)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = FOLDERS.flatMap(sourceFiles);
const graph = new Map<string, Edge[]>(
  files.map((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const edges = [...text.matchAll(IMPORT)].map((m) => ({ to: normalize(join(dirname(file), (m[2] ?? m[4])!)), typeOnly: Boolean(m[1]?.startsWith('import type')) }));
    return [file, edges];
  }),
);

function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const { to } of graph.get(file) ?? []) {
      if (state.get(to) === 'open') found.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to) && graph.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

// A data module loads the site's content when it is imported: src/lib/site-data.ts (the only
// caller of getCollection) and what is worked out from it once per build (src/lib/*-data.ts),
// found by their names, and any module of src/lib/ that imports one of them at run time
// (download-files, cache-keys, …), found by following the imports.
const DATA_MODULE_NAME = /^src\/lib\/[^/]+-data\.ts$/;
function findDataModules(): Set<string> {
  const found = new Set(files.filter((file) => DATA_MODULE_NAME.test(file)));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [file, edges] of graph) {
      if (found.has(file) || !file.startsWith('src/lib/')) continue;
      if (edges.some((e) => !e.typeOnly && found.has(e.to))) {
        found.add(file);
        grew = true;
      }
    }
  }
  return found;
}
const dataModules = findDataModules();

const importsOf = (prefix: string) => [...graph].filter(([file]) => file.startsWith(prefix)).flatMap(([file, edges]) => edges.map((e) => ({ file, ...e })));

describe('the layers', () => {
  it('reads the imports of the whole source tree', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get('src/lib/views/authority.ts')?.some((e) => e.to === 'src/lib/site-data.ts' && e.typeOnly)).toBe(true);
  });

  it('has no import cycle', () => {
    expect(cycles().map((c) => c.join(' → '))).toEqual([]);
  });

  it('finds the data modules by name and by what they import', () => {
    expect([...dataModules].filter((file) => DATA_MODULE_NAME.test(file)).sort()).toEqual(
      expect.arrayContaining(['src/lib/next-inspection-data.ts', 'src/lib/site-data.ts', 'src/lib/themes-data.ts']),
    );
    expect(dataModules).toContain('src/lib/download-files.ts');
    expect([...dataModules].some((file) => file.startsWith('src/lib/views/'))).toBe(false);
  });

  it('views take the site data as an argument: they import a data module only as a type, so tests load them without Astro', () => {
    const loads = importsOf('src/lib/views/').filter((e) => !e.typeOnly && dataModules.has(e.to));
    expect(loads.map((e) => `${e.file} → ${e.to}`)).toEqual([]);
  });

  it('components and browser code import no data module: a component is handed its props, a script reads the page', () => {
    const loads = ['src/components/', 'src/browser/'].flatMap(importsOf).filter((e) => dataModules.has(e.to));
    expect(loads.map((e) => `${e.file} → ${e.to}`)).toEqual([]);
  });

  it('nothing below the pages imports a page or a component', () => {
    const upward = ['src/domain/', 'src/schemas/', 'src/lib/', 'src/browser/', 'src/importer/', 'integrations/']
      .flatMap(importsOf)
      .filter((e) => e.to.startsWith('src/pages/') || e.to.startsWith('src/components/'));
    expect(upward.map((e) => `${e.file} → ${e.to}`)).toEqual([]);
  });

  it('the pure domain imports nothing above it', () => {
    const above = importsOf('src/domain/').filter((e) => !e.to.startsWith('src/domain/') && !(e.to.startsWith('src/schemas/') && e.typeOnly));
    expect(above.map((e) => `${e.file} → ${relative(ROOT, join(ROOT, e.to))}`)).toEqual([]);
  });
});
