// What the improvement-theme pages show: /themes/ (each theme, how often inspections raised
// it, for how many authorities, over which years) and /themes/<theme>/ (its counts by year
// and its sentences by authority, each linked to its place in its document). Pure: the
// site's data and the tagged improvements (src/lib/themes-data.ts) are arguments
// (tests/unit/views/themes.test.ts).
import type * as Site from '../site-data.ts';
import type * as ThemesData from '../themes-data.ts';
import type { TaggedImprovement } from '../../domain/improvements.ts';
import { inspectionYear } from '../../domain/explore.ts';
import { examplesText, themeSlug, THEMES, type Theme } from '../../domain/themes.ts';
import { authorityHref, inspectionLabel, inspectionWhen } from '../format.ts';

export type ThemesSite = Pick<typeof Site, 'authorityName'> & Pick<typeof ThemesData, 'taggedImprovements' | 'improvementsByTheme'>;

const themeHref = (theme: Theme) => `/themes/${themeSlug(theme.id)}/`;
const fromVisits = (list: readonly TaggedImprovement[]) => list.filter((x) => x.group.type === 'focused_visit').length;
const authorityCount = (list: readonly TaggedImprovement[]) => new Set(list.map((x) => x.group.authority)).size;

export interface ThemesView {
  /** Every improvement in the documents, those from focused visits' letters, and those no theme's rules match. */
  total: number;
  fromVisits: number;
  untagged: number;
  /** One row per theme, in vocabulary order. */
  rows: { label: string; href: string; description: string; count: number; fromVisits: number; authorities: number; /** "2019 to 2024", "2022", or "—" */ years: string }[];
}

/** /themes/. */
export function themesView(site: ThemesSite): ThemesView {
  return {
    total: site.taggedImprovements.length,
    fromVisits: fromVisits(site.taggedImprovements),
    untagged: site.taggedImprovements.filter((x) => x.themes.length === 0).length,
    rows: THEMES.map((theme) => {
      const list = site.improvementsByTheme.get(theme.id) ?? [];
      const years = list.map((x) => inspectionYear(x.group)).filter((y): y is string => Boolean(y)).sort();
      const [from, to] = [years[0], years.at(-1)];
      return {
        label: theme.label,
        href: themeHref(theme),
        description: theme.description,
        count: list.length,
        fromVisits: fromVisits(list),
        authorities: authorityCount(list),
        years: from ? (from === to ? from : `${from} to ${to}`) : '—',
      };
    }),
  };
}

/** The theme pages' addresses. */
export function themePaths(): { slug: string; theme: Theme }[] {
  return THEMES.map((theme) => ({ slug: themeSlug(theme.id), theme }));
}

export interface ThemeView {
  label: string;
  /** The label inside a sentence: "management oversight". */
  inSentence: string;
  description: string;
  /** How many times inspectors raised it, and for how many authorities. */
  count: number;
  authorities: number;
  /** “a”, “b” or “c”: the words that tag a sentence with it. */
  examples: string;
  /** Newest year first; "date not given" before them all. */
  years: { year: string; count: number; fromVisits: number; authorities: number }[];
  /** Authorities A to Z, each with its sentences in the site's order. */
  byAuthority: { id: string; anchor: string; name: string; href: string; sentences: { text: string; href: string; /** "ILACS standard inspection, 9 to 20 May 2022; theme set by an editor" */ note: string }[] }[];
}

/** /themes/<theme>/. */
export function themeView(theme: Theme, site: ThemesSite): ThemeView {
  const list = site.improvementsByTheme.get(theme.id) ?? [];
  const yearOf = (x: TaggedImprovement) => inspectionYear(x.group) ?? 'date not given';
  const years = [...new Set(list.map(yearOf))].sort().reverse();
  const authorityIds = [...new Set(list.map((x) => x.group.authority))].sort((a, b) => site.authorityName(a).localeCompare(site.authorityName(b), 'en-GB'));
  return {
    label: theme.label,
    inSentence: theme.label.toLowerCase(),
    description: theme.description,
    count: list.length,
    authorities: authorityIds.length,
    examples: examplesText(theme),
    years: years.map((year) => {
      const inYear = list.filter((x) => yearOf(x) === year);
      return { year, count: inYear.length, fromVisits: fromVisits(inYear), authorities: authorityCount(inYear) };
    }),
    byAuthority: authorityIds.map((id) => ({
      id,
      anchor: `authority-${id}`,
      name: site.authorityName(id),
      href: authorityHref(id),
      sentences: list
        .filter((x) => x.group.authority === id)
        .map((x) => ({ text: x.text, href: x.href, note: `${inspectionLabel(x.group.framework, x.group.type)}, ${inspectionWhen(x.group)}${x.overridden ? '; theme set by an editor' : ''}` })),
    })),
  };
}
