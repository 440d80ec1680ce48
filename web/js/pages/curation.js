// Curation: the mentions ingest could not settle (nobody known, or several people), the
// project-like names no registry lists, and the registry entries that would settle them.
import { api } from '../lib/api.js';
import { fill, h, plural, table } from '../lib/dom.js';
import { section } from './shared.js';

export async function render(main, ctx) {
  const c = await api('/curation');
  if (!ctx.isCurrent()) return;
  document.title = 'Curation – meetgraph';
  const places = (g) => h('span', { class: 'places' }, g.places.map((p) => h('code', null, `${p.file}${p.line ? `:${p.line}` : ''}`)).flatMap((node, i) => (i ? [' ', node] : [node])), g.count > g.places.length ? ` and ${g.count - g.places.length} more` : '');
  fill(main, 
    h('h1', null, 'Curation'),
    h('p', { class: 'lead' }, 'What the last ingest could not settle on its own. Adding the entries below to people.yml and projects.yml (beside the notes) settles them at the next ingest.'),
    section(
      'Ambiguous mentions',
      c.ambiguous.length
        ? table(
            [
              { label: 'Mention', cell: (g) => h('strong', null, g.mention) },
              { label: 'Could be', cell: (g) => g.candidates.join(' or ') },
              { label: 'Times', cell: (g) => String(g.count), class: 'num' },
              { label: 'Where', cell: places },
            ],
            c.ambiguous,
            'Ambiguous mentions',
          )
        : null,
      'No ambiguous mentions.',
    ),
    section(
      'Unresolved mentions',
      c.unresolved.length
        ? table(
            [
              { label: 'Mention', cell: (g) => h('strong', null, g.mention) },
              { label: 'Times', cell: (g) => String(g.count), class: 'num' },
              { label: 'Where', cell: places },
            ],
            c.unresolved,
            'Unresolved mentions',
          )
        : null,
      'Every mention was resolved.',
    ),
    section(
      'Project candidates',
      c.projectCandidates.length
        ? table(
            [
              { label: 'Name', cell: (p) => h('strong', null, p.name) },
              { label: 'Times', cell: (p) => String(p.count), class: 'num' },
              { label: 'For example', cell: (p) => (p.evidence[0] ? [h('code', null, `${p.evidence[0].file}:${p.evidence[0].line}`), ' ', p.evidence[0].sentence] : '') },
            ],
            c.projectCandidates,
            'Project candidates',
          )
        : null,
      'No unlisted project names.',
    ),
    c.problems.length
      ? section(
          'Other problems',
          table(
            [
              { label: 'Kind', cell: (p) => p.kind },
              { label: 'Where', cell: (p) => h('code', null, `${p.file}${p.line ? `:${p.line}` : ''}`) },
              { label: 'Message', cell: (p) => p.message },
            ],
            c.problems,
            'Other problems',
          ),
        )
      : null,
    section('Add to people.yml', c.peopleYaml ? yamlBlock(c.peopleYaml, 'people.yml') : null, 'Nothing to add.'),
    section('Add to projects.yml', c.projectsYaml ? yamlBlock(c.projectsYaml, 'projects.yml', plural(c.projectCandidates.length, 'candidate')) : null, 'Nothing to add.'),
  );
}

function yamlBlock(text, file, note) {
  const pre = h('pre', { class: 'yaml', tabindex: '0', 'aria-label': `Lines for ${file}` }, text);
  const status = h('span', { class: 'muted', role: 'status' });
  const copy = h('button', { type: 'button' }, 'Copy');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = ' Copied.';
    } catch {
      // No clipboard (plain http on another host): select the text for Ctrl+C instead.
      const range = document.createRange();
      range.selectNodeContents(pre);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      status.textContent = ' Selected: press Ctrl+C to copy.';
    }
  });
  return h('div', { class: 'yaml-block' }, note ? h('p', { class: 'muted' }, note, ' — review before adding; not every candidate is a project.') : null, h('p', null, copy, status), pre);
}


