// Graph: people and projects linked by the discussions they share, drawn with Cytoscape. Node
// size is how much each was discussed, edge width how often the two met in a discussion. The
// months, the node limit and the center live in the address; a click opens the node's page.
import { api } from '../lib/api.js';
import { COLORS } from '../lib/charts.js';
import { fill, h, link, notice, personRoute, plural, projectRoute } from '../lib/dom.js';
import { loadCytoscape } from '../lib/vendor.js';

let els = null;
let cy = null;

function readParams(params) {
  const month = (v) => (/^\d{4}-\d{2}$/.test(v ?? '') ? v : '');
  const limit = Number.parseInt(params.get('limit') ?? '', 10);
  return {
    from: month(params.get('from')),
    to: month(params.get('to')),
    center: params.get('center') ?? '',
    limit: [30, 60, 120, 200].includes(limit) ? limit : 60,
  };
}

function routeFor(p) {
  const q = new URLSearchParams();
  for (const key of ['from', 'to', 'center']) if (p[key]) q.set(key, p[key]);
  if (p.limit !== 60) q.set('limit', String(p.limit));
  const qs = q.toString();
  return `/graph${qs ? `?${qs}` : ''}`;
}

const nodeId = (n) => `${n.kind}:${n.id}`;

export async function render(main, ctx) {
  const from = h('input', { id: 'from', type: 'month', name: 'from' });
  const to = h('input', { id: 'to', type: 'month', name: 'to' });
  const limit = h('select', { id: 'limit', name: 'limit' }, [30, 60, 120, 200].map((n) => h('option', { value: String(n) }, String(n))));
  const focus = h('input', { id: 'focus', type: 'search', list: 'graph-names', autocomplete: 'off', placeholder: 'a person or project' });
  const names = h('datalist', { id: 'graph-names' });
  const controls = h(
    'form',
    {
      class: 'graph-controls',
      on: {
        submit: (e) => {
          e.preventDefault();
          ctx.navigate(routeFor({ ...readParams(ctx.params), from: from.value, to: to.value, limit: Number(limit.value) }));
        },
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'from' }, 'From'), from),
    h('div', { class: 'field' }, h('label', { for: 'to' }, 'To'), to),
    h('div', { class: 'field' }, h('label', { for: 'limit' }, 'Nodes'), limit),
    h('button', { type: 'submit' }, 'Show'),
  );
  const focusForm = h(
    'form',
    { class: 'graph-focus', role: 'search', on: { submit: (e) => { e.preventDefault(); focusOn(ctx, focus.value.trim()); } } },
    h('label', { for: 'focus' }, 'Find'),
    focus,
    names,
    h('button', { type: 'submit' }, 'Focus'),
  );
  const status = h('p', { class: 'result-summary', 'aria-live': 'polite' });
  const canvas = h('div', { id: 'cy', class: 'graph-canvas', role: 'img', 'aria-label': 'People and projects graph' });
  const legend = h(
    'p',
    { class: 'legend' },
    h('span', { class: 'legend-dot legend-person' }), 'person ',
    h('span', { class: 'legend-dot legend-project' }), 'project ',
    h('span', { class: 'legend-note' }, '· size: discussions · line width: discussions together · click a node to open it'),
  );
  const centerBar = h('p', { class: 'graph-center' });
  const nodeList = h('details', { class: 'graph-list' });
  els = { from, to, limit, focus, names, status, canvas, centerBar, nodeList };
  fill(main, h('h1', null, 'Graph'), h('div', { class: 'graph-toolbar' }, controls, focusForm), centerBar, legend, status, canvas, nodeList);
  await update(ctx);
}

export async function update(ctx) {
  const p = readParams(ctx.params);
  document.title = 'Graph – meetgraph';
  els.from.value = p.from;
  els.to.value = p.to;
  els.limit.value = String(p.limit);
  els.status.textContent = 'Loading…';
  const [cytoscape, graph] = await Promise.all([loadCytoscape(), api('/graph', { from: p.from, to: p.to, center: p.center, limit: p.limit })]);
  if (!ctx.isCurrent()) return;
  els.status.textContent = `${plural(graph.nodes.length, 'node')}, ${plural(graph.edges.length, 'link')}${p.from || p.to ? ` from ${p.from || 'the start'} to ${p.to || 'the end'}` : ''}`;
  els.centerBar.replaceChildren(
    ...(graph.center
      ? ['Around ', h('strong', null, graph.nodes.find((n) => n.id === graph.center)?.name ?? graph.center), ' · ', link(routeFor({ ...p, center: '' }), 'show everyone')]
      : []),
  );
  els.names.replaceChildren(...graph.nodes.map((n) => h('option', { value: n.name })));
  els.nodeList.replaceChildren(
    h('summary', null, 'Nodes as a list'),
    h(
      'ul',
      { class: 'columns' },
      graph.nodes.map((n) => h('li', null, link(n.kind === 'person' ? personRoute(n.id) : projectRoute(n.id), n.name), ` (${n.kind}, ${n.weight})`)),
    ),
  );
  draw(cytoscape, graph, ctx);
}

