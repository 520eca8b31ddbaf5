// The filters: by method, status, stream and frame type. A method, status or stream filter narrows everything to the
// matching streams (connection-level frames on stream 0 are hidden then); the frame types narrow the ladder.

import { FRAME_TYPES, statusOf } from './model.js';

export class Filters {
  constructor() {
    this.clear();
  }

  clear() {
    this.method = '';
    this.status = '';
    this.stream = '';
    this.types = new Set(FRAME_TYPES);
  }

  /** Whether only some streams are shown. */
  narrowsStreams() {
    return this.method !== '' || this.status !== '' || this.stream !== '';
  }

  streamVisible(conn, streamId) {
    if (!this.narrowsStreams()) return true;
    if (this.stream !== '' && String(streamId) !== this.stream) return false;
    if (this.method === '' && this.status === '') return true;
    const call = conn.callOf(streamId);
    if (!call) return false;
    if (this.method !== '' && call.method !== this.method) return false;
    if (this.status !== '' && statusOf(call) !== this.status) return false;
    return true;
  }

  frameVisible(conn, frame) {
    const type = FRAME_TYPES.includes(frame.type) ? frame.type : 'UNKNOWN';
    return this.types.has(type) && this.streamVisible(conn, frame.stream);
  }

  callVisible(conn, call) {
    return this.streamVisible(conn, call.stream);
  }
}
