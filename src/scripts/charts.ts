// Charts: each .chart-box[data-chart] is shown once JavaScript runs, and chart.js (one
// shared chunk, only the parts used registered in chart-setup.ts) is fetched when a
// chart is about to come into view.
const boxes = [...document.querySelectorAll<HTMLElement>('.chart-box[data-chart]')];
for (const box of boxes) box.hidden = false;

async function draw(box: HTMLElement): Promise<void> {
  const { drawChart } = await import('./chart-setup.ts');
  drawChart(box.querySelector('canvas')!, JSON.parse(box.dataset.chart!));
}

if (boxes.length > 0) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void draw(entry.target as HTMLElement);
      }
    },
    { rootMargin: '200px' },
  );
  for (const box of boxes) observer.observe(box);
}
