package dev.gatehouse.h2.event;

/** A breach of RFC 9113 or RFC 7541 the decoder detected. */
public enum ViolationKind {
  /** The client's first 24 bytes were not the connection preface magic. */
  BAD_CLIENT_PREFACE(false),
  /** The first frame after the client magic, or the server's first frame, was not SETTINGS. */
  FIRST_FRAME_NOT_SETTINGS(false),
  /** A frame whose length does not fit its type, padding longer than the payload, and the like. */
  MALFORMED_FRAME(false),
  /** A frame larger than the receiver's SETTINGS_MAX_FRAME_SIZE. */
  FRAME_TOO_LARGE(false),
  /** A connection-level frame type (SETTINGS, PING, GOAWAY) on a stream, or a stream frame on stream 0. */
  WRONG_STREAM_ID(false),
  /** A frame other than CONTINUATION while a header block was open, or CONTINUATION with none open. */
  CONTINUATION_INTERLEAVED(false),
  /** A header block that HPACK cannot decode (COMPRESSION_ERROR); later blocks may decode wrongly. */
  COMPRESSION_ERROR(false),
  /** A header block larger (Σ name+value+32) than the receiver's SETTINGS_MAX_HEADER_LIST_SIZE. */
  HEADER_LIST_TOO_LARGE(false),
  /** A client opened a stream with an even id. */
  EVEN_CLIENT_STREAM_ID(false),
  /** A new stream's id is not greater than every id the same side opened before. */
  DECREASING_STREAM_ID(false),
  /** DATA (or another stream frame other than HEADERS/PRIORITY) on a stream never opened. */
  FRAME_ON_IDLE_STREAM(false),
  /** HEADERS on a closed stream (other than trailers racing a reset). */
  HEADERS_ON_CLOSED_STREAM(false),
  /** DATA on a stream both sides had ended, or on a closed stream the decoder no longer remembers. */
  FRAME_ON_CLOSED_STREAM(false),
  /** DATA or HEADERS from a side that had already ended the stream with END_STREAM. */
  FRAME_AFTER_END_STREAM(false),
  /** A frame after the same side reset the stream. */
  FRAME_AFTER_RST_STREAM(false),
  /**
   * A frame from one side shortly after the other side reset the stream (the frames crossed on the wire);
   * RFC 9113 §5.1 tolerates them, so this is information, not an error.
   */
  LATE_FRAME_AFTER_RESET(true),
  /** A new stream beyond the receiver's SETTINGS_MAX_CONCURRENT_STREAMS. */
  TOO_MANY_CONCURRENT_STREAMS(false),
  /** PUSH_PROMISE from a client, or to a client that disabled push. */
  PUSH_NOT_ALLOWED(false),
  /** DATA beyond the flow-control window (the window went negative by DATA, not by a SETTINGS change). */
  FLOW_CONTROL_EXCEEDED(false),
  /** A WINDOW_UPDATE pushing a window over 2^31-1. */
  WINDOW_OVERFLOW(false),
  /** A WINDOW_UPDATE with increment 0. */
  ZERO_WINDOW_INCREMENT(false),
  /** A SETTINGS value out of range (ENABLE_PUSH not 0/1, INITIAL_WINDOW_SIZE over 2^31-1, MAX_FRAME_SIZE). */
  INVALID_SETTING(false),
  /** A SETTINGS ACK with nothing to acknowledge, or a PING ACK matching no PING. */
  UNEXPECTED_ACK(false),
  /** A new stream opened above the last stream id of a GOAWAY its opener received. */
  STREAM_AFTER_GOAWAY(false);

  private final boolean tolerated;

  ViolationKind(boolean tolerated) {
    this.tolerated = tolerated;
  }

  /** Whether RFC 9113 tolerates it (an informational note rather than an error). */
  public boolean tolerated() {
    return tolerated;
  }
}
