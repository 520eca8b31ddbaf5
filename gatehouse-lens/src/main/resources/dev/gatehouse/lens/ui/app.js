// The lens's web view: wires the sources (live stream or file), the model, the filters and the panels.

import { renderCards } from './cards.js';
import { bytes, clear, focusItem, h, keepOneTabStop, rovingList, sinceOpen } from './dom.js';
import { Filters } from './filters.js';
import { renderLadder } from './ladder.js';
import { FRAME_COLOURS, FRAME_TYPES, LensModel } from './model.js';
import { followLive, readJsonLines, servedByLens } from './source.js';
import { renderTimeline } from './timeline.js';
import { renderWindows } from './windows.js';

const $ = (id) => document.getElementById(id);

const model = new LensModel();
const filters = new Filters();
const ui = {
  conn: null, // the selected connection id
  frame: null, // the selected frame seq
  highlight: new Set(), // evidence frames of the selected finding
  finding: null, // the selected finding's index
  expanded: new Map(),
  mode: 'live',
  liveStatus: 'connecting…',
  instance: null,
  maxEvents: null,
  stop: null,
  fileName: null,
  notice: null,
  rows: new Map(),
};

// ---- sources ----

function startLive() {
  ui.stop?.();
  ui.mode = 'live';
  ui.fileName = null;
  model.reset();
  ui.conn = null;
  ui.frame = null;
  ui.highlight = new Set();
  ui.finding = null;
  ui.stop = followLive({
    hello(hello) {
      if (ui.instance !== null && ui.instance !== hello.instance) {
        model.reset(); // a new run of the lens: its events start over
        ui.conn = null;
      }
      ui.instance = hello.instance;
      ui.maxEvents = hello.max_events;
      schedule();
    },
    event(event) {
      model.add(event);
      schedule();
    },
    dropped(dropped) {
      model.dropped += dropped.count;
      schedule();
    },
    invalid() {
      model.invalid++;
    },
    status(text) {
      ui.liveStatus = text;
      schedule();
    },
  });
  $('live-button').hidden = true;
  render();
}

async function openFile(file) {
  if (!file) return;
  ui.stop?.();
  ui.stop = null;
  const { events, invalid } = await readJsonLines(file);
  model.reset();
  model.invalid = invalid;
  for (const event of events) model.add(event);
  ui.mode = 'file';
  ui.fileName = file.name;
  ui.conn = null;
  ui.frame = null;
  ui.highlight = new Set();
  ui.finding = null;
  filters.clear();
  $('live-button').hidden = !servedByLens();
  render();
}

// ---- rendering ----

let timer = null;
function schedule() {
  if (timer === null) {
    timer = setTimeout(() => {
      timer = null;
      render();
    }, 100);
  }
}

function selectedConnection() {
  if (ui.conn === null || !model.connections.has(ui.conn)) {
    const first = model.connections.keys().next();
    ui.conn = first.done ? null : first.value;
  }
  return ui.conn === null ? null : model.connections.get(ui.conn);
}

/** What has focus, as something that survives re-rendering. */
function focusKey() {
  const active = document.activeElement;
  if (!active) return null;
  if (active.dataset?.seq) return { kind: 'frame', value: active.dataset.seq };
  if (active.dataset?.connId) return { kind: 'conn', value: active.dataset.connId };
  if (active.dataset?.finding) return { kind: 'finding', value: active.dataset.finding };
  if (active.classList?.contains('card')) return { kind: 'card', value: active.dataset.stream };
  return null;
}

function restoreFocus(key) {
  if (!key) return;
  const selector = {
    frame: `#ladder [data-seq="${key.value}"]`,
    conn: `#connections [data-conn-id="${key.value}"]`,
    finding: `#findings [data-finding="${key.value}"]`,
    card: `#calls .card[data-stream="${key.value}"]`,
  }[key.kind];
  const element = document.querySelector(selector);
  if (element && document.activeElement !== element) {
    element.setAttribute('tabindex', '0');
    element.focus({ preventScroll: true });
  }
}

