// What the site holds, counted once: the home page and the data page print these, and the
// views' tests count their small sites with the same function.

export interface SiteCounts {
  authorities: number;
  formerAuthorities: number;
  documents: number;
  inspections: number;
  gradedInspections: number;
  judgements: number;
  /** Current authorities with a graded inspection. */
  authoritiesWithGrades: number;
  visits: number;
  visitsWithPriorityActions: number;
}

export function siteCounts(site: {
  currentAuthorities: readonly { id: string }[];
  formerAuthorities: readonly unknown[];
  documents: readonly unknown[];
  groups: readonly { graded: boolean }[];
  records: readonly { judgements: readonly unknown[] }[];
  latestByAuthority: ReadonlyMap<string, unknown>;
  visits: readonly { priorityActions: readonly unknown[] }[];
}): SiteCounts {
  return {
    authorities: site.currentAuthorities.length,
    formerAuthorities: site.formerAuthorities.length,
    documents: site.documents.length,
    inspections: site.groups.length,
    gradedInspections: site.groups.filter((g) => g.graded).length,
    judgements: site.records.reduce((n, r) => n + r.judgements.length, 0),
    authoritiesWithGrades: site.currentAuthorities.filter((a) => site.latestByAuthority.has(a.id)).length,
    visits: site.visits.length,
    visitsWithPriorityActions: site.visits.filter((v) => v.priorityActions.length > 0).length,
  };
}
