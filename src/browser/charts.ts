// Charts: each .chart-box[data-chart] is shown once JavaScript runs, and chart.js (one
// shared chunk, only the parts used registered in chart-setup.ts) is fetched when a
// chart is about to come into view. Printing draws every chart first: the module is
// fetched when the browser is idle, so that a beforeprint handler (or the print media
// query turning on, as Chromium's PDF does) can draw the charts not yet drawn at once.
type Setup = typeof import('./chart-setup.ts');

const boxes = [...document.querySelectorAll<HTMLElement>('.chart-box[data-chart]')];
for (const box of boxes) box.hidden = false;

const drawn = new WeakSet<HTMLElement>();
let chartSetup: Setup | undefined;
const load = (): Promise<Setup> => import('./chart-setup.ts').then((m) => (chartSetup = m));

function drawWith(m: Setup, box: HTMLElement): void {
  if (drawn.has(box)) return;
  drawn.add(box);
  m.drawChart(box.querySelector('canvas')!, JSON.parse(box.dataset.chart!));
  box.dataset.drawn = '';
}

async function draw(box: HTMLElement): Promise<void> {
  drawWith(chartSetup ?? (await load()), box);
}

/** Every chart on the page, now if chart.js is loaded, else as soon as it is. */
function drawAll(): void {
  const all = (m: Setup) => {
    for (const box of boxes) drawWith(m, box);
    m.resizeAll();
  };
  if (chartSetup) all(chartSetup);
  else void load().then(all);
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
  addEventListener('beforeprint', drawAll);
  addEventListener('afterprint', () => chartSetup?.resizeAll());
  matchMedia('print').addEventListener('change', (event) => {
    if (event.matches) drawAll();
    else chartSetup?.resizeAll();
  });
  // Fetch chart.js once the page is idle, so printing can draw at once.
  const idle = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 5000 }) : setTimeout(fn, 2000));
  addEventListener('load', () => idle(() => void load()), { once: true });
}