function render() {
  const focus = focusKey();
  const conn = selectedConnection();
  renderStatus();
  renderConnections();
  renderFindings();
  renderFilterChoices(conn);
  renderTypeChips();
  if (conn) {
    const cards = renderCards($('calls'), conn, filters, { onShowFrames: showStream, expanded: ui.expanded });
    $('no-calls').hidden = cards.length > 0;
    $('calls-count').textContent = `(${cards.length} of ${conn.calls.size})`;
    keepOneTabStop(cards);
    const ladder = renderLadder($('ladder'), conn, filters, { highlight: ui.highlight, selected: ui.frame,
      onSelect: (frame) => selectFrame(frame.seq) });
    ui.rows = ladder.rows;
    $('frames-count').textContent = `(${ladder.shown} of ${ladder.total}`
      + (ladder.hidden ? `; ${ladder.hidden} older matching frames not drawn` : '') + ')';
    keepOneTabStop([...ladder.rows.values()], ladder.rows.get(ui.frame));
    renderTimeline($('timeline'), conn, filters);
    renderWindows($('windows'), conn, filters);
  } else {
    clear($('calls'));
    $('no-calls').hidden = false;
    $('calls-count').textContent = '';
    $('frames-count').textContent = '';
    $('ladder').replaceChildren(h('p', { class: 'empty' }, 'No frames yet.'));
    clear($('timeline'));
    clear($('windows'));
    ui.rows = new Map();
  }
  renderDetails(conn);
  restoreFocus(focus);
  document.body.dataset.events = String(model.events);
}

function renderStatus() {
  const counts = `${model.events} events, ${model.connections.size} connections, ${model.findings.length} findings`;
  const text = ui.mode === 'live'
    ? `Live (${ui.liveStatus}): ${counts}`
    : `File ${ui.fileName}: ${counts}${model.invalid ? `, ${model.invalid} lines that are not lens events skipped`
      : ''}`;
  const status = $('status');
  if (status.textContent !== text) status.textContent = text;
  status.dataset.mode = ui.mode;
  const banner = $('dropped');
  const messages = [];
  if (model.dropped > 0) {
    messages.push(ui.mode === 'live'
      ? `${model.dropped} older events were dropped: the lens keeps the last ${ui.maxEvents ?? 'few'} events for `
        + 'this page. Use --format jsonl --output FILE to keep everything.'
      : `The lens dropped ${model.dropped} lines while writing this file (its output could not keep up).`);
  }
  if (ui.notice) messages.push(ui.notice);
  banner.hidden = messages.length === 0;
  banner.textContent = messages.join(' ');
}

function renderConnections() {
  const list = $('connections');
  const items = [...model.connections.values()].map((conn) => h('li', {
    role: 'option', 'aria-selected': conn.id === ui.conn ? 'true' : 'false', tabindex: '-1',
    dataset: { connId: conn.id }, onclick: () => selectConnection(conn.id) },
  h('span', { class: 'mono' }, `#${conn.id} ${conn.client ?? '?'} → ${conn.upstream ?? '?'}`),
  h('span', { class: 'sub' }, `${conn.frames.length} frames, ${conn.calls.size} calls, ${conn.findings.length} `
    + `findings${conn.ended ? ', closed' : ', open'}`)));
  list.replaceChildren(...items);
  $('no-connections').hidden = items.length > 0;
  keepOneTabStop(items, items.find((item) => item.getAttribute('aria-selected') === 'true'));
}

function renderFindings() {
  const list = $('findings');
  const items = model.findings.map((finding) => h('li', {
    role: 'option', class: finding.severity, tabindex: '-1',
    'aria-selected': finding.index === ui.finding ? 'true' : 'false', dataset: { finding: finding.index },
    onclick: () => selectFinding(finding) },
  h('span', { class: `sev ${finding.severity}` }, finding.severity.toUpperCase()),
  h('span', { class: 'finding-code' }, finding.code),
  h('span', { class: 'sub' }, `connection ${finding.conn}${finding.stream ? `, stream ${finding.stream}` : ''}, `
    + `${(finding.evidence || []).length} evidence frames`),
  h('span', { class: 'finding-text' }, finding.text)));
  list.replaceChildren(...items);
  $('no-findings').hidden = items.length > 0;
  $('findings-count').textContent = items.length ? `(${items.length})` : '';
  keepOneTabStop(items, items.find((item) => item.getAttribute('aria-selected') === 'true'));
}

