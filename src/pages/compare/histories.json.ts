// Every current authority's inspections, for the compare page's picker: what the
// pre-rendered comparisons show, as data (the same labels, grades and evidence links).
import type { APIRoute } from 'astro';
import { currentAuthorities, groupsByAuthority } from '../../lib/site-data.ts';
import { inspectionYear } from '../../domain/explore.ts';
import { authorityHref, inspectionLabel, inspectionWhen, judgementHref } from '../../lib/format.ts';
import { sortKey } from '../../domain/dates.ts';
import { inspectionDate } from '../../domain/derive.ts';
import { GRADE_LABELS, gradeSlug } from '../../domain/vocabulary.ts';
import type { HistoryJson } from '../../domain/compare.ts';

export const GET: APIRoute = () => {
  const data: HistoryJson = {};
  for (const a of currentAuthorities) {
    const groups = [...(groupsByAuthority.get(a.id) ?? [])].sort((x, y) => (sortKey(inspectionDate(x)) < sortKey(inspectionDate(y)) ? -1 : 1));
    data[a.id] = {
      name: a.name,
      href: authorityHref(a.id),
      inspections: groups
        .filter((g) => inspectionYear(g))
        .map((g) => {
          const j = g.judgements.overall_effectiveness;
          return {
            year: inspectionYear(g)!,
            label: `${inspectionLabel(g.framework, g.type)}, ${inspectionWhen(g)}`,
            graded: g.graded,
            ...(j
              ? { grade: gradeSlug(j.grade), gradeLabel: GRADE_LABELS[j.grade], evidence: judgementHref(j) }
              : {}),
          };
        }),
    };
  }
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};
