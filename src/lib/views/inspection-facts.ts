// Two facts about one inspection, in words for the tables: short or standard (and whether
// the source states it or it is derived from the days on site), and the days from the last
// day on site to publication. Pure (src/domain/inspection-kind.ts does the work).
import { daysOnSite, daysToPublish, ilacsKind } from '../../domain/inspection-kind.ts';
import type { InspectionGroup } from '../../domain/derive.ts';

export interface InspectionFacts {
  /** "Short", "Standard", or "Short or standard not known". */
  kind?: string;
  /** "derived from its 5 days on site; the report does not say which" (the full reason is in inspections.csv) */
  kindReason?: string;
  derived: boolean;
  /** "published 42 days after the last day on site" */
  publish?: string;
}

export function inspectionFacts(g: Pick<InspectionGroup, 'framework' | 'type' | 'graded' | 'start' | 'end' | 'published'>): InspectionFacts {
  const k = g.graded ? ilacsKind(g) : undefined;
  const derived = Boolean(k?.kind && k.basis === 'derived_from_days');
  const lag = daysToPublish(g);
  return {
    ...(k ? { kind: k.kind ? (k.kind === 'short' ? 'Short' : 'Standard') : 'Short or standard not known', kindReason: derived ? `derived from its ${daysOnSite(g)} days on site; the report does not say which` : k.reason } : {}),
    derived,
    ...(lag !== undefined ? { publish: `published ${lag} day${lag === 1 ? '' : 's'} after the last day on site` } : {}),
  };
}