function setOptions(select, first, values, current) {
  const wanted = [first, ...values].join('\n');
  if (select.dataset.options !== wanted) {
    select.replaceChildren(h('option', { value: '' }, first), ...values.map((value) => h('option', { value }, value)));
    select.dataset.options = wanted;
  }
  select.value = current;
}

function renderFilterChoices(conn) {
  const { methods, statuses } = model.choices();
  if (filters.method && !methods.includes(filters.method)) methods.push(filters.method);
  if (filters.status && !statuses.includes(filters.status)) statuses.push(filters.status);
  setOptions($('filter-method'), 'all methods', methods, filters.method);
  setOptions($('filter-status'), 'all statuses', statuses, filters.status);
  const streams = conn ? [...conn.streams.keys()].filter((id) => id > 0).sort((a, b) => a - b).map(String) : [];
  if (filters.stream && !streams.includes(filters.stream)) streams.push(filters.stream);
  setOptions($('filter-stream'), 'all streams', streams, filters.stream);
}

function renderTypeChips() {
  const chips = $('frame-types');
  if (chips.childElementCount === 0) {
    for (const type of FRAME_TYPES) {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = FRAME_COLOURS[type];
      chips.append(h('button', { type: 'button', class: 'chip', 'aria-pressed': 'true', dataset: { type },
        onclick: () => toggleType(type) }, swatch, type));
    }
  }
  for (const chip of chips.children) {
    chip.setAttribute('aria-pressed', filters.types.has(chip.dataset.type) ? 'true' : 'false');
  }
}

function row(label, value) {
  return value === undefined || value === null || value === '' ? null : [h('dt', {}, label), h('dd', {}, value)];
}

function renderDetails(conn) {
  const body = $('details-body');
  const frame = conn?.framesBySeq.get(ui.frame);
  const finding = ui.finding !== null ? model.findings[ui.finding] : null;
  const parts = [];
  if (finding && finding.conn === conn?.id) {
    parts.push(h('div', { class: `finding-detail ${finding.severity}` },
      h('h3', {}, h('span', { class: `sev ${finding.severity}` }, finding.severity.toUpperCase()), finding.code),
      h('p', {}, finding.text),
      finding.fix ? h('p', {}, h('strong', {}, 'What to do: '), finding.fix) : null,
      h('p', { class: 'sub' }, `Evidence: ${(finding.evidence || []).map((seq) => `#${seq}`).join(', ') || 'none'}`
        + ' (highlighted in the ladder)')));
  }
  if (!frame) {
    if (parts.length === 0) parts.push(h('p', { class: 'empty' }, 'Select a frame in the ladder.'));
    body.replaceChildren(...parts);
    return;
  }
  const raw = frame.raw;
  const call = conn.callOf(frame.stream);
  parts.push(h('h3', {}, `#${frame.seq} ${frame.type}`),
    h('dl', { class: 'kv' },
      row('sender', frame.dir), row('stream', String(frame.stream)), row('flags', frame.flags.join(' ') || 'none'),
      row('length', bytes(frame.length)), row('time', `${sinceOpen(frame.time - conn.opened)} (${raw.time})`),
      row('call', call?.method), row('increment', raw.increment), row('error code', raw.error_code),
      row('last stream', raw.last_stream), row('debug', raw.debug), row('opaque', raw.opaque),
      row('header list size', raw.header_list_size)));
  if (frame.findings.length) {
    parts.push(h('p', {}, h('strong', {}, 'Evidence of: '), frame.findings.map((f) => f.code).join(', ')));
  }
  if (raw.headers && raw.headers.length) {
    parts.push(h('table', { class: 'meta' }, h('caption', {}, 'Header fields (decoded HPACK)'),
      h('tbody', {}, raw.headers.map(([name, value], i) => h('tr', {}, h('th', { scope: 'row' }, name),
        h('td', {}, value, raw.hpack?.[i] ? h('span', { class: 'sub' }, raw.hpack[i]) : null))))));
  }
  if (raw.settings && Object.keys(raw.settings).length) {
    parts.push(h('table', { class: 'meta' }, h('caption', {}, 'Settings'),
      h('tbody', {}, Object.entries(raw.settings).map(([name, value]) =>
        h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, String(value)))))));
  }
  parts.push(h('details', {}, h('summary', {}, 'JSON of this frame'), h('pre', {}, JSON.stringify(raw, null, 2))));
  body.replaceChildren(...parts);
}

