// The pages of logriver's Storm UI. Every value from the API is written with textContent or as an attribute built
// here (never innerHTML): topology, component and URL names and error messages are data, not markup.
'use strict';

const WINDOWS = [['600', '10m 0s'], ['10800', '3h 0m 0s'], ['86400', '1d 0h 0m 0s'], [':all-time', 'All time']];
const params = new URLSearchParams(location.search);

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function link(href, text) {
  const a = el('a', text);
  a.setAttribute('href', href);
  return a;
}

function showError(message) {
  const p = document.getElementById('error');
  p.textContent = message;
  p.hidden = false;
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => ({ error: r.status, errorMessage: r.statusText }));
  if (!r.ok) {
    const e = new Error((r.status === 503 ? 'Nimbus is unreachable: ' : '') + (body.errorMessage || body.error));
    e.status = r.status;
    throw e;
  }
  return body;
}

// columns: [header, key or function(row) returning a string or a Node, numeric?]
function table(rows, columns, id) {
  const t = el('table');
  if (id) t.id = id;
  const head = t.createTHead().insertRow();
  columns.forEach(([h]) => head.appendChild(el('th', h)));
  const body = t.createTBody();
  rows.forEach((row) => {
    const tr = body.insertRow();
    columns.forEach(([, key, num]) => {
      const td = tr.insertCell();
      const v = typeof key === 'function' ? key(row) : row[key];
      if (v instanceof Node) td.appendChild(v); else td.textContent = v === null || v === undefined ? '' : String(v);
      if (num) td.className = 'num';
    });
  });
  if (rows.length === 0) {
    const td = body.insertRow().insertCell();
    td.colSpan = columns.length;
    td.textContent = 'none';
  }
  return t;
}

function fill(id, node) {
  const box = document.getElementById(id);
  box.replaceChildren(node);
}

function withReadable(id, readable, href) {
  const span = el('span');
  span.appendChild(href ? link(href, id) : el('span', id));
  if (readable) span.appendChild(el('span', readable, 'readable'));
  return span;
}

function windowLinks(current, base) {
  const p = el('p', null, 'window-links');
  p.appendChild(el('span', 'Window: '));
  WINDOWS.forEach(([w, label]) => {
    const a = link(base + '&window=' + encodeURIComponent(w), label);
    a.dataset.window = w;
    if (w === current) a.className = 'current';
    p.appendChild(a);
  });
  return p;
}

function setWindowHints(hint) {
  document.querySelectorAll('.window-hint, #window-hint').forEach((s) => { s.textContent = hint; });
}

async function home() {
  try {
    const [cluster, nimbus, topologies, supervisors] = await Promise.all([
      api('/api/v1/cluster/summary'), api('/api/v1/nimbus/summary'),
      api('/api/v1/topology/summary'), api('/api/v1/supervisor/summary')]);
    fill('cluster', table([cluster], [['Version', 'stormVersion'], ['Supervisors', 'supervisors', 1],
      ['Used slots', 'slotsUsed', 1], ['Free slots', 'slotsFree', 1], ['Total slots', 'slotsTotal', 1],
      ['Executors', 'executorsTotal', 1], ['Tasks', 'tasksTotal', 1]], 'cluster-summary'));
    fill('nimbus', table(nimbus.nimbuses, [['Host', 'host'], ['Port', 'port', 1], ['Status', 'status'],
      ['Version', 'version'], ['Uptime', 'nimbusUpTime']], 'nimbus-summary'));
    fill('topologies', table(topologies.topologies, [
      ['Name', (t) => link('/topology.html?id=' + encodeURIComponent(t.id), t.name)], ['Id', 'id'],
      ['Owner', 'owner'], ['Status', 'status'], ['Uptime', 'uptime'], ['Num workers', 'workersTotal', 1],
      ['Num executors', 'executorsTotal', 1], ['Num tasks', 'tasksTotal', 1]], 'topology-summary'));
    fill('supervisors', table(supervisors.supervisors, [['Host', 'host'], ['Id', 'id'], ['Uptime', 'uptime'],
      ['Slots', 'slotsTotal', 1], ['Used slots', 'slotsUsed', 1], ['Version', 'version']], 'supervisor-summary'));
    const side = el('div', null, 'side');
    side.id = 'logriver-side';
    for (const t of topologies.topologies) {
      const v = await api('/api/logriver/topology/' + encodeURIComponent(t.id)).catch(() => null);
      if (v) {
        const box = el('div');
        box.appendChild(el('h3', t.name + ' (' + v.mode + ')'));
        box.appendChild(accounting(v));
        box.appendChild(latency(v));
        box.appendChild(charts(v, false));
        side.appendChild(box);
      }
    }
    fill('logriver', side.childElementCount ? side : el('p', 'no logriver view of these topologies', 'hint'));
  } catch (e) {
    showError(e.message);
  }
}