/**
 * Cytoscape adds a <style> element for its container unless one with this id exists; the CSP
 * refuses that inline style, and style.css already positions the container, so a placeholder
 * with the id is put in its place.
 */
function preventInlineStylesheet() {
  const id = '__________cytoscape_stylesheet';
  if (!document.getElementById(id)) document.head.append(h('meta', { id, name: 'cytoscape-stylesheet', content: 'in style.css' }));
}

function draw(cytoscape, graph, ctx) {
  preventInlineStylesheet();
  cy?.destroy();
  cy = null;
  if (!graph.nodes.length) {
    els.canvas.replaceChildren(notice('Nothing to draw in this range.'));
    return;
  }
  els.canvas.replaceChildren();
  const maxNode = Math.max(2, ...graph.nodes.map((n) => n.weight));
  const maxEdge = Math.max(2, ...graph.edges.map((e) => e.weight));
  cy = cytoscape({
    container: els.canvas,
    elements: [
      ...graph.nodes.map((n) => ({ data: { id: nodeId(n), name: n.name, kind: n.kind, ref: n.id, weight: n.weight } })),
      ...graph.edges.map((e) => ({ data: { id: `e:${e.source}:${e.target}`, source: `person:${e.source}`, target: `project:${e.target}`, weight: e.weight } })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(name)',
          'font-size': 11,
          // Labels of small nodes appear once zoomed in, so the overview stays readable.
          'min-zoomed-font-size': 9,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          color: '#1e293b',
          'text-outline-color': '#ffffff',
          'text-outline-width': 2,
          width: `mapData(weight, 1, ${maxNode}, 12, 60)`,
          height: `mapData(weight, 1, ${maxNode}, 12, 60)`,
          'border-width': 1,
          'border-color': '#ffffff',
        },
      },
      { selector: 'node.minor', style: { 'font-size': 7 } },
      { selector: 'node[kind = "person"]', style: { 'background-color': COLORS.person } },
      { selector: 'node[kind = "project"]', style: { 'background-color': COLORS.project, shape: 'round-rectangle' } },
      {
        selector: 'edge',
        style: { width: `mapData(weight, 1, ${maxEdge}, 0.5, 9)`, 'line-color': '#94a3b8', opacity: 0.35, 'curve-style': 'haystack' },
      },
      { selector: '.faded', style: { opacity: 0.08 } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#facc15', 'font-size': 13, 'min-zoomed-font-size': 0 } },
    ],
    layout: {
      name: 'cose',
      animate: false,
      randomize: false,
      nodeRepulsion: () => 400_000,
      idealEdgeLength: () => 90,
      edgeElasticity: () => 120,
      nodeOverlap: 20,
      gravity: 0.6,
      numIter: 1000,
      padding: 24,
    },
    minZoom: 0.2,
    maxZoom: 3,
  });
  // The strongest third keeps full-size labels; the rest get small ones (shown when zoomed in).
  const strong = [...graph.nodes].sort((a, b) => b.weight - a.weight).slice(0, Math.max(12, Math.ceil(graph.nodes.length / 3)));
  const strongIds = new Set(strong.map(nodeId));
  cy.nodes().forEach((n) => {
    if (!strongIds.has(n.id())) n.addClass('minor');
  });
  cy.on('tap', 'node', (event) => {
    const d = event.target.data();
    ctx.navigate(d.kind === 'person' ? personRoute(d.ref) : projectRoute(d.ref));
  });
  cy.on('mouseover', 'node', (event) => {
    const hood = event.target.closedNeighborhood();
    cy.elements().not(hood).addClass('faded');
  });
  cy.on('mouseout', 'node', () => cy.elements().removeClass('faded'));
}

/** Centers the drawing on a node of the graph, or asks the server for the graph around it. */
function focusOn(ctx, name) {
  if (!name) return;
  const wanted = name.toLowerCase();
  const node = cy?.nodes().filter((n) => n.data('name').toLowerCase() === wanted)[0] ?? cy?.nodes().filter((n) => n.data('name').toLowerCase().includes(wanted))[0];
  if (node) {
    cy.elements().unselect();
    node.select();
    cy.elements().not(node.closedNeighborhood()).addClass('faded');
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 300 });
    els.status.textContent = `${node.data('name')}: ${plural(node.degree(), 'link')}`;
    return;
  }
  ctx.navigate(routeFor({ ...readParams(ctx.params), center: name }));
}
