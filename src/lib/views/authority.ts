// What an authority page shows, ready to print: the answer first (its latest graded
// inspection, src/lib/views/authority-summary.ts), then the facts about the authority, its
// inspections over time, where sources disagree, what needs to improve, its documents and
// related authorities. Pure: the page passes the site's data in (src/lib/site-data.ts), and
// tests/unit/views/authority.test.ts passes a small hand-made site.
//
// It reads only what authorityPageKey (src/lib/cache-keys.ts) hashes: the authority, the
// authorities shown beside it, and the documents that touch them.
import type * as Site from '../site-data.ts';
import type { AuthorityData } from '../../schemas/authority.ts';
import { frameworkDate, type InspectionGroup } from '../../domain/derive.ts';
import type { PartialDate } from '../../domain/dates.ts';
import { DOCUMENT_KIND_LABELS, type DocumentKind, type Framework, type Grade, type InspectionType, type JudgementKey } from '../../domain/vocabulary.ts';
import { gradeDisagreementRows, dateDisagreementRows, type DisagreementRow } from '../disagreement-rows.ts';
import { authorityHref, dateText, documentHref, groupCellValues, inspectionLabel, inspectionWhen, noGradesText, ofstedProviderHref, regionHref, withSeparators, type CellValue } from '../format.ts';
import type { Preview } from '../og-image.ts';
import { gradeTimelineModel, type GradeTimelineModel } from '../grade-timeline.ts';
import { authoritySummary, type AuthoritySummary, type Direction } from './authority-summary.ts';
import { neighbourGradesView, type NeighbourGradesView } from './neighbours.ts';
import { inspectionFacts, type InspectionFacts } from './inspection-facts.ts';
import { nextInspectionView, type NextInspectionProps, type NextInspectionSite } from './next-inspection.ts';
import { authorityVisitsView, type AuthorityVisitsView, type VisitsSite } from './visits.ts';

/** The parts of the site's data an authority page reads. */
export type AuthoritySite = Pick<
  typeof Site,
  | 'authorityById'
  | 'latestByAuthority'
  | 'groupsByAuthority'
  | 'groupById'
  | 'documentsByAuthority'
  | 'documentsMentioning'
  | 'disagreementsByAuthority'
  | 'dateDisagreementsByAuthority'
  | 'authorityName'
> &
  VisitsSite & { authorityPreview: (id: string) => Preview; nextInspectionSite: NextInspectionSite };

/** An authority named on the page: linked when we have a page for it. */
export interface NamedAuthority {
  name: string;
  href?: string;
}

/** A judgement's change since the inspection before, as the latest panel's third column shows it. */
export interface ChangeCell {
  direction: Direction | 'none';
  /** ▲ ▼ =, hidden from screen readers (the words say it). */
  arrow?: string;
  /** "the same", "up from", "down from", or why there is no change to give. */
  text: string;
  /** The grade before, when it changed. */
  previous?: Grade;
}

export interface HistoryRow {
  label: string;
  when: string;
  /** Short or standard (and whether derived), and the days to publication. */
  facts: InspectionFacts;
  datesDisputed: boolean;
  /** Aligned grade cells, or the sentence that says why there are none. */
  cells: { framework: Framework; type: InspectionType; date: PartialDate | undefined; judgements: Partial<Record<JudgementKey, CellValue>> } | { none: string };
  sources: { href: string; text: string; note?: string }[];
}

export interface DocumentLink {
  href: string;
  title: string;
  /** "Ofsted inspection report, 23 July 2024" */
  note: string;
}

export interface AuthorityPageView {
  id: string;
  name: string;
  current: boolean;
  preview: Preview;
  /** With the separator to print before each: "replaced by A, B and C". */
  successors: (NamedAuthority & { before: string })[];
  predecessors: NamedAuthority[];
  neighbours: NamedAuthority[];
  /** The latest overall grades of the authority and its neighbours (NeighbourGradesTable). */
  neighbourGrades: NeighbourGradesView;
  summary?: AuthoritySummary & { changes: ChangeCell[]; sourceLinks: { href: string; text: string; hidden: string }[] };
  /** When its next full inspection is expected, or why there is no window (current authorities only). */
  nextInspection?: NextInspectionProps;
  /** Its focused visits: the first screen's priority-action notice, the timeline's marks, the list, its feed. */
  visits: AuthorityVisitsView;
  /** Said when there is no graded inspection. */
  noGrades: string;
  about: {
    region: NamedAuthority;
    type: string;
    gssCodes: { code: string; span?: string }[];
    dfeNumber: string;
    ofsted: { href?: string; text: string };
    population?: string;
  };
  history: HistoryRow[];
  /** The overall grades over time, with the focused visits (GradeTimeline); absent when no inspection gave an overall grade. */
  timeline?: GradeTimelineModel;
  disagreements: { grades: DisagreementRow[]; dates: DisagreementRow[] };
  improvements: { heading: string; lists: { href: string; title: string; items: string[] }[] }[];
  documents: { own: DocumentLink[]; mentions: DocumentLink[] };
  /** The pre-rendered comparison with its neighbours, for a current authority that has some. */
  compareHref?: string;
}

const ARROWS = { up: '▲', down: '▼', same: '=' } as const;

/** Why a record of an inspection is on a document that is not only about it. */
export const RECORD_ROLE_NOTES = { previous: 'an earlier inspection the document mentions', comparison: 'in a comparison table' } as const;

