// The PAI Workspace fake's console: three views of the admin API (/__admin), refreshed every second while shown.
// Plain JavaScript, no build step. Everything it shows came from clients under test, so it is only ever set as text.
'use strict';

const API = '/__admin';
const PAGE_SIZE = 50;
const JOURNAL_PAGE = 100;

const $ = (id) => document.getElementById(id);

/** An element with properties (text, class, on..., other attributes) and children. */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') el.textContent = value;
    else if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) el.append(child);
  }
  return el;
}

class ApiError extends Error {
  constructor(status, body) {
    super(`${status} ${body && body.Code ? body.Code + ': ' + body.Message : 'no answer'}`);
  }
}

/** Calls the admin API. A body of null still declares JSON, as every change must; undefined sends none. */
async function call(method, path, body) {
  const init = { method, cache: 'no-store', headers: {} };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    if (body !== null) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(API + path, init);
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!response.ok) throw new ApiError(response.status, json);
  return { json, text };
}

let sayTimer;
function say(text, isError) {
  const message = $('message');
  message.textContent = text;
  message.className = isError ? 'error' : 'ok';
  message.hidden = false;
  clearTimeout(sayTimer);
  if (!isError) sayTimer = setTimeout(() => { message.hidden = true; }, 10000);
}

/** Runs a change, says how it went, and refreshes the view at once. */
async function act(what, change) {
  try {
    const done = await change();
    say(done || what + ': done.');
  } catch (e) {
    say(what + ' refused: ' + e.message, true);
  }
  refresh();
}

function pretty(text) {
  if (!text) return '';
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; }
}

function pager(container, from, count, total, go) {
  const last = Math.max(1, Math.ceil(total / count.size));
  container.replaceChildren(
    h('span', { text: total === 0 ? 'none' : `${from + 1}–${from + count.shown} of ${total.toLocaleString('en')}` }),
    h('button', { type: 'button', text: '«', title: 'First page', disabled: count.page <= 1, onclick: () => go(1) }),
    h('button', { type: 'button', text: '‹', title: 'Previous page', disabled: count.page <= 1, onclick: () => go(count.page - 1) }),
    h('span', { text: ` page ${count.page.toLocaleString('en')} of ${last.toLocaleString('en')} ` }),
    h('button', { type: 'button', text: '›', title: 'Next page', disabled: count.page >= last, onclick: () => go(count.page + 1) }),
    h('button', { type: 'button', text: '»', title: 'Last page', disabled: count.page >= last, onclick: () => go(last) }));
}

/** Skips rendering when an answer is the same as the one shown: the page keeps its scroll and focus. */
const shown = {};
function changed(key, text) {
  if (shown[key] === text) return false;
  shown[key] = text;
  return true;
}

// ---------------------------------------------------------------------------------------------------------- State

const state = { account: null, kind: 'Workspace', filter: '', page: 1, open: new Set(), summary: null };

async function refreshState() {
  const summary = await call('GET', '/state');
  state.summary = summary.json;
  if (!state.account) state.account = summary.json.accountId;
  if (changed('summary', summary.text + state.account + state.kind)) renderSummary(summary.json);
  const query = new URLSearchParams({ account: state.account, filter: state.filter, page: state.page, pageSize: PAGE_SIZE });
  const page = await call('GET', `/state/${encodeURIComponent(state.kind)}?${query}`);
  if (changed('state', page.text + [...state.open].join())) renderItems(page.json);
}

function renderAbout(summary) {
  $('about').textContent = `region ${summary.regionId} · account ${summary.accountId} · signatures `
    + (summary.signaturesChecked ? 'checked' : 'not checked') + (summary.lenient ? ' · lenient' : '');
}

function renderSummary(summary) {
  renderAbout(summary);
  const account = summary.accounts.find((a) => a.accountId === state.account) || summary.accounts[0];
  $('account').replaceChildren(...summary.accounts.map((a) => h('option', {
    value: a.accountId, selected: a.accountId === account.accountId,
    text: `${a.accountId} (${a.userName}) · ${a.counts.Workspace} workspaces`,
  })));
  $('kinds').replaceChildren(...summary.kinds.map((kind) => h('a', {
    href: '#state', 'data-kind': kind.name,
    class: [kind.name === state.kind ? 'selected' : '', account.counts[kind.name] ? '' : 'empty',
      kind.parent ? 'child' : ''].join(' '),
    title: `${kind.family} family` + (kind.answeredBy ? `, as ${kind.answeredBy} answers` : '')
      + (kind.served ? '' : ' (not served yet: seeds and snapshots only)'),
    onclick: (e) => {
      e.preventDefault();
      Object.assign(state, { kind: kind.name, page: 1, filter: '' });
      $('state-filter').value = '';
      state.open.clear();
      refresh();
    },
  }, h('span', { text: kind.name }), h('span', { class: 'count', text: account.counts[kind.name].toLocaleString('en') }))));
}

