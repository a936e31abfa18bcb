// What /authorities/ shows: every authority, A to Z, one compact row each (its name and
// region, its latest graded inspection, what and when, and that inspection's headline grade),
// current authorities first, with the letter jump landing on the first of each letter. The
// headline is the overall effectiveness grade; an inspection that gives none (the ILACS
// framework from April 2026) shows the grades it does give, and says so, rather than an
// older overall grade. Every other grade is on the authority's page. Pure: the site's data
// is an argument (tests/unit/views/authorities.test.ts).
import type * as Site from '../site-data.ts';
import type { AuthorityData } from '../../schemas/authority.ts';
import { JUDGEMENT_KEYS, type Grade } from '../../domain/vocabulary.ts';
import { letterId, letterStarts } from '../../domain/find-council.ts';
import { authorityHref, inspectionLabel, inspectionWhen, judgementHref, SHORT_JUDGEMENT_LABELS } from '../format.ts';

export type AuthoritiesSite = Pick<typeof Site, 'currentAuthorities' | 'formerAuthorities' | 'latestByAuthority' | 'authorityName' | 'documentsByAuthority' | 'documentsMentioning'>;

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
  /** The letter jump's target: set on the first current authority of each letter. */
  anchor?: string;
  /** A former authority: what replaced it. */
  replacedBy?: string;
  latest?: { what: string; grades: ListGrade[]; noOverall: boolean };
  /** Without a graded inspection: why. */
  empty?: string;
}

export interface AuthoritiesView {
  /** The letters the jump links to. */
  letters: string[];
  /** Current authorities, then former ones; a table with no rows is not shown. */
  tables: { id: 'current' | 'former'; caption: string; rows: AuthorityListRow[] }[];
  /** How many current authorities, and former ones, are listed. */
  current: number;
  former: number;
}

export function authoritiesView(site: AuthoritiesSite): AuthoritiesView {
  const rows = site.currentAuthorities.map((a) => authorityListRow(a, site));
  const formerRows = site.formerAuthorities.map((a) => authorityListRow(a, site));
  const starts = letterStarts(rows.map((r) => r.name));
  starts.forEach((letter, i) => {
    if (letter) rows[i]!.anchor = letterId(letter);
  });
  return {
    letters: starts.filter((l): l is string => Boolean(l)),
    tables: [
      { id: 'current' as const, caption: `Current authorities (${rows.length}), A to Z, with their latest graded inspection`, rows },
      { id: 'former' as const, caption: `Former authorities (${formerRows.length}), replaced by the authorities named`, rows: formerRows },
    ].filter((t) => t.rows.length > 0),
    current: rows.length,
    former: formerRows.length,
  };
}

export function authorityListRow(a: AuthorityData, site: AuthoritiesSite): AuthorityListRow {
  const latest = site.latestByAuthority.get(a.id);
  const row: AuthorityListRow = { id: a.id, name: a.name, href: authorityHref(a.id), region: a.region };
  if (!a.current && a.successors.length > 0) row.replacedBy = a.successors.map(site.authorityName).join(' and ');
  if (!latest) {
    const hasDocuments = (site.documentsByAuthority.get(a.id)?.length ?? 0) > 0 || site.documentsMentioning(a.id).length > 0;
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