function accounting(v) {
  const a = v.accounting || {};
  const t = table([a], [['read', 'read', 1], ['aggregated', 'aggregated', 1], ['filtered', 'filtered', 1],
    ['invalid', 'invalid', 1], ['late', 'late', 1],
    ['read = aggregated + filtered + invalid + late', (r) => el('span', r.identity, r.balanced ? 'ok' : 'bad')]]);
  t.tHead.rows[0].cells[5].title = 'every record read is aggregated, filtered, invalid or late, exactly once';
  t.classList.add('accounting');
  return t;
}

function latency(v) {
  const rows = [];
  if (v.latencyMs) rows.push(Object.assign({ what: 'processing latency (ms)' }, v.latencyMs));
  if (v.joinWaitMs) rows.push(Object.assign({ what: 'join wait (ms)' }, v.joinWaitMs));
  return table(rows, [['', 'what'], ['count', 'count', 1], ['p50', 'p50', 1], ['p99', 'p99', 1], ['p99.9', 'p999', 1]]);
}

async function topology() {
  const id = params.get('id') || '';
  const win = params.get('window') || ':all-time';
  const sys = params.get('sys') === '1' ? '&sys=1' : '';
  const base = '/topology.html?id=' + encodeURIComponent(id) + sys;
  let t;
  try {
    t = await api('/api/v1/topology/' + encodeURIComponent(id) + '?window=' + encodeURIComponent(win) + sys);
  } catch (e) {
    showError(e.status === 404 ? 'No topology with id ' + id + ' on Nimbus.' : e.message);
    return;
  }
  document.title = t.name + ' (Storm UI, logriver)';
  setWindowHints(t.windowHint);
  fill('summary', table([t], [['Name', 'name'], ['Id', 'id'], ['Owner', 'owner'], ['Status', 'status'],
    ['Uptime', 'uptime'], ['Num workers', 'workersTotal', 1], ['Num executors', 'executorsTotal', 1],
    ['Num tasks', 'tasksTotal', 1], ['Mode', 'mode']], 'topology-summary'));
  const stats = el('div');
  stats.appendChild(windowLinks(win, base));
  stats.appendChild(table(t.topologyStats, [
    ['Window', (s) => link(base + '&window=' + encodeURIComponent(s.window), s.windowPretty)],
    ['Emitted', 'emitted', 1], ['Transferred', 'transferred', 1], ['Complete latency (ms)', 'completeLatency', 1],
    ['Acked', 'acked', 1], ['Failed', 'failed', 1]], 'topology-stats'));
  fill('stats', stats);
  const comp = (cid) => '/component.html?topology=' + encodeURIComponent(id) + '&id=' + encodeURIComponent(cid)
    + '&window=' + encodeURIComponent(win) + sys;
  fill('spouts', table(t.spouts, [['Id', (s) => withReadable(s.spoutId, s.readableName, comp(s.spoutId))],
    ['Executors', 'executors', 1], ['Tasks', 'tasks', 1], ['Emitted', 'emitted', 1], ['Transferred', 'transferred', 1],
    ['Complete latency (ms)', 'completeLatency', 1], ['Acked', 'acked', 1], ['Failed', 'failed', 1],
    ['Error host', 'errorHost'], ['Last error', 'lastError']], 'spout-stats'));
  fill('bolts', table(t.bolts, [['Id', (b) => withReadable(b.boltId, b.readableName, comp(b.boltId))],
    ['Executors', 'executors', 1], ['Tasks', 'tasks', 1], ['Emitted', 'emitted', 1], ['Transferred', 'transferred', 1],
    ['Capacity (last 10m)', 'capacity', 1], ['Execute latency (ms)', 'executeLatency', 1], ['Executed', 'executed', 1],
    ['Process latency (ms)', 'processLatency', 1], ['Acked', 'acked', 1], ['Failed', 'failed', 1],
    ['Error host', 'errorHost'], ['Last error', 'lastError']], 'bolt-stats'));
  fill('workers', table(t.workers, [['Host', 'host'], ['Port', 'port', 1], ['Uptime', 'uptime'],
    ['Num executors', 'executorsTotal', 1],
    ['Components', (w) => Object.entries(w.componentNumTasks || {}).map(([c, n]) => c + ': ' + n).join(', ')]],
  'worker-stats'));
  fill('configuration', table(Object.entries(t.configuration || {}).map(([k, v]) => ({ k, v })),
    [['Key', 'k'], ['Value', (r) => (typeof r.v === 'object' ? JSON.stringify(r.v) : r.v)]], 'topology-configuration'));
  wireActions(t);
  logriverView(id);
}

