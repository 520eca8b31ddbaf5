// The timeline of each stream's RFC 9113 states: one row per stream, a bar per state from the frame that entered it
// to the frame that left it.

import { h, s, sinceOpen } from './dom.js';

const LEFT = 230;
const RIGHT = 16;
const ROW = 24;
const TOP = 8;
const AXIS = 26;
const MAX_STREAMS = 200;
export const STATE_COLOURS = {
  open: '#116329',
  'half-closed (local)': '#0550ae',
  'half-closed (remote)': '#6639ba',
  'reserved (local)': '#7d4e00',
  'reserved (remote)': '#7d4e00',
  closed: '#57606a',
};

function colourOf(state) {
  if (STATE_COLOURS[state]) return STATE_COLOURS[state];
  return state.startsWith('half-closed') ? '#0550ae' : '#24292f';
}

export function renderTimeline(container, conn, filters) {
  const WIDTH = Math.max(620, Math.floor(container.clientWidth) - 12);
  let streams = [...conn.streams.values()].filter((stream) => stream.id > 0 && stream.states.length > 0
    && filters.streamVisible(conn, stream.id)).sort((a, b) => a.id - b.id);
  const hidden = Math.max(0, streams.length - MAX_STREAMS);
  streams = streams.slice(hidden);
  if (streams.length === 0) {
    container.replaceChildren(h('p', { class: 'empty' }, 'No stream yet.'));
    return;
  }
  const start = conn.opened;
  const end = Math.max(conn.last, start + 1);
  const height = TOP + streams.length * ROW + AXIS;
  const x = (time) => LEFT + ((time - start) / (end - start)) * (WIDTH - LEFT - RIGHT);
  const svg = s('svg', { width: WIDTH, height, viewBox: `0 0 ${WIDTH} ${height}`, role: 'img',
    'aria-label': `stream states of connection ${conn.id}: ` + streams.map((stream) =>
      `stream ${stream.id}: ${stream.states.map((state) => state.to).join(', then ')}`).join('; ') });
  for (let i = 0; i <= 5; i++) {
    const time = start + ((end - start) * i) / 5;
    svg.append(s('g', { class: 'tick' },
      s('line', { x1: x(time), x2: x(time), y1: TOP, y2: height - AXIS + 4, class: 'grid-line' }),
      s('text', { x: x(time), y: height - 8, 'text-anchor': i === 0 ? 'start' : i === 5 ? 'end' : 'middle' },
        sinceOpen(time - start))));
  }
  streams.forEach((stream, index) => {
    const top = TOP + index * ROW;
    const call = conn.callOf(stream.id);
    const method = call?.method ? ` ${call.method.replace(/^.*\//, '')}` : '';
    svg.append(s('text', { x: 6, y: top + 16, class: 'stream-label' }, `stream ${stream.id}${method}`));
    stream.states.forEach((state, i) => {
      const from = state.time;
      const to = i + 1 < stream.states.length ? stream.states[i + 1].time : end;
      const colour = colourOf(state.to);
      const tip = `stream ${stream.id}: ${state.from} → ${state.to} at ${sinceOpen(from - start)} by ${state.dir}'s `
        + `${state.cause}${state.seq ? ` (frame #${state.seq})` : ''}`;
      if (state.to === 'closed') {
        svg.append(s('rect', { x: x(from) - 1.5, y: top + 3, width: 3, height: ROW - 6, fill: colour },
          s('title', {}, tip)));
        return;
      }
      const width = Math.max(2, x(to) - x(from));
      const bar = s('g', {}, s('rect', { x: x(from), y: top + 3, width, height: ROW - 6, rx: 2, fill: colour }),
        s('title', {}, tip));
      if (width > state.to.length * 6 + 8) {
        bar.append(s('text', { x: x(from) + 4, y: top + 16, class: 'state-text' }, state.to));
      }
      svg.append(bar);
    });
  });
  const legend = h('ul', { class: 'chart-legend' },
    Object.entries(STATE_COLOURS).filter(([state]) => !state.startsWith('reserved (r')).map(([state, colour]) => {
      const swatch = h('span', { class: 'line', 'aria-hidden': 'true' });
      swatch.style.borderTopColor = colour;
      return h('li', {}, swatch, state === 'reserved (local)' ? 'reserved' : state);
    }));
  const note = hidden ? h('p', { class: 'hint' }, `${hidden} older streams not drawn; filter by stream to see one.`)
    : null;
  container.replaceChildren(...[note, svg, legend].filter(Boolean));
}
