// What /data-quality/ shows: the flags the sources carry (what does not add up), the
// judgements and dates the sources give differently, and the content checks' warnings,
// each placed in its report in words. Pure: the site's data and the checks' problems are
// arguments (tests/unit/views/data-quality.test.ts).
import type * as Site from '../site-data.ts';
import type { DocumentEntry } from '../site-data.ts';
import type { ContentProblem } from '../../domain/checks.ts';
import { countOf, fieldInWords } from '../../domain/plain-fields.ts';
import { dateText, documentHref } from '../format.ts';
import { dateDisagreementRows, gradeDisagreementRows, type DisagreementRow } from '../disagreement-rows.ts';
import { visitQualityView, type VisitQualityView, type VisitsSite } from './visits.ts';

export type DataQualitySite = Pick<typeof Site, 'authorityById' | 'authorityName' | 'groupById' | 'documents' | 'documentFile' | 'disagreements' | 'dateDisagreements'> & VisitsSite;

export interface DataQualityView {
  /** The page's contents: a link to each part with what it holds. */
  contents: { href: string; text: string }[];
  flags: { href: string; title: string; /** "Leeds, 12 August 2025" */ from: string; where: string; message: string }[];
  /** The rows of the two "sources disagree" tables (SourcesDisagree). */
  disagreements: DisagreementRow[];
  dateDisagreements: DisagreementRow[];
  /** What to know about the focused-visit letters (VisitQuality). */
  visitQuality: VisitQualityView;
  /** Set when the checks found serious problems, which should have stopped publication. */
  errors?: string;
  warnings: { document?: { href: string; title: string }; /** The file's name, when no document is known by it. */ file: string; where: string; message: string }[];
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function dataQualityView(site: DataQualitySite, problems: readonly ContentProblem[]): DataQualityView {
  const name = (id: string) => site.authorityById.get(id)?.name ?? id;
  // A flag's or a warning's place in its document, in words: "the “Experiences and progress
  // of care leavers” judgement in its record of the inspection of Leeds".
  const where = (d: DocumentEntry | undefined, field: string) =>
    capital(
      fieldInWords(field, (i) => {
        const inspection = d?.data.inspections[i];
        if (!inspection) return undefined;
        return inspection.authority === d!.data.authority && d!.data.inspections.filter((x) => x.authority === inspection.authority).length === 1
          ? `its record of the inspection of ${name(inspection.authority)}`
          : `its record of an inspection of ${name(inspection.authority)}${inspection.end ?? inspection.start ? ` (${dateText(inspection.end ?? inspection.start)})` : ''}`;
      }),
    );
  const flagged = site.documents.filter((d) => d.data.flags.length > 0);
  const flagCount = flagged.reduce((n, d) => n + d.data.flags.length, 0);
  const warnings = problems.filter((p) => p.severity === 'warning');
  const errors = problems.filter((p) => p.severity === 'error');
  const byFile = new Map(site.documents.map((d) => [site.documentFile(d), d]));
  return {
    contents: [
      { href: '#flags', text: `${capital(countOf(flagCount, 'thing'))} that ${flagCount === 1 ? 'does' : 'do'} not add up, flagged in ${countOf(flagged.length, 'document')}` },
      {
        href: '#disagreements',
        text: `${capital(countOf(site.disagreements.length, 'judgement'))} the reports grade differently, and ${countOf(site.dateDisagreements.length, 'inspection')} they date differently`,
      },
      { href: '#letters', text: `What to know about the ${countOf(site.visits.length, 'focused-visit letter')}` },
      { href: '#checks', text: `${capital(countOf(warnings.length, 'warning'))} from our checks` },
    ],
    flags: flagged.flatMap((d) =>
      d.data.flags.map((f) => ({
        href: `${documentHref(d.id)}#flags`,
        title: d.data.title,
        from: `${name(d.data.authority)}, ${dateText(d.data.date)}`,
        where: where(d, f.field),
        message: f.message,
      })),
    ),
    disagreements: gradeDisagreementRows(site.disagreements, site),
    dateDisagreements: dateDisagreementRows(site.dateDisagreements, site),
    visitQuality: visitQualityView(site),
    ...(errors.length > 0 ? { errors: `The checks found ${countOf(errors.length, 'serious problem')}; the site should not have been published.` } : {}),
    warnings: warnings.map((p) => {
      const d = byFile.get(p.file);
      return {
        ...(d ? { document: { href: documentHref(d.id), title: d.data.title } } : {}),
        file: p.file.split('/').at(-1) ?? p.file,
        where: where(d, p.field),
        message: p.message,
      };
    }),
  };
}
