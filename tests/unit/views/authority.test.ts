// The authority page's view: what a reader sees, from a small hand-made site (no build).
import { describe, expect, it } from 'vitest';
import { allDateDisagreements, allDisagreements, flattenDocuments, groupInspections, latestGradedInspections, type DocumentLike } from '../../../src/domain/derive.ts';
import { documentSchema } from '../../../src/schemas/document.ts';
import { outstandingPriorityActions, visitsFrom } from '../../../src/domain/visits.ts';
import { authoritySchema, type AuthorityData } from '../../../src/schemas/authority.ts';
import { authorityPageView, type AuthoritySite } from '../../../src/lib/views/authority.ts';
import type { NextInspectionSite } from '../../../src/lib/views/next-inspection.ts';
import { dateDisagreementRows, gradeDisagreementRows } from '../../../src/lib/disagreement-rows.ts';

const SOURCE = { licence: 'Open Government Licence v3.0', attribution: '© Crown copyright' };
const j = (grade: string) => ({ grade, evidence: `the grade was ${grade}` });

function authority(id: string, name: string, extra: Partial<AuthorityData> = {}): AuthorityData {
  return authoritySchema().parse({
    id, name, aliases: [], delivered_by: [], gss_codes: [{ code: 'E06000001', from: '2009-04-01' }], dfe_number: '800', ofsted_urn: '80000',
    region: 'North East', type: 'Unitary authority', current: true, predecessors: [], successors: [], statistical_neighbours: [], population_0_to_25: 12345,
    ...extra,
  });
}

function doc(id: string, kind: string, authorityId: string, date: string, inspections: Record<string, unknown>[]): DocumentLike {
  return { id, data: documentSchema().parse({ source: SOURCE, issuer: kind === 'council_report' ? 'Exampleshire Council' : 'Ofsted', title: `Document ${id}`, kind, date, authority: authorityId, inspections }) };
}

const ilacs = { authority: 'exampleshire', role: 'subject', framework: 'ilacs', type: 'standard', start: '2022-05-09', end: '2022-05-20' };
const report2022 = doc('ofsted/exampleshire/2022-07-01', 'ofsted_inspection_report', 'exampleshire', '2022-07-01', [
  { ...ilacs, judgements: { overall_effectiveness: j('good'), help_and_protection: j('good') }, improvements: ['Timeliness of assessments.'] },
]);
// The council restates the inspection with another grade and another last day: sources disagree.
const council2022 = doc('seeds/exampleshire-cabinet', 'council_report', 'exampleshire', '2022-09-01', [
  { ...ilacs, end: '2022-05-27', judgements: { overall_effectiveness: j('requires_improvement') } },
]);
const sif2018 = doc('ofsted/exampleshire/2018-03-01', 'ofsted_inspection_report', 'exampleshire', '2018-03-01', [
  { authority: 'exampleshire', role: 'subject', framework: 'sif', type: 'standard', start: '2018-01-08', end: '2018-01-19', judgements: { overall_effectiveness: j('inadequate') } },
]);

function siteOf(authorities: AuthorityData[], documents: DocumentLike[]): AuthoritySite {
  const groups = groupInspections(flattenDocuments(documents));
  const byAuthority = <T extends { authority: string }>(items: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(item.authority, [...(map.get(item.authority) ?? []), item]);
    return map;
  };
  const authorityById = new Map(authorities.map((a) => [a.id, a]));
  const latestByAuthority = latestGradedInspections(groups);
  const visits = visitsFrom(flattenDocuments(documents), groups);
  return {
    visits,
    visitsByAuthority: byAuthority(visits),
    visitsByDocument: new Map(visits.map((v) => [v.documentId, [v]])),
    outstanding: outstandingPriorityActions(visits, latestByAuthority),
    authorityById,
    authorityName: (id) => authorityById.get(id)?.name ?? id,
    latestByAuthority,
    groupsByAuthority: byAuthority(groups),
    groupById: new Map(groups.map((g) => [g.id, g])),
    documentsByAuthority: new Map([['exampleshire', documents.filter((d) => d.data.authority === 'exampleshire')]]) as never,
    documentsMentioning: () => [],
    disagreementsByAuthority: byAuthority(allDisagreements(groups)),
    dateDisagreementsByAuthority: byAuthority(allDateDisagreements(groups)),
    nextInspectionSite: { authorities, groups, built: '2026-12-01', newest: '2022-09-01' } satisfies NextInspectionSite,
    authorityPreview: (id) => ({ heading: id, subheading: '', grades: [], note: '', description: `About ${id}`, alt: id }),
  };
}

const exampleshire = authority('exampleshire', 'Exampleshire', { statistical_neighbours: ['nearby', 'gone'], predecessors: ['oldshire'] });
const site = siteOf([exampleshire, authority('nearby', 'Nearby'), authority('oldshire', 'Oldshire', { current: false })], [report2022, council2022, sif2018]);