async function logriverView(id) {
  let v;
  try {
    v = await api('/api/logriver/topology/' + encodeURIComponent(id));
  } catch (e) {
    return;
  }
  const box = el('div');
  box.appendChild(accounting(v));
  box.appendChild(el('h3', 'The last 15 minutes'));
  box.appendChild(charts(v, true));
  box.appendChild(el('h3', 'Processing latency and join waits'));
  box.appendChild(latency(v));
  box.appendChild(el('h3', 'Slowest URLs of the latest closed windows'));
  box.appendChild(table(v.slowestUrls || [], [['window start', 'windowStart'], ['orgID', 'orgID'], ['webURL', 'webURL'],
    ['count', 'count', 1], ['p99 (ms)', 'p99', 1], ['max (ms)', 'max', 1]], 'slowest-urls'));
  box.appendChild(el('h3', 'Error rates per organisation'));
  box.appendChild(table(v.errorRates || [], [['orgID', 'orgID'], ['requests', 'count', 1], ['errors', 'errors', 1],
    ['error rate', 'rate', 1]], 'error-rates'));
  box.appendChild(el('h3', 'Dead letters by reason'));
  box.appendChild(table(v.deadLetters || [], [['reason', 'reason'], ['count', 'count', 1], ['example', 'example']],
    'dead-letters'));
  (v.notes || []).forEach((n) => box.appendChild(el('p', n, 'hint')));
  fill('logriver', box);
  document.getElementById('logriver-section').hidden = false;
  if (!logriverView.refreshing) {
    logriverView.refreshing = setInterval(() => refreshCharts(id), 5000);
  }
}

// Every 5 s the charts redraw with the latest samples; the tables stay as the page loaded them.
async function refreshCharts(id) {
  const old = document.getElementById('logriver-charts');
  const v = await api('/api/logriver/topology/' + encodeURIComponent(id)).catch(() => null);
  if (old && v) old.replaceWith(charts(v, true));
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, String(v)));
  if (text !== undefined) e.textContent = String(text);
  return e;
}

