// Bar charts with Chart.js, each with a table of the same numbers for keyboard and screen-reader
// users (the canvas itself says nothing to them).
import { h, table } from './dom.js';
import { loadChart } from './vendor.js';

export const COLORS = { person: '#2563eb', project: '#ea580c', accent: '#0f766e', muted: '#94a3b8' };

/**
 * A bar chart of `labels` × `datasets` ([{label, data, color}]) in a new element; the chart is
 * drawn once Chart.js has loaded.
 */
export function barChart({ labels, datasets, title, yLabel }) {
  const canvas = h('canvas', { role: 'img', 'aria-label': title });
  const box = h('figure', { class: 'chart' }, h('div', { class: 'chart-canvas' }, canvas), h('figcaption', null, title));
  const numbers = h(
    'details',
    { class: 'chart-table' },
    h('summary', null, 'Show the numbers'),
    table(
      [{ label: 'Period', cell: (i) => labels[i] }, ...datasets.map((d) => ({ label: d.label, cell: (i) => String(d.data[i]), class: 'num' }))],
      labels.map((_, i) => i),
      title,
    ),
  );
  loadChart()
    .then((Chart) => {
      // eslint-disable-next-line no-new
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels,
          datasets: datasets.map((d) => ({ label: d.label, data: d.data, backgroundColor: d.color, borderRadius: 2, maxBarThickness: 28 })),
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          plugins: { legend: { display: datasets.length > 1, position: 'bottom' } },
          scales: {
            x: { grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
            y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: Boolean(yLabel), text: yLabel } },
          },
        },
      });
    })
    .catch(() => box.replaceChildren(h('p', { class: 'notice notice-error' }, 'The chart could not be drawn.')));
  return h('div', { class: 'chart-block' }, box, numbers);
}