function renderItems(page) {
  const kind = state.summary.kinds.find((k) => k.name === page.kind);
  $('kind-title').textContent = page.kind + (kind.answeredBy ? ` · as ${kind.answeredBy} answers` : '');
  const columns = page.columns;
  const isWorkspace = page.kind === 'Workspace';
  const rows = [];
  for (const item of page.items) {
    const open = state.open.has(item.id + '/' + item.parentId);
    rows.push(h('tr', {
      'data-id': item.id, class: 'row' + (open ? ' open' : ''),
      onclick: () => toggle(state.open, item.id + '/' + item.parentId),
    }, columns.map((c, i) => h('td', { text: item.cells[c] || '' },
      i === 0 && item.isDefault ? h('span', { class: 'badge default', text: 'default' }) : null))));
    if (open) {
      rows.push(h('tr', { class: 'detail' }, h('td', { colspan: columns.length },
        isWorkspace ? workspaceActions(item) : null,
        h('pre', { class: 'json', text: JSON.stringify(item.json, null, 2) }))));
    }
  }
  $('state-table').replaceChildren(
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { text: c })))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: columns.length, class: 'muted', text: 'Nothing stored.' }))));
  pager($('state-pager'), (page.pageNumber - 1) * page.pageSize,
    { size: page.pageSize, shown: page.items.length, page: page.pageNumber }, page.totalCount,
    (n) => { state.page = n; refresh(); });
}

function workspaceActions(item) {
  const status = h('select', { 'aria-label': 'Status' },
    ['ENABLED', 'INITIALIZING', 'FAILURE', 'DISABLED', 'FROZEN', 'UPDATING'].map((s) =>
      h('option', { text: s, selected: s === item.cells.Status })));
  return h('div', { class: 'actions' },
    h('button', { type: 'button', text: 'Make default', disabled: item.isDefault,
      onclick: () => act('Make default', () => makeDefault(item.id)) }),
    status,
    h('button', { type: 'button', text: 'Set status', onclick: () => act('Set status', () => setStatus(item.id, status.value)) }));
}

function toggle(set, key) {
  if (set.has(key)) set.delete(key); else set.add(key);
  refresh();
}

// ------------------------------------------------------------------------------------------------------- Requests

const journal = { operation: '', status: '', text: '', before: 0, newer: [], open: new Set(), details: new Map() };

async function refreshRequests() {
  const query = new URLSearchParams({ order: 'newest', limit: JOURNAL_PAGE, summary: 'true' });
  for (const key of ['operation', 'status', 'text']) if (journal[key]) query.set(key, journal[key]);
  if (journal.before) query.set('before', journal.before);
  const page = await call('GET', '/requests?' + query);
  for (const seq of journal.open) {
    if (!journal.details.has(seq)) {
      try { journal.details.set(seq, (await call('GET', '/requests/' + seq)).json); } catch (e) { journal.details.set(seq, null); }
    }
  }
  if (changed('requests', page.text + [...journal.open].join())) renderRequests(page.json);
}

function statusText(request) {
  return request.status === 0 ? 'dropped' : String(request.status);
}

function statusClass(status) {
  return status === 0 ? 'dropped' : status >= 500 ? 'server-error' : status >= 400 ? 'client-error' : 'success';
}

function renderRequests(page) {
  const columns = ['Time (UTC)', 'Operation', 'Request', 'Status', 'Error code', 'RequestId', 'Latency', 'Signature'];
  const rows = [];
  for (const r of page.requests) {
    const open = journal.open.has(r.sequence);
    rows.push(h('tr', { 'data-seq': r.sequence, class: 'row' + (open ? ' open' : ''), onclick: () => toggle(journal.open, r.sequence) },
      h('td', { text: r.time.slice(11, 23), title: r.time }),
      h('td', {}, r.operation ? r.operation : h('span', { class: 'badge unrouted', text: 'no operation', title: r.reason })),
      h('td', { class: 'path', text: `${r.method} ${r.path}${r.query ? '?' + r.query : ''}` }),
      h('td', {}, h('span', { class: 'status ' + statusClass(r.status), text: statusText(r) })),
      h('td', { text: r.errorCode || '' }, r.reason && r.operation ? h('span', { class: 'badge fault', text: 'fault', title: r.reason }) : null),
      h('td', { class: 'id', text: r.requestId }),
      h('td', { class: 'number', text: r.latencyMillis.toFixed(1) + ' ms' }),
      h('td', { text: r.signatureScheme ? `${r.signatureScheme} ${r.accessKeyId || ''}` : 'unsigned' })));
    if (open) rows.push(h('tr', { class: 'detail' }, h('td', { colspan: columns.length }, requestDetail(journal.details.get(r.sequence)))));
  }
  $('request-table').replaceChildren(
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { text: c })))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: columns.length, class: 'muted', text: 'No requests.' }))));
  const older = page.requests.length ? page.requests[page.requests.length - 1].sequence : 0;
  $('request-pager').replaceChildren(
    h('span', { text: `${page.matchCount.toLocaleString('en')} matching of ${page.size.toLocaleString('en')} kept` }),
    h('button', { type: 'button', text: 'Newest', disabled: !journal.before, onclick: () => { journal.before = 0; journal.newer = []; refresh(); } }),
    h('button', { type: 'button', text: '‹ Newer', disabled: !journal.before, onclick: () => { journal.before = journal.newer.pop() || 0; refresh(); } }),
    h('button', { type: 'button', text: 'Older ›', disabled: page.requests.length < JOURNAL_PAGE,
      onclick: () => { journal.newer.push(journal.before); journal.before = older; refresh(); } }));
}

