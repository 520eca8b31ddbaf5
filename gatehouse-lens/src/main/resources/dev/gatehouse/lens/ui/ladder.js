// The ladder (sequence) diagram of one connection: the client's lane on the left, the server's on the right, one
// arrow per frame from its sender, time going down.

import { FRAME_COLOURS, FRAME_TYPES } from './model.js';
import { s, sinceOpen } from './dom.js';

const CLIENT_X = 150;
const HEAD = 46;
const ROW = 30;
/** Rows drawn at most: the latest ones; filters reach older frames. */
export const MAX_ROWS = 4000;

function colourOf(type) {
  return FRAME_COLOURS[type] || FRAME_COLOURS.UNKNOWN;
}

function summary(frame) {
  const raw = frame.raw;
  const parts = [frame.type];
  if (frame.stream !== 0 || frame.type === 'HEADERS' || frame.type === 'DATA') parts.push(`stream ${frame.stream}`);
  const flags = frame.flags.filter((flag) => flag !== 'END_STREAM' && flag !== 'ACK');
  if (flags.length) parts.push(flags.join(' '));
  if (frame.type === 'WINDOW_UPDATE' && raw.increment !== undefined) parts.push(`+${raw.increment}`);
  if ((frame.type === 'RST_STREAM' || frame.type === 'GOAWAY') && raw.error_code) parts.push(raw.error_code);
  if (frame.type === 'GOAWAY' && raw.last_stream !== undefined) parts.push(`last ${raw.last_stream}`);
  if (frame.type === 'HEADERS') {
    const status = (raw.headers || []).find(([name]) => name === 'grpc-status');
    const path = (raw.headers || []).find(([name]) => name === ':path');
    if (path) parts.push(path[1].replace(/^.*\//, ''));
    if (status) parts.push(`grpc-status ${status[1]}`);
  }
  parts.push(`${frame.length} B`);
  return parts.join(' · ');
}

/** A spoken description of a frame for screen readers. */
export function describe(frame, conn) {
  const to = frame.dir === 'client' ? 'client to server' : 'server to client';
  return `frame ${frame.seq}, ${to}, ${frame.type} on stream ${frame.stream}`
    + (frame.flags.length ? `, flags ${frame.flags.join(' ')}` : '')
    + `, ${frame.length} bytes, at ${sinceOpen(frame.time - conn.opened)}`
    + (frame.findings.length ? `, evidence of ${frame.findings.map((f) => f.code).join(', ')}` : '');
}

function badge(x, text, colour) {
  const width = text.length * 6 + 8;
  return s('g', { class: 'mark', 'aria-hidden': 'true' },
    s('rect', { x: x - width / 2, y: 17, width, height: 12, rx: 3, fill: colour }),
    s('text', { x, y: 26, 'text-anchor': 'middle', class: 'mark-text' }, text));
}

/**
 * Draws `conn`'s frames that pass `filters` into `container`. Returns the drawn rows by frame seq.
 * options: highlight (Set of seqs), selected (seq), onSelect(frame).
 */
export function renderLadder(container, conn, filters, { highlight, selected, onSelect }) {
  const WIDTH = Math.max(620, Math.floor(container.clientWidth) - 18); // room for the scroll bar
  const SERVER_X = WIDTH - 70;
  const visible = conn.frames.filter((frame) => filters.frameVisible(conn, frame));
  const frames = visible.length > MAX_ROWS ? visible.slice(visible.length - MAX_ROWS) : visible;
  const height = HEAD + frames.length * ROW + 12;
  const svg = s('svg', { width: WIDTH, height, viewBox: `0 0 ${WIDTH} ${height}`, role: 'listbox',
    'aria-label': `frames of connection ${conn.id}`, 'aria-multiselectable': 'false', class: 'ladder-svg' });
  const defs = s('defs');
  for (const type of FRAME_TYPES) {
    defs.append(s('marker', { id: `arrow-${type}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7,
      markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', fill: colourOf(type) })));
  }
  svg.append(defs);
  svg.append(
    s('text', { x: CLIENT_X, y: 16, 'text-anchor': 'middle', class: 'lane-label' }, 'Client'),
    s('text', { x: CLIENT_X, y: 32, 'text-anchor': 'middle', class: 'lane-address' }, conn.client || ''),
    s('text', { x: SERVER_X, y: 16, 'text-anchor': 'middle', class: 'lane-label' }, 'Server'),
    s('text', { x: SERVER_X, y: 32, 'text-anchor': 'middle', class: 'lane-address' }, conn.upstream || ''),
    s('text', { x: 8, y: 32, class: 'lane-address' }, 'since open'),
    s('line', { x1: CLIENT_X, y1: HEAD - 6, x2: CLIENT_X, y2: height, class: 'lane' }),
    s('line', { x1: SERVER_X, y1: HEAD - 6, x2: SERVER_X, y2: height, class: 'lane' }));
  const rows = new Map();
  frames.forEach((frame, index) => {
    const colour = colourOf(frame.type);
    const fromClient = frame.dir === 'client';
    const x1 = fromClient ? CLIENT_X + 4 : SERVER_X - 4;
    const x2 = fromClient ? SERVER_X - 6 : CLIENT_X + 6;
    const classes = ['row'];
    if (highlight.has(frame.seq)) classes.push('evidence');
    if (selected === frame.seq) classes.push('selected');
    const row = s('g', { class: classes.join(' '), transform: `translate(0 ${HEAD + index * ROW})`, role: 'option',
      tabindex: '-1', 'aria-selected': selected === frame.seq ? 'true' : 'false', 'aria-label': describe(frame, conn),
      dataset: { seq: frame.seq, type: frame.type, stream: frame.stream } },
      s('rect', { class: 'bg', x: 0, y: 0, width: WIDTH, height: ROW }),
      s('text', { x: 6, y: 20, class: 'time' }, sinceOpen(frame.time - conn.opened)),
      s('line', { x1, y1: 22, x2, y2: 22, stroke: colour, 'stroke-width': frame.type === 'DATA' ? 3 : 2,
        'marker-end': `url(#arrow-${FRAME_COLOURS[frame.type] ? frame.type : 'UNKNOWN'})` }),
      s('text', { x: (CLIENT_X + SERVER_X) / 2, y: 14, 'text-anchor': 'middle', fill: colour,
        'font-weight': frame.type === 'DATA' ? 400 : 600 }, `#${frame.seq} ${summary(frame)}`));
    const end = fromClient ? SERVER_X - 44 : CLIENT_X + 44;
    if (frame.flags.includes('END_STREAM')) row.append(badge(end, 'END_STREAM', colour));
    if (frame.flags.includes('ACK')) row.append(badge(end, 'ACK', colour));
    if (frame.findings.length) {
      row.append(s('text', { x: WIDTH - 14, y: 20, class: 'warn-mark', 'aria-hidden': 'true' }, '!'));
    }
    row.append(s('title', {}, describe(frame, conn)));
    row.addEventListener('click', () => onSelect(frame));
    rows.set(frame.seq, row);
    svg.append(row);
  });
  container.replaceChildren(svg);
  return { rows, hidden: visible.length - frames.length, shown: frames.length, total: conn.frames.length };
}
