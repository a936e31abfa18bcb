// What the map pages show (/map/ is overall effectiveness, /map/<judgement>/ the others):
// the choice of judgement, the hexagon map of England drawn at build time (one hex per
// current authority, coloured by its latest grade and lettered, so the grade reads
// without colour), its key, and the same grades as lists. Pure: the site's data and the
// layout are arguments (tests/unit/views/map.test.ts).
import type * as Site from '../site-data.ts';
import hexmap from '../../data/england-hexmap.json';
import { COLUMNS, type ColumnId } from '../../domain/alignment.ts';
import { hexLabel, hexTitle, MAP_COLUMNS, mapCellFor, mapLegend, type MapCell } from '../../domain/hexmap.ts';
import { fillFor } from '../../domain/palette.ts';
import { GRADE_LABELS, GRADES } from '../../domain/vocabulary.ts';
import { authorityHref } from '../format.ts';

export type MapSite = Pick<typeof Site, 'currentAuthorities' | 'latestByAuthority'>;
/** Where each authority's hex sits: odd-r offset coordinates, r growing northwards (src/data/england-hexmap.json). */
export type HexLayout = Record<string, { q: number; r: number }>;

/** /map/ for overall effectiveness, /map/help-and-protection/ for the others. */
export const mapColumnSlug = (column: ColumnId): string | undefined => (column === 'overall' ? undefined : column.replaceAll('_', '-'));
export const mapHref = (column: ColumnId) => {
  const slug = mapColumnSlug(column);
  return slug ? `/map/${slug}/` : '/map/';
};

/** A hexagon's outline: what the SVG draws, coloured and lettered. */
export interface HexShape {
  points: string;
  fill: string;
  ink: string;
  /** "no-grade" for a hex without a grade (outlined), else none. */
  className: string | undefined;
  letter: string;
}

export interface HexMapView {
  caption: string;
  legend: (HexShape & { text: string })[];
  viewBox: string;
  hexes: (HexShape & { href: string; label: string; title: string; x: string; y: string })[];
}

export interface MapView {
  label: string;
  choices: { href: string; label: string; current: boolean }[];
  map: HexMapView;
  /** The same grades as lists: one per grade shown, best first, then the authorities without one. */
  lists: { heading: string; authorities: { name: string; href: string; note?: string }[] }[];
}

const SIZE = 19;
const WIDTH = Math.sqrt(3) * SIZE;

function corners(cx: number, cy: number, s = SIZE): string {
  return Array.from({ length: 6 }, (_, i) => {
    const angle = (Math.PI / 180) * (60 * i - 90);
    return `${(cx + s * Math.cos(angle)).toFixed(1)},${(cy + s * Math.sin(angle)).toFixed(1)}`;
  }).join(' ');
}

function shape(points: string, cell: Pick<MapCell, 'grade' | 'letter'>): HexShape {
  const colour = fillFor(cell.grade);
  return { points, fill: colour.fill, ink: colour.ink, className: cell.grade ? undefined : 'no-grade', letter: cell.letter };
}

export function mapView(column: ColumnId, site: MapSite, layout: HexLayout = hexmap.hexes as HexLayout): MapView {
  const label = COLUMNS.find((c) => c.id === column)!.label;
  const entries = site.currentAuthorities.map((a) => ({ a, cell: mapCellFor(site.latestByAuthority.get(a.id), column) }));
  const maxR = Math.max(...Object.values(layout).map((h) => h.r));
  const maxQ = Math.max(...Object.values(layout).map((h) => h.q));
  const hexes = entries.map(({ a, cell }) => {
    const h = layout[a.id];
    if (!h) throw new Error(`the map's layout has no hex for ${a.id}: run npm run hexmap`);
    const cx = WIDTH / 2 + h.q * WIDTH + (h.r % 2 === 1 ? WIDTH / 2 : 0);
    const cy = SIZE + (maxR - h.r) * 1.5 * SIZE;
    return { ...shape(corners(cx, cy), cell), href: authorityHref(a.id), label: hexLabel(a.name, cell), title: hexTitle(a.name, cell), x: cx.toFixed(1), y: (cy + 4.5).toFixed(1) };
  });
  const item = (a: { id: string; name: string }) => ({ name: a.name, href: authorityHref(a.id) });
  const ungraded = entries.filter((e) => !e.cell.grade);
  return {
    label,
    choices: MAP_COLUMNS.map((c) => ({ href: mapHref(c), label: COLUMNS.find((x) => x.id === c)!.label, current: c === column })),
    map: {
      caption: `${label}: the latest grade of each of the ${entries.length} current authorities in England, one hexagon each.`,
      legend: mapLegend(entries.map((e) => e.cell)).map((l) => ({ ...shape(corners(12, 13, 12), l), text: `${l.text} (${l.count})` })),
      viewBox: `0 0 ${((maxQ + 1.5) * WIDTH).toFixed(0)} ${((maxR + 1) * 1.5 * SIZE + SIZE).toFixed(0)}`,
      hexes,
    },
    lists: [
      ...GRADES.map((g) => entries.filter((e) => e.cell.grade === g))
        .filter((list) => list.length > 0)
        .map((list) => ({ heading: `${GRADE_LABELS[list[0]!.cell.grade!]} (${list.length})`, authorities: list.map((e) => item(e.a)) })),
      ...(ungraded.length > 0
        ? [{ heading: `Not given or no graded inspection (${ungraded.length})`, authorities: ungraded.map((e) => ({ ...item(e.a), note: e.cell.text })) }]
        : []),
    ],
  };
}
