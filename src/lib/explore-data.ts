// Kept for the authority page's import of regionHref until it moves to
// src/lib/format.ts, where regionHref now lives (issue 24); then delete this file.
export { regionHref } from './format.ts';