function requestDetail(d) {
  if (!d) return h('p', { class: 'muted', text: 'The journal no longer holds this request.' });
  const headers = h('table', { class: 'headers' }, Object.entries(d.headers).map(([name, value]) =>
    h('tr', {}, h('th', { text: name }), h('td', { text: value }))));
  return h('div', { class: 'exchange' },
    h('div', {},
      h('h3', { text: 'Request' }),
      h('p', { class: 'path', text: `${d.method} ${d.path}${d.query ? '?' + d.query : ''}` }),
      d.reason ? h('p', { class: 'reason', text: d.reason }) : null,
      h('p', { class: 'muted', text: `RequestId ${d.requestId} · ${d.time} · ${d.latencyMillis.toFixed(1)} ms · `
        + (d.signatureScheme ? `signed ${d.signatureScheme} by ${d.accessKeyId || '?'}` : 'unsigned') }),
      headers,
      d.body ? h('pre', { class: 'json', text: pretty(d.body) }) : h('p', { class: 'muted', text: 'No body.' })),
    h('div', {},
      h('h3', {}, 'Answer ', h('span', { class: 'status ' + statusClass(d.status), text: statusText(d) })),
      d.answer ? h('pre', { class: 'json', text: pretty(d.answer) })
        : h('p', { class: 'muted', text: d.status === 0 ? 'None: the connection was dropped.' : 'Not kept (older answers are let go).' })));
}

// ------------------------------------------------------------------------------------------------------- Steering

function setStatus(id, status) {
  return call('POST', `/workspaces/${encodeURIComponent(id)}/lifecycle`, { status })
    .then((r) => `Workspace ${r.json.WorkspaceId} is ${r.json.Status}.`);
}

function makeDefault(id) {
  return call('POST', `/workspaces/${encodeURIComponent(id)}/default`, null)
    .then((r) => `Workspace ${r.json.WorkspaceId} is its owner's default.`);
}

async function refreshSteering() {
  const faults = await call('GET', '/faults');
  if (!changed('faults', faults.text)) return;
  const rows = faults.json.faults.map((f) => h('tr', {},
    h('td', { text: f.operation }),
    h('td', { text: f.kind === 'fail' ? `next ${f.remaining}: ${f.status} ${f.code}`
      : f.kind === 'drop' ? `next ${f.remaining}: dropped` : `every call waits ${f.delayMillis} ms` }),
    h('td', {}, h('button', { type: 'button', text: 'Clear',
      onclick: () => act('Clear ' + f.operation, () => call('DELETE', '/faults', { operation: f.operation })) }))));
  $('fault-table').replaceChildren(h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { class: 'muted', text: 'None.' }))));
}

function showFaultFields() {
  const kind = $('fault-kind').value;
  for (const label of document.querySelectorAll('#fault-form [data-for]')) {
    label.hidden = !label.dataset.for.split(' ').includes(kind);
  }
}

function injectFault(event) {
  event.preventDefault();
  const operation = $('fault-operation').value;
  const kind = $('fault-kind').value;
  const times = Number($('fault-times').value);
  let body;
  let what;
  if (kind === 'fail') {
    body = { operation, failNext: times, status: Number($('fault-status').value), code: $('fault-code').value, message: $('fault-message').value };
    what = `The next ${times} call(s) of ${operation} fail with ${body.status} ${body.code}.`;
  } else if (kind === 'drop') {
    body = { operation, dropNext: times };
    what = `The next ${times} call(s) of ${operation} have their connection dropped.`;
  } else {
    body = { operation, delayMillis: Number($('fault-delay').value) };
    what = `Every call of ${operation} waits ${body.delayMillis} ms.`;
  }
  act('Inject a fault', () => call('POST', '/faults', body).then(() => what));
}

