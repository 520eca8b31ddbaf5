// The flow-control chart of one connection: each window (connection or stream, per sender of DATA) over time as a
// step line, with the intervals in which a sender was blocked by an exhausted window shaded.

import { bytes, h, s, sinceOpen } from './dom.js';

const HEIGHT = 260;
const LEFT = 70;
const RIGHT = 16;
const TOP = 12;
const BOTTOM = 30;
const MAX_SERIES = 10;
export const SERIES_COLOURS = ['#0550ae', '#b3261e', '#116329', '#6639ba', '#7d4e00', '#0a6670', '#99286e',
  '#3d5a2a', '#57606a', '#86061d'];

function name(series) {
  const who = `${series.sender} sends`;
  return series.stream === 0 ? `connection, ${who}` : `stream ${series.stream}, ${who}`;
}

/**
 * One chart per sender of DATA (each with its own scale: a client's 1 MiB windows would flatten a server's 64 KiB
 * ones).
 */
export function renderWindows(container, conn, filters) {
  const width = Math.max(620, Math.floor(container.clientWidth) - 12);
  const visible = [...conn.windows.values()].filter((series) => series.stream === 0
    || filters.streamVisible(conn, series.stream));
  if (visible.length === 0) {
    container.replaceChildren(h('p', { class: 'empty' }, 'No DATA yet, so no window has moved.'));
    return;
  }
  const blocks = [];
  for (const sender of ['client', 'server']) {
    const series = visible.filter((one) => one.sender === sender);
    if (series.length === 0) continue;
    blocks.push(h('h3', { class: 'chart-title' }, sender === 'client'
      ? 'What the client may send (the server\'s receive windows)'
      : 'What the server may send (the client\'s receive windows)'),
    ...chart(width, conn, filters, sender, series));
  }
  container.replaceChildren(...blocks);
}

function chart(WIDTH, conn, filters, sender, chosen) {
  let all = chosen;
  if (all.length > MAX_SERIES) {
    const latest = (series) => series.points[series.points.length - 1].time;
    const connection = all.filter((series) => series.stream === 0);
    const streams = all.filter((series) => series.stream !== 0).sort((a, b) => latest(b) - latest(a));
    all = connection.concat(streams.slice(0, MAX_SERIES - connection.length));
  }
  all.sort((a, b) => a.stream - b.stream || a.sender.localeCompare(b.sender));
  const start = conn.opened;
  const end = Math.max(conn.last, start + 1);
  let max = 1;
  let min = 0;
  for (const series of all) {
    for (const point of series.points) {
      max = Math.max(max, point.value);
      min = Math.min(min, point.value);
    }
  }
  max *= 1.05;
  const x = (time) => LEFT + ((time - start) / (end - start)) * (WIDTH - LEFT - RIGHT);
  const y = (value) => TOP + (1 - (value - min) / (max - min)) * (HEIGHT - TOP - BOTTOM);
  const svg = s('svg', { width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-label': `flow-control windows of connection ${conn.id} for what the ${sender} sends: ` + all.map((series) =>
      `${name(series)} ends at ${series.points[series.points.length - 1].value} bytes`).join('; ') });
  for (let i = 0; i <= 4; i++) {
    const value = min + ((max - min) * i) / 4;
    svg.append(s('g', { class: 'tick' },
      s('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: y(value), y2: y(value), class: 'grid-line' }),
      s('text', { x: LEFT - 6, y: y(value) + 4, 'text-anchor': 'end' }, bytes(Math.round(value)))));
  }
  for (let i = 0; i <= 5; i++) {
    const time = start + ((end - start) * i) / 5;
    svg.append(s('g', { class: 'tick' },
      s('line', { x1: x(time), x2: x(time), y1: HEIGHT - BOTTOM, y2: HEIGHT - BOTTOM + 4 }),
      s('text', { x: x(time), y: HEIGHT - 10, 'text-anchor': i === 0 ? 'start' : i === 5 ? 'end' : 'middle' },
        sinceOpen(time - start))));
  }
  svg.append(s('line', { class: 'axis-line', x1: LEFT, x2: WIDTH - RIGHT, y1: y(0), y2: y(0), stroke: '#57606a',
    'stroke-width': 1 }));
  for (const stall of conn.stalls) {
    if (stall.sender !== sender || stall.stream !== 0 && !filters.streamVisible(conn, stall.stream)) continue;
    const from = x(stall.start);
    const to = x(stall.end ?? end);
    svg.append(s('rect', { class: 'stall', x: from, y: TOP, width: Math.max(2, to - from),
      height: HEIGHT - TOP - BOTTOM }, s('title', {}, `${stall.sender} blocked on ${stall.stream === 0
      ? 'the connection window' : `stream ${stall.stream}'s window`} for ${((stall.end ?? end) - stall.start)
      .toFixed(1)} ms`)));
  }
  const legend = h('ul', { class: 'chart-legend' });
  all.forEach((series, index) => {
    const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
    let d = '';
    series.points.forEach((point, i) => {
      d += i === 0 ? `M${x(point.time)},${y(point.value)}` : `H${x(point.time)}V${y(point.value)}`;
    });
    d += `H${x(end)}`;
    svg.append(s('path', { d, class: series.stream === 0 ? 'series dashed' : 'series', stroke: colour },
      s('title', {}, name(series))));
    const last = series.points[series.points.length - 1].value;
    const lowest = Math.min(...series.points.map((point) => point.value));
    legend.append(h('li', {},
      h('span', { class: series.stream === 0 ? 'line dashed' : 'line', style: null, 'aria-hidden': 'true',
        'data-colour': colour }),
      `${name(series)}: now ${bytes(last)}, lowest ${bytes(lowest)}`));
  });
  // CSP forbids inline style attributes; CSSOM assignments are allowed.
  legend.querySelectorAll('[data-colour]').forEach((line) => { line.style.borderTopColor = line.dataset.colour; });
  return [svg, legend];
}
