// What a chart draws (src/components/GradeChart.astro renders it, src/browser/chart-setup.ts
// draws it in the browser): here, below both, so neither layer imports from the other.
export interface ChartSpec {
  kind: 'stacked-bar' | 'grade-bar';
  labels: string[];
  series: { label: string; grade: string; values: (number | null)[] }[];
  /** For grade-bar: the y axis reads grade names (1 = Outstanding … 4 = Inadequate). */
  yTitle: string;
}