// ---- actions ----

function selectConnection(id) {
  if (ui.conn !== id) {
    ui.conn = id;
    ui.frame = null;
    ui.highlight = new Set();
    ui.finding = null;
  }
  render();
}

function selectFrame(seq) {
  ui.frame = seq;
  render();
  const row = ui.rows.get(seq);
  if (row) focusItem([...ui.rows.values()], [...ui.rows.keys()].indexOf(seq));
}

function selectFinding(finding) {
  ui.conn = finding.conn;
  ui.finding = finding.index;
  ui.highlight = new Set(finding.evidence || []);
  const conn = model.connections.get(finding.conn);
  const evidence = (finding.evidence || []).map((seq) => conn?.framesBySeq.get(seq)).filter(Boolean);
  ui.notice = null;
  if (evidence.some((frame) => !filters.frameVisible(conn, frame))) {
    filters.clear();
    ui.notice = 'Filters were cleared to show the finding\'s evidence frames.';
  }
  ui.frame = evidence.length ? evidence[0].seq : null;
  render();
  const row = ui.frame !== null ? ui.rows.get(ui.frame) : null;
  if (row) {
    row.scrollIntoView({ block: 'center' });
    focusItem([...ui.rows.values()], [...ui.rows.keys()].indexOf(ui.frame));
  }
}

function showStream(call) {
  filters.stream = String(call.stream);
  ui.notice = null;
  render();
  $('ladder-section').focus();
}

function toggleType(type) {
  if (filters.types.has(type)) filters.types.delete(type);
  else filters.types.add(type);
  render();
}

// ---- wiring ----

function wire() {
  $('filter-method').addEventListener('change', (event) => { filters.method = event.target.value; render(); });
  $('filter-status').addEventListener('change', (event) => { filters.status = event.target.value; render(); });
  $('filter-stream').addEventListener('change', (event) => { filters.stream = event.target.value; render(); });
  $('filter-clear').addEventListener('click', () => { filters.clear(); ui.notice = null; render(); });
  $('file-input').addEventListener('change', (event) => {
    openFile(event.target.files[0]);
    event.target.value = '';
  });
  $('live-button').addEventListener('click', startLive);
  rovingList($('connections'), () => [...$('connections').children],
    (item) => selectConnection(Number(item.dataset.connId)));
  rovingList($('findings'), () => [...$('findings').children],
    (item) => selectFinding(model.findings[Number(item.dataset.finding)]));
  rovingList($('ladder'), () => [...ui.rows.values()], (row) => selectFrame(Number(row.dataset.seq)));
  rovingList($('calls'), () => [...$('calls').children], (card) => card.querySelector('summary')?.focus(),
    { horizontal: true });

  window.addEventListener('resize', schedule);

  const zone = $('drop-zone');
  let depth = 0;
  const hasFiles = (event) => [...(event.dataTransfer?.types || [])].includes('Files');
  document.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth++;
    zone.hidden = false;
  });
  document.addEventListener('dragover', (event) => {
    if (hasFiles(event)) event.preventDefault();
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.hidden = true;
  });
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    zone.hidden = true;
    openFile(event.dataTransfer?.files?.[0]);
  });
}

wire();
if (servedByLens()) {
  startLive();
} else {
  ui.mode = 'file';
  ui.fileName = '(none)';
  render();
}
