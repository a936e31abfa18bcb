// An authority's latest overall effectiveness grade beside its statistical neighbours'
// (the DfE's most similar authorities), as the authority page's neighbours table shows
// it (src/components/NeighbourGradesTable.astro). Pure: the site's data is an argument
// (tests/unit/views/neighbours.test.ts).
import type * as Site from '../site-data.ts';
import type { AuthorityData } from '../../schemas/authority.ts';
import type { Grade } from '../../domain/vocabulary.ts';
import { authorityHref, inspectionLabel, inspectionWhen, judgementHref } from '../format.ts';

export interface NeighbourRow {
  name: string;
  /** Absent for the authority itself and for a neighbour we have no page for. */
  href?: string;
  /** The authority the page is about. */
  self: boolean;
  grade?: { grade: Grade; href: string };
  /** Why there is no grade. */
  absent?: string;
  /** "ILACS standard inspection, 9 to 20 May 2022", or "—". */
  inspection: string;
}

export interface NeighbourGradesView {
  caption: string;
  rows: NeighbourRow[];
}

export function neighbourGradesView(authority: AuthorityData, site: Pick<typeof Site, 'authorityById' | 'latestByAuthority'>): NeighbourGradesView {
  return {
    caption: `Latest overall effectiveness grade of ${authority.name} and its statistical neighbours`,
    rows: [authority.id, ...authority.statistical_neighbours].map((id, i) => {
      const latest = site.latestByAuthority.get(id);
      const j = latest?.judgements.overall_effectiveness;
      const self = i === 0;
      return {
        name: site.authorityById.get(id)?.name ?? id,
        ...(!self && site.authorityById.has(id) ? { href: authorityHref(id) } : {}),
        self,
        ...(j ? { grade: { grade: j.grade, href: judgementHref(j) } } : { absent: latest ? 'not given by this inspection' : 'no graded inspection in our documents' }),
        inspection: latest ? `${inspectionLabel(latest.framework, latest.type)}, ${inspectionWhen(latest)}` : '—',
      };
    }),
  };
}