// A line chart of points [{t, key: value or null}] over the last minutes: one line per series [key, label, colour];
// a null value breaks its line (no figure then, or the counter restarted with a worker).
function chart(points, series, title, unit, id) {
  const W = 460, H = 170, L = 52, R = 10, T = 24, B = 22;
  const box = svg('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'chart' });
  if (id) box.id = id;
  box.appendChild(svg('title', {}, title));
  box.appendChild(svg('text', { x: L, y: 14, class: 'chart-title' }, title + ' (' + unit + ')'));
  const values = points.flatMap((p) => series.map(([k]) => p[k])).filter((v) => v !== null && v !== undefined);
  const now = points.length ? points[points.length - 1].t : Date.now();
  const from = Math.min(points.length ? points[0].t : now, now - 60000);
  const top = Math.max(1, ...values) * 1.1;
  const x = (t) => L + ((t - from) / Math.max(1, now - from)) * (W - L - R);
  const y = (v) => H - B - (v / top) * (H - T - B);
  box.appendChild(svg('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, class: 'axis' }));
  box.appendChild(svg('line', { x1: L, y1: T, x2: L, y2: H - B, class: 'axis' }));
  [0, top / 2, top].forEach((v) => box.appendChild(svg('text', { x: L - 4, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' },
    v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(1))));
  box.appendChild(svg('text', { x: L, y: H - 6, class: 'tick' }, '-' + Math.round((now - from) / 60000) + ' min'));
  box.appendChild(svg('text', { x: W - R, y: H - 6, class: 'tick', 'text-anchor': 'end' }, 'now'));
  series.forEach(([k, label, colour], i) => {
    let run = [];
    const lines = [];
    points.forEach((p) => {
      if (p[k] === null || p[k] === undefined) { if (run.length) lines.push(run); run = []; } else run.push(p);
    });
    if (run.length) lines.push(run);
    lines.forEach((r) => {
      const attrs = { fill: 'none', stroke: colour, 'stroke-width': 1.5, 'data-series': k,
        points: r.map((p) => x(p.t).toFixed(1) + ',' + y(p[k]).toFixed(1)).join(' ') };
      box.appendChild(r.length === 1 ? svg('circle', { cx: x(r[0].t), cy: y(r[0][k]), r: 2, fill: colour, 'data-series': k })
        : svg('polyline', attrs));
    });
    box.appendChild(svg('text', { x: L + 8 + i * 70, y: T + 10, fill: colour, class: 'legend' }, label));
  });
  return box;
}

// The charts of a topology's timeline; ids only on its own page (the home page shows several topologies).
function charts(v, own) {
  const box = el('div', null, 'charts');
  if (own) box.id = 'logriver-charts';
  const points = v.timeline || [];
  box.appendChild(chart(points, [['perSecond', 'read', '#1f77b4']], 'Records read per second', 'records/s',
    own && 'chart-throughput'));
  box.appendChild(chart(points, [['p50', 'p50', '#2ca02c'], ['p99', 'p99', '#ff7f0e'], ['p999', 'p99.9', '#d62728']],
    'Processing latency', 'ms', own && 'chart-latency'));
  if (points.length < 2) box.appendChild(el('p', 'the charts fill in as samples arrive (every 5 s; the workers report every 10 s)', 'hint'));
  return box;
}

function wireActions(t) {
  const active = t.status === 'ACTIVE';
  document.getElementById('activate').disabled = active;
  document.getElementById('deactivate').disabled = !active;
  document.getElementById('rebalance').disabled = false;
  document.getElementById('kill').disabled = false;
  const act = (action, path) => async () => {
    const result = document.getElementById('action-result');
    try {
      const r = await fetch('/api/v1/topology/' + encodeURIComponent(t.id) + path, { method: 'POST' });
      const body = await r.json();
      if (!r.ok) throw new Error(body.errorMessage || body.error);
      result.textContent = action + ': ' + body.status;
      setTimeout(() => location.reload(), 1000);
    } catch (e) {
      result.textContent = action + ' failed: ' + e.message;
    }
  };
  const ask = (action) => 'Do you really want to ' + action + ' topology "' + t.name + '"?';
  const askWait = (action) => ask(action) + ' If yes, please, specify wait time in seconds:';
  document.getElementById('activate').onclick = () => { if (confirm(ask('activate'))) act('activate', '/activate')(); };
  document.getElementById('deactivate').onclick = () => {
    if (confirm(ask('deactivate'))) act('deactivate', '/deactivate')();
  };
  const withWait = (action) => () => {
    const wait = prompt(askWait(action), String(t.msgTimeout || 30));
    if (wait === null) return;
    if (!/^\d{1,5}$/.test(wait)) {
      document.getElementById('action-result').textContent = 'wait time: a number of seconds';
      return;
    }
    act(action, '/' + action + '/' + wait)();
  };
  document.getElementById('rebalance').onclick = withWait('rebalance');
  document.getElementById('kill').onclick = withWait('kill');
}

async function component() {
  const topologyId = params.get('topology') || '';
  const id = params.get('id') || '';
  const win = params.get('window') || ':all-time';
  const sys = params.get('sys') === '1' ? '&sys=1' : '';
  let c;
  try {
    c = await api('/api/v1/topology/' + encodeURIComponent(topologyId) + '/component/' + encodeURIComponent(id)
      + '?window=' + encodeURIComponent(win) + sys);
  } catch (e) {
    showError(e.status === 404 ? 'No such topology or component on Nimbus: ' + e.message : e.message);
    return;
  }
  document.title = c.id + ' (Storm UI, logriver)';
  setWindowHints(c.windowHint);
  fill('summary', table([c], [['Id', (r) => withReadable(r.id, r.readableName)],
    ['Topology', (r) => link('/topology.html?id=' + encodeURIComponent(r.topologyId), r.name)],
    ['Type', 'componentType'], ['Executors', 'executors', 1], ['Tasks', 'tasks', 1]], 'component-summary'));
  const base = '/component.html?topology=' + encodeURIComponent(topologyId) + '&id=' + encodeURIComponent(id) + sys;
  const stats = el('div');
  stats.appendChild(windowLinks(win, base));
  if (c.componentType === 'bolt') {
    document.getElementById('stats-title').textContent = 'Bolt stats';
    stats.appendChild(table(c.boltStats, [['Window', 'windowPretty'], ['Emitted', 'emitted', 1],
      ['Transferred', 'transferred', 1], ['Execute latency (ms)', 'executeLatency', 1], ['Executed', 'executed', 1],
      ['Process latency (ms)', 'processLatency', 1], ['Capacity', 'capacity', 1], ['Acked', 'acked', 1],
      ['Failed', 'failed', 1]], 'component-stats'));
  } else {
    document.getElementById('stats-title').textContent = 'Spout stats';
    stats.appendChild(table(c.spoutSummary, [['Window', 'windowPretty'], ['Emitted', 'emitted', 1],
      ['Transferred', 'transferred', 1], ['Complete latency (ms)', 'completeLatency', 1], ['Acked', 'acked', 1],
      ['Failed', 'failed', 1]], 'component-stats'));
  }
  fill('stats', stats);
  fill('inputs', table(c.inputStats || [], [['Component', 'component'], ['Stream', 'stream'],
    ['Execute latency (ms)', 'executeLatency', 1], ['Executed', 'executed', 1],
    ['Process latency (ms)', 'processLatency', 1], ['Acked', 'acked', 1], ['Failed', 'failed', 1]], 'input-stats'));
  fill('outputs', table(c.outputStats, [['Stream', 'stream'], ['Emitted', 'emitted', 1],
    ['Transferred', 'transferred', 1]], 'output-stats'));
  fill('executors', table(c.executorStats, [['Id', 'id'], ['Uptime', 'uptime'], ['Host', 'host'], ['Port', 'port', 1],
    ['Emitted', 'emitted', 1], ['Transferred', 'transferred', 1], ['Capacity', 'capacity', 1],
    ['Executed', 'executed', 1], ['Acked', 'acked', 1], ['Failed', 'failed', 1]], 'executor-stats'));
  fill('errors', table(c.componentErrors, [['Time', (e) => new Date(e.errorTime * 1000).toISOString()],
    ['Host', 'errorHost'], ['Port', 'errorPort', 1], ['Error', 'error']], 'component-errors'));
}

({ home, topology, component })[document.body.dataset.page]();
