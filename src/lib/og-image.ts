// The Open Graph image of a link preview: 1200×630 PNG drawn with satori (→ SVG) and
// resvg (→ PNG), in Atkinson Hyperlegible from its npm package (no network). Grades as
// words, with the site's grade colours repeating them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { GRADE_LABELS, type Grade } from '../domain/vocabulary.ts';
import { SITE_NAME } from './format.ts';

export interface Preview {
  /** Big line of the image: the authority. */
  heading: string;
  /** Smaller line: what the page is. */
  subheading: string;
  /** Grade lines: label and grade. */
  grades: { label: string; grade: Grade }[];
  /** Line under the grades (source, or why there are none). */
  note: string;
  /** The page's meta description. */
  description: string;
  /** Alt text of the image. */
  alt: string;
}

// Grade colours as on the site (public/site.css): words and colour, never colour alone.
const GRADE_COLOURS: Record<Grade, { background: string; color: string; border: string }> = {
  outstanding: { background: '#d9efe6', color: '#07402a', border: '#3f8f6b' },
  good: { background: '#e6f1d6', color: '#263f06', border: '#6b9a2f' },
  requires_improvement: { background: '#fdf0c8', color: '#4a3500', border: '#b38600' },
  adequate: { background: '#fdf0c8', color: '#4a3500', border: '#b38600' },
  inadequate: { background: '#fbe0dc', color: '#6e1209', border: '#c0392b' },
};

const require = createRequire(import.meta.url);
const fontFile = (weight: number) => readFileSync(require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-${weight}-normal.woff`));
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node | string | (Node | string)[] } };
const el = (type: string, style: Record<string, unknown>, children?: Node['props']['children']): Node => ({ type, props: { style, ...(children === undefined ? {} : { children }) } });
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** The 1200×630 PNG of a preview. */
export async function previewImage(p: Preview): Promise<Buffer> {
  return new Resvg(await previewSvg(p), { fitTo: { mode: 'width', value: OG_WIDTH } }).render().asPng();
}

/** The preview drawn as SVG (text as paths). */
export async function previewSvg(p: Preview): Promise<string> {
  fonts ??= [400, 700].map((weight) => ({ name: 'Atkinson Hyperlegible', data: fontFile(weight), weight: weight as 400 | 700, style: 'normal' as const }));
  const shown = p.grades.slice(0, 6);
  const tree = el('div', { width: OG_WIDTH, height: OG_HEIGHT, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', background: '#ffffff', color: '#0b0c0c', fontFamily: 'Atkinson Hyperlegible', padding: '40px 64px 36px', borderTop: '16px solid #1d4f91' }, [
    el('div', { fontSize: 26, color: '#1d4f91', fontWeight: 700 }, SITE_NAME),
    el('div', { fontSize: p.heading.length > 24 ? 52 : 68, fontWeight: 700, marginTop: 12, lineHeight: 1.05 }, clip(p.heading, 60)),
    el('div', { fontSize: 27, marginTop: 10, color: '#383f43' }, clip(p.subheading, 90)),
    el(
      'div',
      { display: 'flex', flexDirection: 'column', marginTop: 18 },
      shown.map((g) =>
        el('div', { display: 'flex', alignItems: 'center', fontSize: shown.length > 4 ? 23 : 27, marginBottom: shown.length > 4 ? 5 : 9 }, [
          el('div', { width: 430 }, clip(g.label, 30)),
          el('div', { ...grade(g.grade), padding: '1px 14px', borderRadius: 6, fontWeight: 700 }, GRADE_LABELS[g.grade]),
        ]),
      ),
    ),
    ...(p.grades.length > shown.length ? [el('div', { fontSize: 22, marginTop: 4 }, `and ${p.grades.length - shown.length} more on the page`)] : []),
    el('div', { display: 'flex', flexGrow: 1, alignItems: 'flex-end', fontSize: 21, color: '#505a5f' }, clip(p.note, 95)),
  ]);
  return satori(tree as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts });
}

function grade(g: Grade) {
  const c = GRADE_COLOURS[g];
  return { background: c.background, color: c.color, border: `3px solid ${c.border}` };
}
