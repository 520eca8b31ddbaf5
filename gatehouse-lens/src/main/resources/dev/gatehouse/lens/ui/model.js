// What the page knows: the lens's JSON Lines events (docs/lens-format.md) folded into connections, frames, streams,
// calls, windows and findings. The same model is fed live (Server-Sent Events) or from a saved file.

export const FRAME_TYPES = ['DATA', 'HEADERS', 'PRIORITY', 'RST_STREAM', 'SETTINGS', 'PUSH_PROMISE', 'PING',
  'GOAWAY', 'WINDOW_UPDATE', 'CONTINUATION', 'UNKNOWN'];

// Stroke and text colours on white; each reaches 4.5:1 (checked by the browser test).
export const FRAME_COLOURS = {
  DATA: '#0550ae',
  HEADERS: '#116329',
  PRIORITY: '#57606a',
  RST_STREAM: '#b3261e',
  SETTINGS: '#6639ba',
  PUSH_PROMISE: '#99286e',
  PING: '#7d4e00',
  GOAWAY: '#86061d',
  WINDOW_UPDATE: '#0a6670',
  CONTINUATION: '#3d5a2a',
  UNKNOWN: '#24292f',
};

export const IN_PROGRESS = 'in progress';

/** RFC 3339 with microseconds ("2026-01-02T03:04:05.000123Z") as milliseconds since the epoch, fractions kept. */
export function parseTime(text) {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(text || '');
  if (!match) return NaN;
  const whole = Date.parse(match[1] + match[3]);
  return match[2] ? whole + Number(`0.${match[2]}`) * 1000 : whole;
}

class Connection {
  constructor(id, time) {
    this.id = id;
    this.client = null;
    this.upstream = null;
    this.opened = time;
    this.last = time;
    this.ended = null;
    this.frames = [];
    this.framesBySeq = new Map();
    this.streams = new Map();
    this.calls = new Map();
    this.windows = new Map();
    this.stalls = [];
    this.findings = [];
    this.events = 0;
  }

  stream(id) {
    let stream = this.streams.get(id);
    if (!stream) {
      stream = { id, states: [], frames: 0 };
      this.streams.set(id, stream);
    }
    return stream;
  }

  call(stream) {
    let call = this.calls.get(stream);
    if (!call) {
      call = { conn: this.id, stream, method: null, start: null, request: null, response: null, trailers: null,
        end: null, messages: [] };
      this.calls.set(stream, call);
    }
    return call;
  }

  /** The call on `stream`, if any. */
  callOf(stream) {
    return this.calls.get(stream);
  }

  window(sender, stream) {
    const key = `${sender}:${stream}`;
    let series = this.windows.get(key);
    if (!series) {
      series = { key, sender, stream, points: [] };
      this.windows.set(key, series);
    }
    return series;
  }
}

/** The status shown for a call: the gRPC status name, or "in progress" until the call ends. */
export function statusOf(call) {
  if (call.end) return call.end.status_name || 'UNKNOWN';
  if (call.trailers && call.trailers.status_name) return call.trailers.status_name;
  return IN_PROGRESS;
}

export class LensModel {
  constructor() {
    this.reset();
  }

  reset() {
    this.connections = new Map();
    this.findings = [];
    this.events = 0;
    this.dropped = 0;
    this.invalid = 0;
    this.version = (this.version || 0) + 1;
  }

  connection(id, time) {
    let conn = this.connections.get(id);
    if (!conn) {
      conn = new Connection(id, time);
      this.connections.set(id, conn);
    }
    return conn;
  }

  /** Folds one event (a parsed JSON Lines object) into the model. */
  add(event) {
    this.events++;
    const time = parseTime(event.time);
    if (event.event === 'dropped') {
      this.dropped += event.count || 0;
      return;
    }
    if (!Number.isFinite(event.conn) || event.conn < 1) return;
    const conn = this.connection(event.conn, time);
    conn.events++;
    if (Number.isFinite(time)) {
      if (!Number.isFinite(conn.opened) || time < conn.opened) conn.opened = time;
      if (!Number.isFinite(conn.last) || time > conn.last) conn.last = time;
    }
    switch (event.event) {
      case 'open':
        conn.client = event.client;
        conn.upstream = event.upstream;
        conn.opened = time;
        break;
      case 'frame': {
        const frame = { seq: event.seq, time, dir: event.dir, type: event.type, stream: event.stream,
          flags: event.flags || [], length: event.length, raw: event, findings: [] };
        conn.frames.push(frame);
        if (Number.isFinite(event.seq)) conn.framesBySeq.set(event.seq, frame);
        if (event.stream > 0) conn.stream(event.stream).frames++;
        break;
      }
      case 'state':
        conn.stream(event.stream).states.push({ time, from: event.from, to: event.to, cause: event.cause,
          dir: event.dir, seq: event.seq });
        break;
      case 'window': {
        const series = conn.window(event.data_sender, event.stream);
        if (series.points.length === 0 && Number.isFinite(event.before)) {
          series.points.push({ time, value: event.before, seq: event.seq });
        }
        series.points.push({ time, value: event.after, seq: event.seq, cause: event.cause });
        break;
      }
      case 'stall_start':
        conn.stalls.push({ sender: event.data_sender, stream: event.stream, start: time, end: null,
          window: event.window });
        break;
      case 'stall_end': {
        const open = conn.stalls.findLast?.((stall) => stall.end === null && stall.stream === event.stream
            && stall.sender === event.data_sender);
        if (open) {
          open.end = time;
          open.reason = event.reason;
        }
        break;
      }
      case 'call_start': {
        const call = conn.call(event.stream);
        call.method = event.method;
        call.start = time;
        call.request = event;
        conn.stream(event.stream);
        break;
      }
      case 'response_headers':
        conn.call(event.stream).response = event;
        break;
      case 'message': {
        const call = conn.call(event.stream);
        call.method = call.method || event.method;
        call.messages.push({ ...event, parsedTime: time });
        break;
      }
      case 'trailers':
        conn.call(event.stream).trailers = event;
        break;
      case 'call': {
        const call = conn.call(event.stream);
        call.method = call.method || event.method;
        call.end = event;
        break;
      }
      case 'finding': {
        const finding = { ...event, parsedTime: time, index: this.findings.length };
        conn.findings.push(finding);
        this.findings.push(finding);
        for (const seq of event.evidence || []) conn.framesBySeq.get(seq)?.findings.push(finding);
        break;
      }
      case 'connection_end':
        conn.ended = event;
        break;
      default:
        break; // preface, ping, settings_ack, violation, mismatch: shown through their frames and findings
    }
  }

  /** Every method and status seen, for the filters. */
  choices() {
    const methods = new Set();
    const statuses = new Set();
    for (const conn of this.connections.values()) {
      for (const call of conn.calls.values()) {
        if (call.method) methods.add(call.method);
        statuses.add(statusOf(call));
      }
    }
    return { methods: [...methods].sort(), statuses: [...statuses].sort() };
  }
}
