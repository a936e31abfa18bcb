// Modules that astro.config.mjs provides to the pages.

/** The content check's problems (astro.config.mjs, integration "content-checks"). */
declare module 'virtual:content-problems' {
  const problems: import('./domain/checks.ts').ContentProblem[];
  export default problems;
}
