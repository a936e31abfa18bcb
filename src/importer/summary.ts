// What the CLI prints about one document, and the totals of a batch.
import { FRAMEWORK_SHORT_LABELS, GRADE_LABELS, INSPECTION_TYPE_LABELS, DOCUMENT_KIND_LABELS, type Framework } from '../domain/vocabulary.ts';
import type { ImportedDocument } from './report.ts';

export function describeDocument(file: string, result: ImportedDocument): string {
  const { data } = result;
  const out: string[] = [file];
  const field = (name: string, value: string) => out.push(`  ${name.padEnd(12)}${value}`);
  field('authority', result.notes.find((n) => n.startsWith('authority:'))?.slice('authority: '.length) ?? data.authority);
  field('kind', DOCUMENT_KIND_LABELS[data.kind]);
  field('date', `${data.date}${data.source.listed_date ? ' (listed on Ofsted’s site)' : ''}`);
  data.inspections.forEach((inspection, i) => {
    out.push(
      `  ${i === 0 ? 'inspection' : `${inspection.role} inspection`}: ${FRAMEWORK_SHORT_LABELS[inspection.framework]}, ${INSPECTION_TYPE_LABELS[inspection.type].toLowerCase()}`,
    );
    const dates = [
      inspection.start ? `from ${inspection.start}` : '',
      inspection.end ? `to ${inspection.end}` : '',
      inspection.published ? `published ${inspection.published}` : '',
    ].filter(Boolean);
    if (dates.length) out.push(`    ${dates.join(' ')}`);
    const entries = Object.entries(inspection.judgements);
    if (entries.length === 0) out.push('    no graded judgements');
    for (const [key, judgement] of entries) {
      out.push(`    ${key.padEnd(36)}${GRADE_LABELS[judgement!.grade].padEnd(34)}“${judgement!.evidence}”`);
    }
    if (inspection.improvements.length > 0) {
      out.push(`    what needs to improve (${inspection.improvements.length}):`);
      for (const item of inspection.improvements) out.push(`      - ${item}`);
    }
  });
  for (const note of result.notes.filter((n) => !n.startsWith('authority:'))) out.push(`  note: ${note}`);
  if (result.findings.length > 0) {
    out.push('  could not determine / left out:');
    for (const finding of result.findings) out.push(`    - ${finding}`);
  }
  return out.join('\n');
}

export interface BatchTotals {
  documents: number;
  byFramework: Map<string, number>;
  judgements: number;
  previousInspections: number;
  previousJudgements: number;
  crossChecked: { confirmed: number; disagreed: number };
  needsReview: { file: string; reasons: string[] }[];
  failures: { file: string; reason: string }[];
  written: number;
  replaced: number;
  unchanged: number;
  skippedExisting: string[];
}

export function emptyTotals(): BatchTotals {
  return { documents: 0, byFramework: new Map(), judgements: 0, previousInspections: 0, previousJudgements: 0, crossChecked: { confirmed: 0, disagreed: 0 }, needsReview: [], failures: [], written: 0, replaced: 0, unchanged: 0, skippedExisting: [] };
}

export function countResult(totals: BatchTotals, file: string, result: ImportedDocument): void {
  totals.documents++;
  const subject = result.data.inspections[0];
  const label = subject
    ? `${FRAMEWORK_SHORT_LABELS[subject.framework as Framework]} ${subject.type === 'not_stated' ? '' : `(${subject.type.replaceAll('_', ' ')})`}`.trim()
    : 'no inspection';
  totals.byFramework.set(label, (totals.byFramework.get(label) ?? 0) + 1);
  totals.judgements += result.data.inspections.reduce((n, i) => n + Object.keys(i.judgements).length, 0);
  const previous = result.data.inspections.filter((i) => i.role === 'previous');
  totals.previousInspections += previous.length;
  totals.previousJudgements += previous.reduce((n, i) => n + Object.keys(i.judgements).length, 0);
  totals.crossChecked.confirmed += result.crossCheck?.confirmed ?? 0;
  totals.crossChecked.disagreed += result.crossCheck?.disagreed ?? 0;
  if (result.needsReview) totals.needsReview.push({ file, reasons: result.findings });
}

export function describeTotals(totals: BatchTotals, dryRun: boolean): string {
  const out: string[] = [];
  out.push(`${totals.documents} documents imported${dryRun ? ' (dry run: nothing written)' : ''}, ${totals.failures.length} failed`);
  for (const [framework, count] of [...totals.byFramework.entries()].sort()) out.push(`  ${framework.padEnd(28)}${count}`);
  out.push(
    `judgements found: ${totals.judgements} (${totals.previousJudgements} of them of ${totals.previousInspections} earlier inspections the documents mention)`,
  );
  out.push(
    `page-one grades repeated by the reports' section headings: ${totals.crossChecked.confirmed} agree, ${totals.crossChecked.disagreed} disagree (flagged)`,
  );
  if (!dryRun) {
    out.push(`entries written: ${totals.written}, replaced: ${totals.replaced}, unchanged: ${totals.unchanged}, left as they were (exist; --force replaces): ${totals.skippedExisting.length}`);
  }
  out.push(`documents needing review: ${totals.needsReview.length}`);
  for (const { file, reasons } of totals.needsReview) {
    const shown = reasons.filter((r) => !r.startsWith('table row not recorded'));
    out.push(`  ${file}: ${shown.length > 0 ? shown.join('; ') : 'a draft, for a person to complete and check'}`);
  }
  if (totals.failures.length > 0) {
    out.push(`failures: ${totals.failures.length}`);
    for (const { file, reason } of totals.failures) out.push(`  ${file}: ${reason}`);
  }
  return out.join('\n');
}
