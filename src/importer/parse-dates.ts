// The date readers live in the domain module, shared with the content check.
export * from '../domain/report-dates.ts';
