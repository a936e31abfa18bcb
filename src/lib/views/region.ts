// What the region pages show: /regions/ (each region's latest overall grades) and
// /regions/<region>/ (its authorities ranked by their latest overall effectiveness grade,
// as at the latest inspection the ranking uses, with the chart's numbers). Pure: the site's
// data is an argument, so tests/unit/views/region.test.ts builds a small site by hand.
import type * as Site from '../site-data.ts';
import type { ChartSpec } from '../chart-spec.ts';
import { gradeCounts, ordinal, rankAuthorities, regionsOf, slugify, type RegionRanking } from '../../domain/explore.ts';
import { GRADE_LABELS, GRADE_ORDER, type Grade } from '../../domain/vocabulary.ts';
import { authorityHref, dateText, inspectionLabel, inspectionWhen, judgementHref, listText, regionHref } from '../format.ts';

export type RegionSite = Pick<typeof Site, 'currentAuthorities' | 'latestByAuthority'>;

/** How a region's current authorities rank (src/domain/explore.ts). */
export function regionRanking(region: string, site: RegionSite): RegionRanking {
  return rankAuthorities(region, site.currentAuthorities.filter((a) => a.region === region), site.latestByAuthority);
}

/** The region pages' addresses: one per region of the current authorities, A to Z. */
export function regionPaths(site: Pick<RegionSite, 'currentAuthorities'>): { slug: string; region: string }[] {
  return regionsOf(site.currentAuthorities).map((region) => ({ slug: slugify(region), region }));
}

export interface RegionsRow {
  region: string;
  href: string;
  authorities: number;
  /** "Outstanding: 3; Good: 5", or "none". */
  grades: string;
  asAt: string;
}

/** /regions/: one row per region of the current authorities, A to Z. */
export function regionsView(site: RegionSite): RegionsRow[] {
  return regionsOf(site.currentAuthorities).map((region) => {
    const ranking = regionRanking(region, site);
    return {
      region,
      href: regionHref(region),
      authorities: ranking.ranked.length,
      grades: gradeCounts(ranking).map((c) => `${GRADE_LABELS[c.grade]}: ${c.count}`).join('; ') || 'none',
      asAt: dateText(ranking.asAt, '—'),
    };
  });
}

export interface RegionRow {
  name: string;
  href: string;
  /** "1st", "=2nd"; absent when unranked. */
  rank?: string;
  grade?: { grade: Grade; href: string };
  /** Why there is no grade to rank by. */
  unranked?: string;
  /** "ILACS standard inspection, 9 to 20 May 2022", or "—". */
  inspection: string;
}

export interface RegionView {
  region: string;
  authorities: number;
  /** "1 May 2026": the date the ranking holds at. */
  asAt: string;
  /** The panel naming the top-graded authorities and the counts of each grade; absent when none is ranked. */
  summary?: string;
  /** The chart of the ranked authorities' grades; absent when none has a grade. */
  chart?: { spec: ChartSpec; label: string };
  rows: RegionRow[];
  /** The region's view of the comparison table. */
  comparisonHref: string;
}

/** /regions/<region>/. */
export function regionView(region: string, site: RegionSite): RegionView {
  const ranking = regionRanking(region, site);
  const asAt = dateText(ranking.asAt, 'no date');
  const graded = ranking.ranked.filter((r) => r.grade);
  return {
    region,
    authorities: ranking.ranked.length,
    asAt,
    ...(ranking.top.length > 0 ? { summary: rankingSummary(ranking, asAt) } : {}),
    ...(graded.length > 0
      ? {
          chart: {
            spec: {
              kind: 'grade-bar',
              labels: graded.map((r) => r.authority.name),
              series: [{ label: 'Overall effectiveness', grade: 'none', values: graded.map((r) => GRADE_ORDER[r.grade!]) }],
              yTitle: 'Latest overall effectiveness',
            },
            label: `Latest overall effectiveness grade of each authority in ${region}`,
          },
        }
      : {}),
    rows: ranking.ranked.map((r) => {
      const j = r.latest?.judgements.overall_effectiveness;
      return {
        name: r.authority.name,
        href: authorityHref(r.authority.id),
        ...(r.rank !== undefined ? { rank: `${r.joint ? '=' : ''}${ordinal(r.rank)}` } : {}),
        ...(j ? { grade: { grade: j.grade, href: judgementHref(j) } } : { unranked: r.unranked }),
        inspection: r.latest ? `${inspectionLabel(r.latest.framework, r.latest.type)}, ${inspectionWhen(r.latest)}` : '—',
      };
    }),
    comparisonHref: `/judgements/region/${slugify(region)}/`,
  };
}

/** "As at 1 May 2026, the top-graded authority in London is Camden: overall effectiveness “Outstanding” at its latest graded inspection. 1 of 3 ranked authorities: Outstanding; 2 of 3 …." */
function rankingSummary(ranking: RegionRanking, asAt: string): string {
  const one = ranking.top.length === 1;
  const names = listText(ranking.top.map((r) => r.authority.name));
  const who = one ? `the top-graded authority in ${ranking.region} is ${names}` : `the top-graded authorities in ${ranking.region} are ${names}, joint first`;
  const rankedCount = ranking.ranked.filter((r) => r.rank !== undefined).length;
  const counts = gradeCounts(ranking).map((c) => `${c.count} of ${rankedCount} ranked authorities: ${GRADE_LABELS[c.grade]}`);
  return `As at ${asAt}, ${who}: overall effectiveness “${GRADE_LABELS[ranking.top[0]!.grade!]}” at ${one ? 'its' : 'their'} latest graded inspection. ${counts.join('; ')}.`;
}
