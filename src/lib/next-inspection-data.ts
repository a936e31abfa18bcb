// The site's data as the next-inspection views take it (src/lib/views/next-inspection.ts).
import { authorities, currency, groups } from './site-data.ts';
import type { NextInspectionSite } from './views/next-inspection.ts';

export const nextInspectionSite: NextInspectionSite = {
  authorities,
  groups,
  // No documents, no inspections: the date is then never compared with anything.
  built: currency.built ?? '1970-01-01',
  newest: currency.newest?.date,
};
