// The strangler gateway's dashboard: polls GET /dashboard/state and changes routes through the admin API's own
// endpoints (PUT /routes/{id}, POST /routes/{id}/promote|rollback) with the session cookie and its CSRF token.
// Everything from the gateway is put into the page as text (textContent), never as markup.
'use strict';
(function () {
  const POLL_MS = 2000;
  const csrf = document.querySelector('meta[name="strangler-csrf"]').content;
  const rows = new Map();
  let timer = null;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function percent(fraction) {
    return fraction === null || fraction === undefined ? '–' : (Math.round(fraction * 1000) / 10) + ' %';
  }

  function millis(value) {
    return value === null || value === undefined ? '–' : (value < 10 ? value.toFixed(2) : Math.round(value)) + ' ms';
  }

  function side(figures) {
    if (!figures || figures.requests === 0) return '–';
    return figures.perSecond.toFixed(1) + '/s · ' + percent(figures.errorRate) + ' · '
      + millis(figures.p50Ms) + ' / ' + millis(figures.p99Ms);
  }

  function rollout(r) {
    if (!r) return '–';
    if (r.status === 'pending') return 'pending';
    const step = (r.step + 1) + '/' + r.steps.length + ' (' + r.stepLabel + ')';
    if (r.status === 'running') return step + (r.paused ? ' paused' : ' running');
    if (r.status === 'rolled-back') return 'rolled back at ' + step;
    return r.status + ' at ' + step;
  }

  function breaker(b) {
    if (!b) return '–';
    return b.state + (b.failureRate === null ? '' : ' (' + b.failureRate.toFixed(1) + ' % failed)')
      + (b.healthy === false ? ', unhealthy' : '');
  }

  function shadow(s) {
    if (s.percent === 0 && s.compared === 0) return 'off';
    return s.percent + ' % copied · ' + (s.matchRate === null ? 'none compared yet'
      : percent(s.matchRate) + ' of ' + s.compared + ' matched');
  }

  function setMessage(text, failed) {
    const message = document.getElementById('message');
    message.textContent = text;
    message.className = failed ? 'failed' : 'done';
  }

  async function change(route, method, path, body) {
    const headers = {'X-Strangler-Csrf': csrf, 'If-Match': '"' + route.version + '"'};
    const reason = document.getElementById('reason').value.trim();
    if (reason) headers['X-Strangler-Reason'] = reason;
    if (body) headers['Content-Type'] = 'application/json';
    try {
      const response = await fetch(path, {method: method, headers: headers, credentials: 'same-origin',
        body: body ? JSON.stringify(body) : undefined});
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        setMessage('Route ' + route.id + ': ' + answer.target + ' at ' + answer.weight + ' %', false);
      } else if (response.status === 409) {
        setMessage('Route ' + route.id + ' was changed by someone else meanwhile; nothing was changed. Look again and repeat.', true);
      } else if (response.status === 401) {
        location.reload();
      } else {
        setMessage((answer.title || 'Refused') + ': ' + (answer.detail || response.status), true);
      }
    } catch (e) {
      setMessage('The gateway did not answer: ' + e.message, true);
    }
    refresh();
  }

  function newRow(id) {
    const tr = el('tr');
    tr.dataset.route = id;
    const cells = {};
    for (const name of ['route', 'target', 'weight', 'rollout', 'monolith', 'function', 'shadow', 'breaker', 'change']) {
      cells[name] = el('td', name);
      tr.appendChild(cells[name]);
    }
    cells.routeId = cells.route.appendChild(el('strong', 'route-id', id));
    cells.paths = cells.route.appendChild(el('div', 'paths'));
    cells.weightValue = cells.weight.appendChild(el('span', 'weight-value'));
    const form = cells.weight.appendChild(el('form', 'weight-form'));
    const input = form.appendChild(el('input', 'weight-input'));
    input.type = 'number'; input.min = '0'; input.max = '100'; input.step = '1'; input.required = true;
    input.setAttribute('aria-label', 'New weight of ' + id);
    input.addEventListener('input', () => { input.dataset.dirty = 'yes'; });
    form.appendChild(el('button', 'set-weight', 'Set')).type = 'submit';
    const promote = cells.change.appendChild(el('button', 'promote', 'Promote'));
    const rollback = cells.change.appendChild(el('button', 'rollback', 'Roll back'));
    promote.type = rollback.type = 'button';
    promote.title = 'send all of this route\'s traffic to its target (weight 100 %)';
    rollback.title = 'send all of this route\'s traffic back to the monolith (weight 0 %)';
    const row = {tr: tr, cells: cells, input: input, promote: promote, data: null};
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const weight = Number(input.value);
      delete input.dataset.dirty;
      change(row.data, 'PUT', '/routes/' + encodeURIComponent(id), {weight: weight});
    });
    promote.addEventListener('click', () => change(row.data, 'POST', '/routes/' + encodeURIComponent(id) + '/promote'));
    rollback.addEventListener('click', () => change(row.data, 'POST', '/routes/' + encodeURIComponent(id) + '/rollback'));
    return row;
  }

  function fill(row, route) {
    const c = row.cells;
    row.data = route;
    c.paths.textContent = route.paths.join(' ');
    c.target.textContent = route.target;
    c.target.dataset.side = route.side;
    c.weightValue.textContent = route.weight + ' %';
    if (document.activeElement !== row.input && !row.input.dataset.dirty) row.input.value = route.weight;
    c.rollout.textContent = rollout(route.rollout);
    c.rollout.dataset.status = route.rollout ? route.rollout.status + (route.rollout.paused ? ' paused' : '') : '';
    c.monolith.textContent = side(route.live.monolith);
    c.function.textContent = route.side === 'monolith' ? '–' : side(route.live.target);
    c.shadow.textContent = shadow(route.shadow);
    c.breaker.textContent = breaker(route.breaker);
    c.breaker.dataset.out = route.breaker && route.breaker.out ? 'yes' : 'no';
    row.promote.disabled = route.side === 'monolith' || route.weight === 100;
  }

  function renderRoutes(routes) {
    const body = document.querySelector('#routes tbody');
    const seen = new Set();
    routes.forEach((route, index) => {
      seen.add(route.id);
      let row = rows.get(route.id);
      if (!row) {
        row = newRow(route.id);
        rows.set(route.id, row);
      }
      fill(row, route);
      if (body.children[index] !== row.tr) body.insertBefore(row.tr, body.children[index] || null);
    });
    for (const [id, row] of rows) {
      if (!seen.has(id)) { row.tr.remove(); rows.delete(id); }
    }
  }

  function renderDifferences(routes) {
    const box = document.getElementById('differences');
    box.replaceChildren();
    let any = false;
    for (const route of routes) {
      const recent = route.shadow.recentDifferences.slice(-5).reverse();
      if (recent.length === 0) continue;
      any = true;
      const section = box.appendChild(el('div', 'route-differences'));
      section.dataset.route = route.id;
      section.appendChild(el('h3', null, route.id + ' (' + shadow(route.shadow) + ')'));
      const list = section.appendChild(el('ul'));
      for (const d of recent) {
        list.appendChild(el('li', null, d.method + ' ' + d.path + ': monolith ' + d.monolithStatus + ', target '
          + d.targetStatus + '; differs in ' + d.differences.join(', ')));
      }
    }
    document.getElementById('no-differences').hidden = any;
  }

  function render(state) {
    document.getElementById('store').textContent = state.store;
    document.getElementById('updated').textContent = 'updated ' + new Date(state.at).toLocaleTimeString();
    const refusal = document.getElementById('refusal');
    refusal.hidden = !state.refusal;
    refusal.textContent = state.refusal ? 'Refused edit, not in force (the routes below are the last good ones): '
      + state.refusal : '';
    const p = state.progress;
    document.getElementById('progress-routes').textContent = p.onTargets + ' of ' + p.routes;
    document.getElementById('progress-promoted').textContent = String(p.promoted);
    document.getElementById('progress-share').textContent = percent(p.targetShare);
    document.getElementById('progress-share-total').textContent = percent(p.targetShareSinceStart);
    document.getElementById('progress-bar').style.width = Math.round((p.targetShare || 0) * 100) + '%';
    for (const span of document.querySelectorAll('.window')) {
      span.textContent = String(Math.round(state.windowSeconds) || 10);
    }
    document.getElementById('unmatched').textContent = side(state.unmatched);
    renderRoutes(state.routes);
    renderDifferences(state.routes);
  }

  async function refresh() {
    clearTimeout(timer);
    const connection = document.getElementById('connection');
    try {
      const response = await fetch('/dashboard/state', {credentials: 'same-origin', cache: 'no-store'});
      if (response.status === 401) {
        location.reload(); // the session is over: the login form
        return;
      }
      if (!response.ok) throw new Error('status ' + response.status);
      render(await response.json());
      connection.hidden = true;
      document.body.dataset.loaded = 'yes';
    } catch (e) {
      connection.hidden = false;
      connection.textContent = 'Cannot read the gateway\'s state (' + e.message + '); retrying.';
    }
    timer = setTimeout(refresh, POLL_MS);
  }

  document.getElementById('logout').addEventListener('click', async () => {
    await fetch('/dashboard/logout', {method: 'POST', headers: {'X-Strangler-Csrf': csrf}, credentials: 'same-origin'});
    location.assign('/dashboard');
  });
  refresh();
})();
