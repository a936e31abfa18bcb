// chart.js with only what the site's charts use: bars on category and linear scales,
// with a legend and tooltips. Loaded on demand by charts.ts.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { GRADE_FILLS } from '../domain/palette.ts';
import type { ChartSpec } from '../lib/chart-spec.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

// The map's palette (src/domain/palette.ts): the grades differ in luminance as well as hue.
const COLOURS: Record<string, string> = {
  outstanding: GRADE_FILLS.outstanding.fill,
  good: GRADE_FILLS.good.fill,
  'requires-improvement': GRADE_FILLS.requires_improvement.fill,
  adequate: GRADE_FILLS.requires_improvement.fill,
  inadequate: GRADE_FILLS.inadequate.fill,
  none: '#9aa0a6',
};
const GRADE_NAMES = ['', 'Outstanding', 'Good', 'Requires improvement', 'Inadequate'];

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): void {
  const grades = spec.kind === 'grade-bar';
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: grades ? s.values.map((v) => (v === null ? null : 5 - v)) : s.values,
        backgroundColor: grades ? s.values.map((v) => COLOURS[['', 'outstanding', 'good', 'requires-improvement', 'inadequate'][v ?? 0] ?? 'none']!) : COLOURS[s.grade] ?? COLOURS.none!,
        borderColor: '#1b1b1b',
        borderWidth: 1,
      })),
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: !grades },
        tooltip: grades ? { callbacks: { label: (c) => GRADE_NAMES[5 - (c.raw as number)] ?? '' } } : {},
      },
      scales: grades
        ? {
            x: { ticks: { autoSkip: false, maxRotation: 90, minRotation: 45 } },
            y: { min: 0, max: 4, ticks: { stepSize: 1, callback: (v) => GRADE_NAMES[5 - Number(v)] ?? '' }, title: { display: true, text: spec.yTitle } },
          }
        : {
            x: { stacked: true },
            y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: spec.yTitle } },
          },
    },
  });
}

/** Fit every chart to its box again (printing changes the boxes' widths). */
export function resizeAll(): void {
  for (const chart of Object.values(Chart.instances)) chart.resize();
}
