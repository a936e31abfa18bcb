// What /authorities/ shows for each authority, one compact row: its name and region, its
// latest graded inspection (what and when) and that inspection's headline grade. The
// headline is the overall effectiveness grade; an inspection that gives none (the ILACS
// framework from April 2026) shows the grades it does give, and says so, rather than an
// older overall grade. Every other grade is on the authority's page.
import type { AuthorityData } from '../schemas/authority.ts';
import type { Grade } from '../domain/vocabulary.ts';
import { JUDGEMENT_KEYS } from '../domain/vocabulary.ts';
import { documentsByAuthority, documentsMentioning, latestByAuthority, authorityName } from './site-data.ts';
import { authorityHref, inspectionLabel, inspectionWhen, judgementHref, SHORT_JUDGEMENT_LABELS } from './format.ts';

export interface ListGrade {
  /** The judgement's short name; absent for overall effectiveness, the column's own. */
  label?: string;
  grade: Grade;
  href: string;
  /** Where the sources disagree on it (a link to the authority page's list). */
  disputedHref?: string;
}

export interface AuthorityListRow {
  id: string;
  name: string;
  href: string;
  region: string;
  /** A former authority: what replaced it. */
  replacedBy?: string;
  latest?: { what: string; grades: ListGrade[]; noOverall: boolean };
  /** Without a graded inspection: why. */
  empty?: string;
}

export function authorityListRow(a: AuthorityData): AuthorityListRow {
  const latest = latestByAuthority.get(a.id);
  const row: AuthorityListRow = { id: a.id, name: a.name, href: authorityHref(a.id), region: a.region };
  if (!a.current && a.successors.length > 0) row.replacedBy = a.successors.map(authorityName).join(' and ');
  if (!latest) {
    const hasDocuments = (documentsByAuthority.get(a.id)?.length ?? 0) > 0 || documentsMentioning(a.id).length > 0;
    return { ...row, empty: hasDocuments ? 'no graded inspection in our documents yet' : 'no documents yet' };
  }
  const grade = (k: (typeof JUDGEMENT_KEYS)[number], label?: string): ListGrade => {
    const j = latest.judgements[k]!;
    return {
      ...(label ? { label } : {}),
      grade: j.grade,
      href: judgementHref(j),
      ...(j.disputed ? { disputedHref: `${authorityHref(a.id)}#disagreements` } : {}),
    };
  };
  const overall = latest.judgements.overall_effectiveness;
  const grades = overall ? [grade('overall_effectiveness')] : JUDGEMENT_KEYS.filter((k) => latest.judgements[k]).map((k) => grade(k, SHORT_JUDGEMENT_LABELS[k]));
  return { ...row, latest: { what: `${inspectionLabel(latest.framework, latest.type)}, ${inspectionWhen(latest)}`, grades, noOverall: !overall } };
}
