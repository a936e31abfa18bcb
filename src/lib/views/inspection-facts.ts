// Two facts about one inspection, in words for the tables: short or standard (and whether
// the source states it or it is derived from the days on site), and the days from the last
// day on site to publication. Pure (src/domain/inspection-kind.ts does the work).
import { daysToPublish, ilacsKind } from '../../domain/inspection-kind.ts';
import type { InspectionGroup } from '../../domain/derive.ts';
import { spanText } from '../format.ts';

export interface InspectionFacts {
  /** "Short", "Standard", or "Short or standard not known". */
  kind?: string;
  /** "derived: 5 days on site, 8 to 12 May 2023, one week, as a short inspection is (the source does not say which kind)" */
  kindReason?: string;
  derived: boolean;
  /** "published 42 days after the last day on site" */
  publish?: string;
}

export function inspectionFacts(g: Pick<InspectionGroup, 'framework' | 'type' | 'graded' | 'start' | 'end' | 'published'>): InspectionFacts {
  const k = g.graded ? ilacsKind(g, spanText(g.start, g.end)) : undefined;
  const lag = daysToPublish(g);
  return {
    ...(k ? { kind: k.kind ? (k.kind === 'short' ? 'Short' : 'Standard') : 'Short or standard not known', kindReason: k.reason } : {}),
    derived: Boolean(k?.kind && k.basis === 'derived_from_days'),
    ...(lag !== undefined ? { publish: `published ${lag} day${lag === 1 ? '' : 's'} after the last day on site` } : {}),
  };
}