describe('the authority page view', () => {
  const view = authorityPageView(exampleshire, site);

  it('answers first: the latest grade, its change, and the report to read', () => {
    expect(view.summary?.headline.grade).toBe('good');
    expect(view.summary?.changes[0]).toEqual({ direction: 'up', arrow: '▲', text: 'up from', previous: 'inadequate' });
    expect(view.summary?.sourceLinks[0]).toEqual({ href: '/documents/ofsted/exampleshire/2022-07-01/', text: 'Read the report', hidden: ', Ofsted inspection report: Document ofsted/exampleshire/2022-07-01' });
    expect(view.summary?.sourceLinks[1]?.text).toBe('also a council report');
  });

  it('lists every inspection newest first, with its sources and why a graded one shows no grades', () => {
    expect(view.history.map((r) => `${r.label}, ${r.when}`)).toEqual(['ILACS standard inspection, 9 to 20 May 2022', 'SIF standard inspection, 8 to 19 January 2018']);
    expect(view.history[0]!.datesDisputed).toBe(true);
    expect(view.history[0]!.sources.map((s) => s.text)).toEqual(['Ofsted inspection report, 1 July 2022', 'Council report, 1 September 2022']);
  });

  it('shows where the sources disagree, grade and date, each source linked to its words', () => {
    expect(view.disagreements.grades).toHaveLength(1);
    expect(view.disagreements.grades[0]!.subject).toBe('Overall effectiveness');
    expect(view.disagreements.grades[0]!.sources.map((s) => s.grade?.grade)).toEqual(['good', 'requires_improvement']);
    expect(view.disagreements.dates[0]!.subject).toBe('Last day of the inspection');
    expect(view.disagreements.dates[0]!.sources.map((s) => s.date)).toEqual(['20 May 2022', '27 May 2022']);
  });

  it('links the authorities it knows, and names the ones it does not', () => {
    expect(view.neighbours).toEqual([{ name: 'Nearby', href: '/authorities/nearby/' }, { name: 'gone' }]);
    expect(view.predecessors).toEqual([{ name: 'Oldshire', href: '/authorities/oldshire/' }]);
    expect(view.compareHref).toBe('/compare/exampleshire/');
  });

  it('gives the facts about the authority ready to print', () => {
    expect(view.about).toEqual({
      region: { name: 'North East', href: '/regions/north-east/' },
      type: 'Unitary authority',
      gssCodes: [{ code: 'E06000001', span: 'from 1 April 2009' }],
      dfeNumber: '800',
      ofsted: { href: 'https://reports.ofsted.gov.uk/provider/44/80000', text: 'Exampleshire on Ofsted’s reports site (URN 80000)' },
      population: '12,345',
    });
  });

  it('draws its overall grades over time, oldest first, and says them in the chart’s label', () => {
    expect(view.timeline?.points.map((p) => p.letter)).toEqual(['I', 'G']);
    expect(view.timeline?.label).toBe(
      'Overall effectiveness of Exampleshire over time: Inadequate (SIF standard inspection, 8 to 19 January 2018); Good (ILACS standard inspection, 9 to 20 May 2022).',
    );
  });

  it('groups what needs to improve under its inspection', () => {
    expect(view.improvements).toEqual([
      { heading: 'ILACS standard inspection, 9 to 20 May 2022', lists: [{ href: '/documents/ofsted/exampleshire/2022-07-01/', title: 'Document ofsted/exampleshire/2022-07-01', items: ['Timeliness of assessments.'] }] },
    ]);
  });

  it('says a former authority was replaced, naming each successor with its separator', () => {
    const former = authority('oldshire', 'Oldshire', { current: false, successors: ['exampleshire', 'nearby', 'elsewhere'] });
    const formerView = authorityPageView(former, site);
    expect(formerView.successors.map((s) => `${s.before}${s.name}`).join('')).toBe('Exampleshire, Nearby and elsewhere');
    expect(formerView.summary).toBeUndefined();
    expect(formerView.timeline).toBeUndefined();
    expect(formerView.noGrades).toBe('No graded inspection in our documents yet. We hold no documents about this authority.');
    expect(formerView.about.region.href).toBeUndefined();
    expect(formerView.compareHref).toBeUndefined();
  });
});

describe('the rows of a sources-disagree table', () => {
  it('name the authority, the inspection and what each source says', () => {
    const groups = groupInspections(flattenDocuments([report2022, council2022]));
    const lookups = { authorityName: () => 'Exampleshire', groupById: new Map(groups.map((g) => [g.id, g])) };
    const [grade] = gradeDisagreementRows(allDisagreements(groups), lookups);
    expect(grade).toMatchObject({ authority: { name: 'Exampleshire', href: '/authorities/exampleshire/' }, inspection: 'ILACS, 9 to 20 May 2022', subject: 'Overall effectiveness' });
    expect(grade!.sources[0]).toEqual({
      documentHref: '/documents/ofsted/exampleshire/2022-07-01/',
      documentTitle: 'Document ofsted/exampleshire/2022-07-01',
      grade: { grade: 'good', href: '/documents/ofsted/exampleshire/2022-07-01/#evidence-1-overall-effectiveness' },
    });
    const [date] = dateDisagreementRows(allDateDisagreements(groups), lookups);
    expect(date).toMatchObject({ inspection: 'ILACS', subject: 'Last day of the inspection' });
  });
});