function changeCell(j: AuthoritySummary['judgements'][number], previousYear: string): ChangeCell {
  if (!j.change) return { direction: 'none', text: `not graded as such in ${previousYear}` };
  if (j.change.direction === 'same') return { direction: 'same', arrow: ARROWS.same, text: 'the same' };
  return { direction: j.change.direction, arrow: ARROWS[j.change.direction], text: `${j.change.direction} from`, previous: j.change.previous };
}

/** "Read the report"; then "also a council report", each with the document's kind and title for screen readers. */
function sourceLinks(summary: AuthoritySummary) {
  return summary.sources.map((s, i) => ({
    href: s.href,
    text: i === 0 ? 'Read the report' : `also ${s.kind.replace(/^Ofsted/, 'an Ofsted').replace(/^Council/, 'a council')}`,
    hidden: `${i === 0 ? `, ${s.kind}` : ''}: ${s.title}`,
  }));
}

function gssSpan(c: AuthorityData['gss_codes'][number]): string | undefined {
  if (!c.from && !c.to) return undefined;
  return [c.from && `from ${dateText(c.from)}`, c.to && `to ${dateText(c.to)}`].filter(Boolean).join(' ');
}

function historyRow(g: InspectionGroup, disputedHref: string): HistoryRow {
  const graded = Object.keys(g.judgements).length > 0;
  return {
    label: inspectionLabel(g.framework, g.type),
    when: inspectionWhen(g),
    facts: inspectionFacts(g),
    datesDisputed: g.dateDisagreements.length > 0,
    cells: graded
      ? { framework: g.framework, type: g.type, date: frameworkDate(g), judgements: groupCellValues(g, disputedHref) }
      : { none: noGradesText(g) },
    sources: g.records.map((r) => ({
      href: documentHref(r.documentId),
      text: `${DOCUMENT_KIND_LABELS[r.documentKind]}, ${dateText(r.documentDate)}`,
      ...(r.role !== 'subject' ? { note: RECORD_ROLE_NOTES[r.role] } : {}),
    })),
  };
}

function documentLink(d: { id: string; data: { title: string; kind: DocumentKind; date: PartialDate } }): DocumentLink {
  return { href: documentHref(d.id), title: d.data.title, note: `${DOCUMENT_KIND_LABELS[d.data.kind]}, ${dateText(d.data.date)}` };
}

export function authorityPageView(authority: AuthorityData, site: AuthoritySite): AuthorityPageView {
  const { id } = authority;
  const named = (aid: string): NamedAuthority => {
    const known = site.authorityById.get(aid);
    return known ? { name: known.name, href: authorityHref(aid) } : { name: aid };
  };
  const history = site.groupsByAuthority.get(id) ?? [];
  const own = site.documentsByAuthority.get(id) ?? [];
  const mentions = site.documentsMentioning(id);
  const disputedHref = `${authorityHref(id)}#disagreements`;
  const summary = authoritySummary(history, site.latestByAuthority.get(id));
  const lookups = { authorityName: site.authorityName, groupById: site.groupById };
  const visits = authorityVisitsView(id, site);
  const timeline = gradeTimelineModel(authority.name, history, visits.timeline);
  return {
    id,
    name: authority.name,
    current: authority.current,
    preview: site.authorityPreview(id),
    successors: withSeparators(authority.successors.map(named)),
    predecessors: authority.predecessors.map(named),
    neighbours: authority.statistical_neighbours.map(named),
    neighbourGrades: neighbourGradesView(authority, site),
    ...(summary
      ? { summary: { ...summary, changes: summary.judgements.map((j) => changeCell(j, summary.previous?.year ?? '')), sourceLinks: sourceLinks(summary) } }
      : {}),
    ...(authority.current ? { nextInspection: nextInspectionView(id, site.nextInspectionSite) } : {}),
    visits,
    noGrades: `No graded inspection in our documents yet.${own.length + mentions.length === 0 ? ' We hold no documents about this authority.' : ''}`,
    about: {
      region: authority.current ? { name: authority.region, href: regionHref(authority.region) } : { name: authority.region },
      type: authority.type,
      gssCodes: authority.gss_codes.map((c) => {
        const span = gssSpan(c);
        return span ? { code: c.code, span } : { code: c.code };
      }),
      dfeNumber: authority.dfe_number,
      ofsted: authority.ofsted_urn
        ? { href: ofstedProviderHref(authority.ofsted_urn), text: `${authority.name} on Ofsted’s reports site (URN ${authority.ofsted_urn})` }
        : { text: 'no Ofsted URN in our reference data' },
      ...(authority.population_0_to_25 !== null ? { population: authority.population_0_to_25.toLocaleString('en-GB') } : {}),
    },
    history: history.map((g) => historyRow(g, disputedHref)),
    ...(timeline ? { timeline } : {}),
    disagreements: {
      grades: gradeDisagreementRows(site.disagreementsByAuthority.get(id) ?? [], lookups),
      dates: dateDisagreementRows(site.dateDisagreementsByAuthority.get(id) ?? [], lookups),
    },
    improvements: history
      .filter((g) => g.records.some((r) => r.improvements.length > 0))
      .map((g) => ({
        heading: `${inspectionLabel(g.framework, g.type)}, ${inspectionWhen(g)}`,
        lists: g.records.filter((r) => r.improvements.length > 0).map((r) => ({ href: documentHref(r.documentId), title: r.documentTitle, items: r.improvements })),
      })),
    documents: { own: own.map(documentLink), mentions: mentions.map(documentLink) },
    ...(authority.current && authority.statistical_neighbours.length > 0 ? { compareHref: `/compare/${id}/` } : {}),
  };
}
