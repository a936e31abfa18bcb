// What the home page shows: what the site holds (counts written as a reader reads them,
// "1,234"), how many grades and dates the sources disagree on, and the newest documents.
// Pure: the site's data is an argument (tests/unit/views/home.test.ts).
import type * as Site from '../site-data.ts';
import { countOf } from '../../domain/plain-fields.ts';
import { documentHref } from '../format.ts';

export type HomeSite = Pick<typeof Site, 'counts' | 'documents' | 'disagreements' | 'dateDisagreements'>;

/** How many documents the home page lists under "Most recent documents". */
export const RECENT_DOCUMENTS = 5;

export interface HomeView {
  /** Each count as printed ("1,234"); `formerAuthorities` absent when there are none. */
  counts: {
    authorities: string;
    formerAuthorities?: string;
    documents: string;
    inspections: string;
    gradedInspections: string;
    judgements: string;
    authoritiesWithGrades: string;
    visits: string;
    visitsWithPriorityActions: string;
  };
  /** No source documents yet: the page says what that means. */
  noDocuments: boolean;
  /** "3 grades and no dates": what the sources disagree on. */
  disagreements: string;
  /** The newest documents, newest first. */
  recent: { title: string; href: string }[];
}

const fmt = (n: number) => n.toLocaleString('en-GB');

export function homeView(site: HomeSite): HomeView {
  const c = site.counts;
  return {
    counts: {
      authorities: fmt(c.authorities),
      ...(c.formerAuthorities > 0 ? { formerAuthorities: fmt(c.formerAuthorities) } : {}),
      documents: fmt(c.documents),
      inspections: fmt(c.inspections),
      gradedInspections: fmt(c.gradedInspections),
      judgements: fmt(c.judgements),
      authoritiesWithGrades: fmt(c.authoritiesWithGrades),
      visits: fmt(c.visits),
      visitsWithPriorityActions: fmt(c.visitsWithPriorityActions),
    },
    noDocuments: c.documents === 0,
    disagreements: `${countOf(site.disagreements.length, 'grade')} and ${countOf(site.dateDisagreements.length, 'date')}`,
    recent: site.documents.slice(0, RECENT_DOCUMENTS).map((d) => ({ title: d.data.title, href: documentHref(d.id) })),
  };
}
