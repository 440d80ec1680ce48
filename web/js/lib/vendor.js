// The two drawing libraries, served from this server (/vendor/) and loaded only by the pages that
// draw: Cytoscape as an ES module, Chart.js as its browser build (it sets window.Chart).

let chart;
export function loadChart() {
  chart ??= new Promise((resolve, reject) => {
    if (window.Chart) return resolve(window.Chart);
    const script = document.createElement('script');
    script.src = '/vendor/chart.umd.min.js';
    script.onload = () => resolve(window.Chart);
    script.onerror = () => reject(new Error('Chart.js could not be loaded'));
    document.head.append(script);
  });
  return chart;
}

export async function loadCytoscape() {
  const module = await import('/vendor/cytoscape.esm.min.mjs');
  return module.default;
}