async function loadSnapshot() {
  const file = $('snapshot-file').files[0];
  if (!file) { say('Choose a snapshot file first.', true); return; }
  const text = await file.text();
  act('Load ' + file.name, () => call('PUT', '/snapshot', text)
    .then((r) => `Loaded ${file.name}: ${r.json.workspaces} workspaces; faults and the journal cleared.`));
}

let resetArmed = null;
function reset() {
  const button = $('reset');
  if (!resetArmed) {
    button.textContent = 'Click again to reset everything';
    resetArmed = setTimeout(() => { resetArmed = null; button.textContent = 'Reset…'; }, 5000);
    return;
  }
  clearTimeout(resetArmed);
  resetArmed = null;
  button.textContent = 'Reset…';
  act('Reset', () => call('POST', '/reset', null).then(() => 'Reset: every workspace, resource, fault and request is gone.'));
}

// ------------------------------------------------------------------------------------------------------ Plumbing

const views = { state: refreshState, requests: refreshRequests, steering: refreshSteering };
let current = 'state';
let busy = null;

function refresh() {
  busy = (busy || Promise.resolve()).then(async () => {
    try {
      await views[current]();
      $('updated').textContent = 'updated ' + new Date().toLocaleTimeString('en-GB');
      $('updated').className = 'muted';
    } catch (e) {
      $('updated').textContent = 'cannot reach the fake: ' + e.message;
      $('updated').className = 'error';
    }
  });
  return busy;
}

function show() {
  current = views[location.hash.slice(1)] ? location.hash.slice(1) : 'state';
  for (const name of Object.keys(views)) $(name).hidden = name !== current;
  for (const a of document.querySelectorAll('#tabs a')) a.classList.toggle('selected', a.dataset.tab === current);
  refresh();
}

async function loadOperations() {
  const { json } = await call('GET', '/operations');
  const families = new Map();
  for (const op of json.operations) {
    if (!families.has(op.family)) families.set(op.family, []);
    families.get(op.family).push(op);
  }
  const options = () => [...families].map(([family, ops]) => h('optgroup', { label: family },
    ops.map((op) => h('option', { value: op.name, text: op.name + (op.served ? '' : ' (501)') }))));
  $('request-operation').replaceChildren(h('option', { value: '', text: 'Any operation' }),
    h('option', { value: 'none', text: 'No operation (unrouted)' }), ...options());
  $('fault-operation').replaceChildren(...options());
  $('fault-operation').value = 'GetWorkspace';
}

function debounce(action) {
  let timer;
  return () => { clearTimeout(timer); timer = setTimeout(action, 300); };
}

function wire() {
  $('account').addEventListener('change', (e) => { state.account = e.target.value; state.page = 1; state.open.clear(); refresh(); });
  $('state-filter').addEventListener('input', debounce(() => { state.filter = $('state-filter').value; state.page = 1; refresh(); }));
  $('request-operation').addEventListener('change', (e) => { journal.operation = e.target.value; journal.before = 0; refresh(); });
  $('request-status').addEventListener('change', (e) => { journal.status = e.target.value; journal.before = 0; refresh(); });
  $('request-text').addEventListener('input', debounce(() => { journal.text = $('request-text').value; journal.before = 0; refresh(); }));
  $('clear-journal').addEventListener('click', () => act('Clear the journal', () => call('DELETE', '/requests', null)));
  $('fault-kind').addEventListener('change', showFaultFields);
  $('fault-preset').addEventListener('change', (e) => {
    if (!e.target.value) return;
    const [status, code, message] = e.target.value.split('|');
    $('fault-status').value = status; $('fault-code').value = code; $('fault-message').value = message;
  });
  $('fault-form').addEventListener('submit', injectFault);
  $('clear-faults').addEventListener('click', () => act('Clear all faults', () => call('DELETE', '/faults', null)));
  $('workspace-form').addEventListener('submit', (e) => {
    e.preventDefault();
    act('Set status', () => setStatus($('workspace-id').value.trim(), $('workspace-status').value));
  });
  $('make-default').addEventListener('click', () => act('Make default', () => makeDefault($('workspace-id').value.trim())));
  $('load-snapshot').addEventListener('click', loadSnapshot);
  $('reset').addEventListener('click', reset);
  window.addEventListener('hashchange', show);
  showFaultFields();
}

async function poll() {
  if ($('live').checked && !document.hidden) await refresh();
  setTimeout(poll, 1000);
}

wire();
loadOperations().catch((e) => say('Cannot list the operations: ' + e.message, true));
call('GET', '/state').then((r) => renderAbout(r.json)).catch(() => {});
show();
setTimeout(poll, 1000);
