// The hex map's readout: the line above each figure[data-hexmap] names the hex under the
// pointer or the keyboard focus (its <title>), so a reader sees the authority without
// waiting for a tooltip. The links' own names are what assistive technology reads; the
// line is aria-hidden, and keeps its place (invisible) until this script runs.
for (const figure of document.querySelectorAll<HTMLElement>('figure[data-hexmap]:not([data-hexmap-init])')) {
  figure.dataset.hexmapInit = '';
  const readout = figure.querySelector<HTMLElement>('.hexmap-readout');
  if (!readout) continue;
  readout.classList.add('ready');
  const show = (event: Event) => {
    const link = (event.target as Element).closest('svg a');
    const title = link?.querySelector('title')?.textContent;
    if (title) readout.textContent = title;
  };
  figure.addEventListener('pointerover', show);
  figure.addEventListener('focusin', show);
}
