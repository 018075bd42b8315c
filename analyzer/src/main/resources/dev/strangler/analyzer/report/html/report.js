/*
 * The decomposition report's page: builds every view from the embedded decomposition.json. Text from the analysed
 * codebase only ever reaches the page as text nodes (never as markup), and fields this page does not know are shown
 * as raw JSON rather than dropped, so a newer report still opens.
 */
(function () {
  'use strict';

  const report = JSON.parse(document.getElementById('report-data').textContent);
  const candidates = list(report.candidates);
  const placements = list(report.classes);
  const byName = new Map(candidates.map(c => [c.name, c]));
  const LIMIT = 200;

  const METRICS = {
    partitions: ['number of candidate services (K), shared kernel left out', ''],
    sm: ['structural modularity: how densely classes are tied inside their service against across services', 'higher is better'],
    icp: ['inter-call percentage: share of (log-weighted) calls that cross services', 'lower is better'],
    icpRaw: ['inter-call percentage on raw call counts (CARGO\'s variant)', 'lower is better'],
    ifn: ['interface number: class pairs tied across services, per service', 'lower is better'],
    ned: ['non-extreme distribution: share of classes not in services of 5 to 20 classes', 'lower is better'],
    bcp: ['business context purity: mean log of the number of use cases reaching each service', 'lower is better'],
    cohesion: ['mean share of each service\'s call weight that stays inside it', 'higher is better'],
    coupling: ['share of all call weight that crosses services', 'lower is better'],
    transactionalPurity: ['1 minus the mean entropy of how the classes touching each table are spread over services', 'higher is better'],
    modularity: ['Newman modularity Q of the cut on the clustering graph (above 0.3: real community structure)', 'higher is better']
  };

  // ---------- small DOM helpers: text only, never markup ----------

  function list(value) {
    return Array.isArray(value) ? value : [];
  }

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([key, value]) => {
      if (value == null || value === false) {
        return;
      }
      if (key === 'class') {
        node.className = value;
      } else if (key.startsWith('on')) {
        node.addEventListener(key.slice(2), value);
      } else {
        node.setAttribute(key, value === true ? '' : String(value));
      }
    });
    append(node, children);
    return node;
  }

  function append(node, ...children) {
    children.flat(Infinity).forEach(child => {
      if (child != null && child !== false) {
        node.append(child instanceof Node ? child : String(child));
      }
    });
    return node;
  }

  function clear(node) {
    node.replaceChildren();
    return node;
  }

  function num(value) {
    return typeof value === 'number' ? String(value) : (value == null ? '—' : String(value));
  }

  function table(headers, rows) {
    const head = el('tr', null, headers.map(h => el('th', { class: h.endsWith(' ') ? 'num' : null }, h.trim())));
    return el('table', null, el('thead', null, head), el('tbody', null, rows));
  }

  function cell(value, cls) {
    return el('td', { class: cls }, value);
  }

  /** Shows the first LIMIT items and a button for the rest, so a service of 2,000 classes opens at once. */
  function capped(items, render, container) {
    const box = container || el('div');
    append(box, items.slice(0, LIMIT).map(render));
    if (items.length > LIMIT) {
      const button = el('button', { type: 'button', class: 'link more' }, 'show all ' + items.length);
      const holder = box.tagName === 'TBODY' ? el('tr', null, el('td', { colspan: 9 }, button))
        : (box.tagName === 'UL' || box.tagName === 'OL') ? el('li', null, button) : button;
      button.addEventListener('click', () => {
        holder.remove();
        append(box, items.slice(LIMIT).map(render));
      });
      box.append(holder);
    }
    return box;
  }

  function rawJson(title, value) {
    let text = JSON.stringify(value, null, 2) || 'null';
    if (text.length > 20000) {
      text = text.slice(0, 20000) + '\n… (' + text.length + ' characters; see decomposition.json)';
    }
    return el('details', null, el('summary', null, title), el('pre', null, text));
  }

  function unknownFields(object, known, title) {
    const extra = Object.keys(object || {}).filter(key => !known.includes(key));
    if (extra.length === 0) {
      return null;
    }
    return [el('h3', null, title), extra.map(key => rawJson(key, object[key]))];
  }

  // ---------- tabs ----------

  const tabs = document.querySelectorAll('#tabs button');
  const built = new Set();
  const builders = {
    routes: buildRoutes, order: buildOrder, metrics: buildMetrics, decisions: buildDecisions,
    problems: buildProblems, more: buildCodebase
  };

  function showTab(name) {
    tabs.forEach(tab => tab.setAttribute('aria-selected', String(tab.dataset.tab === name)));
    document.querySelectorAll('.tab').forEach(section => {
      section.hidden = section.id !== 'tab-' + name;
    });
    if (builders[name] && !built.has(name)) {
      built.add(name);
      builders[name](clear(document.getElementById('tab-' + name)));
    }
    if (name === 'services' && graph) {
      graph.resize();
    }
  }

  tabs.forEach(tab => tab.addEventListener('click', () => {
    showTab(tab.dataset.tab);
    history.replaceState(null, '', '#' + tab.dataset.tab);
  }));

  // ---------- header ----------

  const codebase = report.codebase || {};
  document.title = (codebase.name || 'codebase') + ' — decomposition report';
  document.getElementById('title').textContent = 'Decomposition of ' + (codebase.name || 'a codebase');
  const services = candidates.filter(c => !c.sharedKernel);
  const routeCount = candidates.reduce((sum, c) => sum + list(c.routes).length, 0);
  document.getElementById('summary').textContent = services.length + ' candidate services, '
    + (candidates.length - services.length ? 'a shared kernel, ' : '')
    + num(codebase.classes) + ' classes, ' + routeCount + ' routes, '
    + list(report.problems).length + ' problems';

  // ---------- graph ----------

  // the list first: it takes its height from the pane, and the graph then fits the space that is left
  append(document.getElementById('service-list'), candidates.map(c => el('button', {
    type: 'button', class: 'chip' + (c.sharedKernel ? ' kernel' : ''), 'data-name': c.name,
    onclick: () => selectService(c.name)
  }, c.name + ' (' + list(c.classes).length + ')')));

  const graph = drawGraph();

  function fitnessClass(candidate) {
    if (candidate.sharedKernel) {
      return 'kernel';
    }
    const rating = candidate.fitness && candidate.fitness.rating;
    return ['good', 'fair', 'poor'].includes(rating) ? rating : 'unknown';
  }

  /** Sizes and widths relative to the largest, so 10 classes or 10,000 give the same picture. */
  function graphElements() {
    const largest = Math.max(1, ...candidates.map(c => list(c.classes).length));
    const strongest = Math.max(1, ...candidates.flatMap(c => list(c.outbound).map(link => link.weight || 1)));
    const nodes = candidates.map(c => ({
      data: {
        id: c.name, label: c.name + '\n' + list(c.classes).length + ' classes',
        size: 36 + 64 * Math.sqrt(list(c.classes).length / largest), kernel: !!c.sharedKernel
      },
      classes: fitnessClass(c)
    }));
    const edges = [];
    candidates.forEach(c => list(c.outbound).forEach(link => {
      if (byName.has(link.candidate) && link.candidate !== c.name) {
        edges.push({
          data: {
            id: 'edge ' + edges.length, source: c.name, target: link.candidate, weight: link.weight || 1,
            width: 1 + 7 * Math.sqrt((link.weight || 1) / strongest), link: link
          },
          classes: c.sharedKernel || byName.get(link.candidate).sharedKernel ? 'to-kernel' : ''
        });
      }
    }));
    return nodes.concat(edges);
  }

  function graphStyle() {
    const colour = { good: '#3f9b5a', fair: '#e0a030', poor: '#cf4a43', kernel: '#a3acb6', unknown: '#6b8bb0' };
    const style = [
      {
        selector: 'node', style: {
          width: 'data(size)', height: 'data(size)', label: 'data(label)', 'text-wrap': 'wrap',
          'text-valign': 'bottom', 'text-margin-y': 4, 'font-size': 16, color: '#1d2733',
          'text-outline-color': '#fff', 'text-outline-width': 2, 'border-width': 1, 'border-color': '#33414f'
        }
      },
      { selector: 'node.kernel', style: { shape: 'round-hexagon', 'border-style': 'dashed', 'border-width': 2 } },
      {
        selector: 'edge', style: {
          width: 'data(width)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#7f93a8',
          'target-arrow-color': '#7f93a8', opacity: 0.8, label: 'data(weight)', 'font-size': 11, color: '#5b6b7c',
          'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1
        }
      },
      { selector: 'edge.to-kernel', style: { 'line-style': 'dashed', width: 1, opacity: 0.18, label: '' } },
      { selector: ':selected', style: { 'border-width': 4, 'border-color': '#1565c0', 'line-color': '#1565c0', 'target-arrow-color': '#1565c0', opacity: 1 } },
      { selector: '.faded', style: { opacity: 0.2 } },
      { selector: 'node.highlighted', style: { 'border-width': 7, 'border-color': '#ff6a00', 'border-style': 'solid', opacity: 1 } }
    ];
    Object.entries(colour).forEach(([cls, value]) => style.push({ selector: 'node.' + cls, style: { 'background-color': value } }));
    return style;
  }

  function drawGraph() {
    const container = document.getElementById('graph');
    if (typeof cytoscape !== 'function') {
      container.textContent = 'The graph library did not load; the lists and tables still work.';
      return null;
    }
    let cy;
    try {
      cy = cytoscape({
        container: container, elements: graphElements(), style: graphStyle(),
        minZoom: 0.1, maxZoom: 4, boxSelectionEnabled: false
      });
      layout(cy);
    } catch (error) {
      // a report this page cannot draw must still show its lists and tables
      container.textContent = 'The graph could not be drawn (' + error.message + '); the lists and tables still work.';
      return null;
    }
    cy.on('tap', 'node', event => selectService(event.target.id()));
    cy.on('tap', 'edge', event => selectLink(event.target));
    return cy;
  }

  /** Force layout from fixed starting points (no randomness), with the shared kernel set apart below. */
  function layout(cy) {
    const kernel = cy.nodes('.kernel');
    const rest = cy.elements().difference(kernel).difference(kernel.connectedEdges());
    rest.nodes().layout({ name: 'circle', animate: false, fit: false }).run();
    rest.layout({
      name: 'cose', animate: false, randomize: false, fit: false, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: edge => 120 + 60 / Math.sqrt(edge.data('weight')), nodeRepulsion: () => 1000000, nodeOverlap: 40,
      edgeElasticity: edge => 60 + edge.data('width') * 20, numIter: 1500, componentSpacing: 90
    }).run();
    const box = rest.nodes().length ? rest.nodes().boundingBox({ includeLabels: true })
      : { x1: 0, x2: 0, y2: 0, w: 0 };
    kernel.forEach((node, i) => {
      node.position({ x: box.x1 + box.w / 2 + i * 160, y: box.y2 + 50 + node.data('size') / 2 });
    });
    cy.fit(undefined, 30);
  }

  function resetGraph() {
    if (graph) {
      graph.elements().removeClass('faded highlighted').unselect();
    }
    document.querySelectorAll('#service-list .chip').forEach(chip => chip.classList.remove('on'));
  }

  function highlight(name) {
    resetGraph();
    document.querySelectorAll('#service-list .chip').forEach(chip =>
      chip.classList.toggle('on', chip.dataset.name === name));
    if (!graph) {
      return;
    }
    const node = graph.getElementById(name);
    if (node.empty()) {
      return;
    }
    graph.elements().difference(node.closedNeighborhood()).addClass('faded');
    node.addClass('highlighted');
  }

  document.getElementById('fit').addEventListener('click', () => graph && graph.fit(undefined, 30));
  document.getElementById('clear').addEventListener('click', () => {
    resetGraph();
    showOverview();
  });

  // ---------- details panel ----------

  const details = document.getElementById('details');

  function showOverview() {
    clear(details);
    append(details, el('h2', null, 'Candidate services'),
      el('p', { class: 'muted' }, 'Click a service or an arrow in the graph, or find a class above. ' +
        'Nodes are sized by their number of classes; arrows point from the service that depends to the one it ' +
        'depends on, thicker for more coupling.'),
      el('p', null, (report.choice && report.choice.reason) || ''),
      orderTable(candidates));
  }

  function selectService(name) {
    const candidate = byName.get(name);
    if (!candidate) {
      return;
    }
    showTab('services');
    highlight(name);
    if (graph) {
      graph.getElementById(name).select();
    }
    clear(details);
    append(details, serviceDetails(candidate));
    details.scrollTop = 0;
  }

  function serviceDetails(c) {
    const rating = fitnessClass(c);
    return [
      el('h2', { class: 'service-name' }, c.name, el('span', { class: 'badge ' + rating },
        c.sharedKernel ? 'shared kernel' : 'fitness ' + num(c.fitness && c.fitness.score) + ' ' + rating)),
      el('p', null, c.sharedKernel ? 'Shipped as a library inside every service; not extracted on its own.'
        : 'Extraction step ' + num(c.extractionOrder) + ', difficulty ' + num(c.difficulty && c.difficulty.score) + ' of 100.'),
      reasons('Difficulty', c.difficulty), reasons('Serverless fitness', c.fitness),
      el('h3', null, 'Routes (' + list(c.routes).length + ')'), routesTable(list(c.routes), false),
      el('h3', null, 'Tables (' + list(c.tables).length + ')'), tablesTable(list(c.tables)),
      el('h3', null, 'Risks (' + list(c.risks).length + ')'), risksTable(list(c.risks)),
      el('h3', null, 'Depends on (' + list(c.outbound).length + ')'), links(c.name, list(c.outbound), true),
      el('h3', null, 'Depended on by (' + list(c.inbound).length + ')'), links(c.name, list(c.inbound), false),
      el('h3', null, 'Classes (' + list(c.classes).length + ')'),
      capped(list(c.classes), name => el('li', null, classLink(name)), el('ul', { class: 'plain' })),
      unknownFields(c, ['name', 'sharedKernel', 'extractionOrder', 'classes', 'routes', 'tables', 'inbound',
        'outbound', 'risks', 'difficulty', 'fitness'], 'More in the JSON')
    ];
  }

  function reasons(title, scored) {
    if (!scored || list(scored.reasons).length === 0) {
      return null;
    }
    return el('details', null, el('summary', null, title + ': ' + num(scored.score)),
      el('ul', null, list(scored.reasons).map(r => el('li', null, r))));
  }

  function routesTable(routes, withService) {
    if (routes.length === 0) {
      return el('p', { class: 'muted' }, 'none');
    }
    const row = r => el('tr', null, withService ? cell(serviceLink(r.service)) : null, cell(r.method || r.kind),
      cell(el('code', null, r.path || '')), cell(el('code', null, r.handler || '')),
      withService ? [cell(r.framework), cell(el('code', null, r.location || ''))] : null);
    const headers = withService ? ['service', 'method', 'path', 'handler', 'framework', 'location']
      : ['method', 'path', 'handler'];
    const body = table(headers, []);
    capped(routes, row, body.tBodies[0]);
    return body;
  }

  function tablesTable(tables) {
    if (tables.length === 0) {
      return el('p', { class: 'muted' }, 'none');
    }
    return table(['table', 'owner', 'writes ', 'reads '], tables.map(t => el('tr', null, cell(el('code', null, t.table)),
      cell(t.owned ? 'owned' + (list(t.sharedWith).length ? ', also used by ' + t.sharedWith.join(', ') : '')
        : 'shared with ' + list(t.sharedWith).join(', ')),
      cell(num(t.writes), 'num'), cell(num(t.reads), 'num'))));
  }

  function risksTable(risks) {
    if (risks.length === 0) {
      return el('p', { class: 'muted' }, 'none found');
    }
    return table(['kind', 'where', 'detail'], risks.map(r => el('tr', null, cell(r.kind),
      cell([classLink(r.class), el('br'), el('code', { class: 'muted' }, r.location || '')]), cell(r.detail))));
  }

  function links(name, linkList, outbound) {
    if (linkList.length === 0) {
      return el('p', { class: 'muted' }, 'none');
    }
    return el('div', { class: 'links' }, linkList.map(link => el('details', null,
      el('summary', null, (outbound ? '→ ' : '← ') + link.candidate + ' (coupling ' + num(link.weight) + ', '
        + list(link.dependencies).length + ' dependencies)'),
      dependencies(list(link.dependencies)))));
  }

  function dependencies(deps) {
    return capped(deps, d => el('div', { class: 'dependency' },
      el('div', null, classLink(d.from), ' → ', classLink(d.to), ' ',
        el('span', { class: 'muted' }, d.kind + ' ×' + num(d.weight) + (d.guessed ? ', guessed' : ''))),
      el('ul', null, list(d.sites).map(site => el('li', null, el('code', null, site))))));
  }

  function selectLink(edge) {
    const link = edge.data('link');
    resetGraph();
    edge.select();
    clear(details);
    append(details, el('h2', { class: 'edge-name' }, edge.data('source') + ' → ' + edge.data('target')),
      el('p', null, 'Coupling ' + num(link.weight) + ': the uses below cross from ',
        serviceLink(edge.data('source')), ' into ', serviceLink(edge.data('target')), ', with their call sites.'),
      dependencies(list(link.dependencies)));
  }

  function serviceLink(name) {
    return el('button', { type: 'button', class: 'link', onclick: () => selectService(name) }, name);
  }

  function classLink(name) {
    return el('button', { type: 'button', class: 'link mono', onclick: () => selectClass(name) }, name || '');
  }

  // ---------- class search ----------

  const placementByName = new Map(placements.map(p => [p.name, p]));
  const searchIndex = placements.map(p => ({ name: p.name, lower: String(p.name).toLowerCase(),
    simple: String(p.name).slice(String(p.name).lastIndexOf('.') + 1).toLowerCase() }));
  const searchBox = document.getElementById('class-search');
  const results = document.getElementById('search-results');
  let searchTimer = null;

  function search(query) {
    const q = query.trim().toLowerCase();
    if (!q) {
      return [];
    }
    const exact = [], prefix = [], inside = [];
    for (const entry of searchIndex) {
      if (entry.simple === q || entry.lower === q) {
        exact.push(entry);
      } else if (entry.simple.startsWith(q)) {
        prefix.push(entry);
      } else if (entry.lower.includes(q)) {
        inside.push(entry);
      }
    }
    return exact.concat(prefix, inside);
  }

  function showResults() {
    const found = search(searchBox.value);
    clear(results);
    results.hidden = searchBox.value.trim() === '';
    if (found.length === 0) {
      append(results, el('li', { class: 'muted' }, 'no class matches'));
      return;
    }
    append(results, found.slice(0, 50).map((entry, i) => el('li', {
      class: i === 0 ? 'active' : null, 'data-name': entry.name, onclick: () => selectClass(entry.name)
    }, entry.name, el('small', null, '→ ' + placementByName.get(entry.name).candidate))));
    if (found.length > 50) {
      append(results, el('li', { class: 'muted' }, (found.length - 50) + ' more; type more of the name'));
    }
  }

  searchBox.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(showResults, 80);
  });
  searchBox.addEventListener('keydown', event => {
    const items = Array.from(results.querySelectorAll('li[data-name]'));
    const active = items.findIndex(item => item.classList.contains('active'));
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = Math.max(0, Math.min(items.length - 1, active + (event.key === 'ArrowDown' ? 1 : -1)));
      items.forEach((item, i) => item.classList.toggle('active', i === next));
      if (items[next]) {
        items[next].scrollIntoView({ block: 'nearest' });
      }
    } else if (event.key === 'Enter') {
      clearTimeout(searchTimer);
      const chosen = !results.hidden && items[active] ? items[active].dataset.name
        : (search(searchBox.value)[0] || {}).name;
      if (chosen) {
        selectClass(chosen);
      }
    } else if (event.key === 'Escape') {
      results.hidden = true;
    }
  });

  function selectClass(name) {
    const placement = placementByName.get(name);
    results.hidden = true;
    if (!placement) {
      return;
    }
    showTab('services');
    highlight(placement.candidate);
    clear(details);
    append(details, el('div', { class: 'placement' },
      el('h2', { class: 'class-name' }, el('code', null, placement.name)),
      el('p', null, 'went to ', serviceLink(placement.candidate), byName.get(placement.candidate)
        && byName.get(placement.candidate).sharedKernel ? ' (the shared kernel)' : ''),
      el('p', { class: 'reason' }, 'Why: ' + (placement.reason || 'no reason recorded')),
      el('p', null, 'Tie inside its service ' + num(placement.tieInside) + (placement.bestOtherCandidate
        ? '; strongest tie elsewhere ' + num(placement.tieToBestOther) + ' to ' + placement.bestOtherCandidate : '')),
      el('h3', null, 'Strongest ties'),
      list(placement.strongestTies).length === 0 ? el('p', { class: 'muted' }, 'none')
        : table(['class', 'in', 'weight '], placement.strongestTies.map(t => el('tr', null,
          cell(classLink(t.class)), cell(serviceLink(t.candidate)), cell(num(t.weight), 'num')))),
      el('h3', null, 'Reached by ' + num(placement.useCaseCount) + ' use cases'
        + (list(placement.useCases).length < placement.useCaseCount ? ', the first ' + placement.useCases.length + ':' : '')),
      capped(list(placement.useCases), u => el('li', null, el('code', null, u)), el('ul', { class: 'plain' })),
      unknownFields(placement, ['name', 'candidate', 'reason', 'useCaseCount', 'useCases', 'strongestTies',
        'tieInside', 'bestOtherCandidate', 'tieToBestOther'], 'More in the JSON')));
    details.scrollTop = 0;
  }

  // ---------- routes ----------

  function buildRoutes(section) {
    const all = [];
    candidates.forEach(c => list(c.routes).forEach(r => all.push(Object.assign({ service: c.name }, r))));
    const text = el('input', { type: 'search', placeholder: 'path, handler or location contains…', 'aria-label': 'filter routes' });
    const method = select('method', all.map(r => r.method || r.kind));
    const service = select('service', candidates.map(c => c.name));
    const framework = select('framework', all.map(r => r.framework));
    const count = el('span', { class: 'muted' });
    const holder = el('div');
    const render = () => {
      const q = text.value.trim().toLowerCase();
      const shown = all.filter(r => (!method.value || (r.method || r.kind) === method.value)
        && (!service.value || r.service === service.value) && (!framework.value || r.framework === framework.value)
        && (!q || [r.path, r.handler, r.location].some(v => String(v || '').toLowerCase().includes(q))));
      count.textContent = shown.length + ' of ' + all.length + ' routes';
      clear(holder).append(routesTable(shown, true));
    };
    [text, method, service, framework].forEach(input => listen(input, render));
    append(section, el('h2', null, 'Routes and the service each goes to'),
      el('div', { class: 'filters' }, text, method, service, framework, count), holder);
    render();
  }

  function listen(input, render) {
    input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', render);
  }

  function select(label, values) {
    const distinct = Array.from(new Set(values.filter(v => v != null && v !== ''))).sort();
    return el('select', { 'aria-label': label }, el('option', { value: '' }, 'any ' + label),
      distinct.map(v => el('option', { value: v }, v)));
  }

  // ---------- extraction order ----------

  function orderTable(all) {
    const ordered = all.slice().sort((a, b) => (a.sharedKernel - b.sharedKernel)
      || ((a.extractionOrder || 0) - (b.extractionOrder || 0)));
    return table(['step ', 'service', 'classes ', 'routes ', 'tables ', 'difficulty ', 'fitness'],
      ordered.map(c => el('tr', null, cell(c.sharedKernel ? '—' : num(c.extractionOrder), 'num'),
        cell(serviceLink(c.name)), cell(list(c.classes).length, 'num'), cell(list(c.routes).length, 'num'),
        cell(list(c.tables).length, 'num'), cell(num(c.difficulty && c.difficulty.score), 'num'),
        cell(c.sharedKernel ? 'shared kernel' : num(c.fitness && c.fitness.score) + ' ' + fitnessClass(c)))));
  }

  function buildOrder(section) {
    append(section, el('h2', null, 'Extraction order'),
      el('p', { class: 'muted' }, 'Easiest first: lowest difficulty, then fewest shared tables, then name. ' +
        'Difficulty adds the share of call weight crossing to other services, shared tables, dependants and poor ' +
        'serverless fitness.'),
      el('ol', null, list(report.extractionOrder).map(name => {
        const c = byName.get(name) || {};
        return el('li', null, serviceLink(name), ' — difficulty ' + num(c.difficulty && c.difficulty.score),
          el('ul', null, list(c.difficulty && c.difficulty.reasons).map(r => el('li', { class: 'muted' }, r))));
      })),
      el('h3', null, 'All candidates'), orderTable(candidates));
  }

  // ---------- metrics ----------

  function metricsTable(metrics) {
    const notes = [];
    const rows = [];
    Object.entries(metrics || {}).forEach(([key, value]) => {
      const meaning = METRICS[key] || ['', ''];
      if (typeof value === 'string') {
        notes.push(el('p', { class: 'muted' }, key + ': ' + value));
      } else if (value !== null && typeof value === 'object') {
        rows.push(el('tr', null, cell(key), el('td', { colspan: 3 }, metricsTable(value))));
      } else {
        rows.push(el('tr', null, cell(key), cell(num(value), 'num'), cell(meaning[0]), cell(meaning[1])));
      }
    });
    return el('div', null, notes, table(['metric', 'value ', 'what it means', 'better'], rows));
  }

  function buildMetrics(section) {
    const choice = report.choice || {};
    append(section, el('h2', null, 'How the number of services was chosen'),
      el('p', null, choice.reason || ''),
      el('h2', null, 'Metrics of this cut'), metricsTable(report.metrics),
      el('p', { class: 'muted' }, 'Formulas and sources: the analyzer README, section Metrics.'));
    const neighbours = list(report.neighbours);
    if (neighbours.length) {
      const keys = Array.from(new Set(neighbours.flatMap(n => Object.keys(n.metrics || {})
        .filter(k => typeof n.metrics[k] === 'number' && k !== 'partitions'))));
      append(section, el('h2', null, 'Neighbouring numbers of services'),
        table(['services ', 'modularity '].concat(keys.map(k => k + ' ')), neighbours.map(n =>
          el('tr', { class: n.chosen ? 'chosen' : null }, cell(num(n.services) + (n.chosen ? ' (chosen)' : ''), 'num'),
            cell(num(n.modularity), 'num'), keys.map(k => cell(num((n.metrics || {})[k]), 'num'))))));
    }
    if (report.agreement) {
      const a = report.agreement;
      append(section, el('h2', null, 'Agreement with ' + (a.source || 'the expected decomposition')),
        table(['measure', 'value '], [['accuracy', a.accuracy], ['adjusted Rand index', a.adjustedRandIndex],
          ['MoJoFM', a.mojoFm], ['classes compared', a.classesCompared]].map(([k, v]) =>
          el('tr', null, cell(k), cell(num(v), 'num')))),
        table(['expected', 'candidate', 'overlap '], list(a.matches).map(m => el('tr', null, cell(m.expected),
          cell(m.candidate ? serviceLink(m.candidate) : '—'), cell(num(m.overlap) + ' of ' + num(m.expectedSize), 'num')))));
    }
  }

  // ---------- decisions ----------

  function buildDecisions(section) {
    const decisions = list(report.decisions);
    append(section, el('h2', null, 'Decisions and their cost'), el('p', { class: 'muted' },
      'Each decision of the team\'s file, in the order applied, with the metrics before and after it; ' +
      '"costs coupling" means it raised coupling: more call weight crosses services after it than before.'));
    if (decisions.length === 0) {
      append(section, el('p', { class: 'muted' }, 'No decisions were given (analyze --decisions FILE).'));
      return;
    }
    const keys = ['coupling', 'cohesion', 'sm', 'icp'];
    append(section, table(['line ', 'decision', 'applied', 'note', 'costs coupling'].concat(keys.map(k => k + ' before → after')),
      decisions.map(d => el('tr', null, cell(num(d.line), 'num'), cell(d.decision), cell(d.applied ? 'yes' : 'no'),
        cell(d.note), cell(d.costsCoupling ? 'yes' : 'no'),
        keys.map(k => cell(num((d.before || {})[k]) + ' → ' + num((d.after || {})[k])))))));
  }

  // ---------- problems ----------

  function buildProblems(section) {
    const problems = list(report.problems);
    const text = el('input', { type: 'search', placeholder: 'path or message contains…', 'aria-label': 'filter problems' });
    const severity = select('severity', problems.map(p => p.severity));
    const count = el('span', { class: 'muted' });
    const holder = el('div');
    const render = () => {
      const q = text.value.trim().toLowerCase();
      const shown = problems.filter(p => (!severity.value || p.severity === severity.value)
        && (!q || (String(p.path) + ' ' + String(p.message)).toLowerCase().includes(q)));
      count.textContent = shown.length + ' of ' + problems.length + ' problems';
      const body = table(['severity', 'where', 'message'], []);
      capped(shown, p => el('tr', null, cell(el('span', { class: 'badge ' + p.severity }, p.severity)),
        cell(el('code', null, p.path + (p.line ? ':' + p.line + (p.column ? ':' + p.column : '') : ''))),
        cell(p.message)), body.tBodies[0]);
      clear(holder).append(body);
    };
    [text, severity].forEach(input => listen(input, render));
    append(section, el('h2', null, 'Problems'), el('p', { class: 'muted' },
      'What the analyzer could not read or decide; notes are informational.'),
      el('div', { class: 'filters' }, text, severity, count), holder);
    render();
  }

  // ---------- codebase and anything newer ----------

  function buildCodebase(section) {
    const stats = codebase.stats || {};
    append(section, el('h2', null, 'What was analysed'),
      table(['', 'value '], Object.entries(Object.assign({ name: codebase.name, types: codebase.types,
        classes: codebase.classes, entryPoints: codebase.entryPoints }, stats))
        .filter(([, v]) => typeof v !== 'object').map(([k, v]) => el('tr', null, cell(k), cell(num(v), 'num')))),
      el('p', { class: 'muted' }, 'Report schema version ' + num(report.schemaVersion) + ', written by '
        + (report.generator || 'an unknown generator') + '. The full report is embedded in this page and also '
        + 'written as decomposition.json beside it.'),
      unknownFields(report, ['schemaVersion', 'generator', 'codebase', 'choice', 'metrics', 'neighbours',
        'agreement', 'extractionOrder', 'candidates', 'classes', 'graph', 'useCases', 'decisions', 'problems'],
      'Other report fields'),
      unknownFields(codebase, ['name', 'types', 'classes', 'entryPoints', 'stats'], 'Other codebase fields'));
  }

  showOverview();
  // a link to decomposition.html#routes opens that view
  const linked = location.hash.slice(1);
  if (builders[linked]) {
    showTab(linked);
  }
  window.strangler = { report: report, graph: graph, search: search, selectService: selectService, selectClass: selectClass };
  document.body.setAttribute('data-ready', 'true');
}());
