package dev.gatehouse.lens.detect;

/**
 * Every kind of finding the lens reports; the name is the {@code code} in outputs. {@code docs/lens-format.md}
 * explains each one and what to do about it.
 */
public enum FindingCode {
  /** A call ended without {@code grpc-status}: DATA END_STREAM, or final HEADERS lacking it. */
  MISSING_GRPC_STATUS,
  /** A gRPC call got an HTTP {@code :status} other than 200 (a proxy or a non-gRPC server answered). */
  HTTP_STATUS_NOT_200,
  /** A side reset a stream before the server's trailers. */
  RST_BEFORE_TRAILERS,
  /** The client cancelled a call (RST_STREAM CANCEL before its deadline). */
  CALL_CANCELLED,
  /** A call ran out of time: DEADLINE_EXCEEDED trailers, or the client's RST_STREAM CANCEL at its deadline. */
  DEADLINE_EXCEEDED,
  /** The connection closed (or the capture ended) while a call was in flight. */
  CALL_INTERRUPTED,
  /** A GOAWAY's last stream id shows the server never processed a call; it is safe to retry. */
  CALL_REFUSED_BY_GOAWAY,
  /** A GOAWAY with NO_ERROR: a graceful drain (server shutdown, max connection age) or a client going away. */
  GOAWAY_GRACEFUL,
  /** A GOAWAY with an error code. */
  GOAWAY_ERROR,
  /** GOAWAY ENHANCE_YOUR_CALM {@code too_many_pings}: the client's keepalive is more aggressive than allowed. */
  TOO_MANY_PINGS,
  /** A PING got no ACK within the timeout, or before the connection ended. */
  UNANSWERED_PING,
  /** A sender had a zero flow-control window (it could not send DATA) for a long time, or until the end. */
  FLOW_CONTROL_STALL,
  /** Short flow-control stalls, summed at the connection's end. */
  FLOW_CONTROL_WINDOW_EXHAUSTED,
  /** The client had as many streams open as the server's SETTINGS_MAX_CONCURRENT_STREAMS: new calls queue. */
  STREAMS_AT_LIMIT,
  /** A new stream went over the peer's SETTINGS_MAX_CONCURRENT_STREAMS. */
  TOO_MANY_CONCURRENT_STREAMS,
  /** A header block larger than the receiver's SETTINGS_MAX_HEADER_LIST_SIZE. */
  HEADERS_TOO_LARGE,
  /** A gRPC message longer than 4 MiB, the default receive limit of every gRPC implementation. */
  MESSAGE_TOO_LARGE,
  /** A gRPC message cut off by END_STREAM, RST_STREAM or the connection's end. */
  TRUNCATED_MESSAGE,
  /** A gRPC request without {@code te: trailers}. */
  MISSING_TE_TRAILERS,
  /** A request or response {@code content-type} that is not {@code application/grpc}. */
  WRONG_CONTENT_TYPE,
  /** A compressed message without a usable {@code grpc-encoding}, or an encoding the peer does not accept. */
  COMPRESSION_MISMATCH,
  /** HTTP/1.x spoken where HTTP/2 was expected (request to the lens, or response from upstream). */
  HTTP1_ON_HTTP2_PORT,
  /** TLS bytes where plaintext HTTP/2 (h2c) was expected. */
  TLS_ON_PLAINTEXT_PORT,
  /** The connection did not start with the HTTP/2 preface. */
  BAD_PREFACE,
  /** The connection closed without a GOAWAY from either side. */
  CLOSED_WITHOUT_GOAWAY,
  /** A breach of RFC 9113 or RFC 7541 the decoder detected (the text names the rule). */
  PROTOCOL_VIOLATION,
  /** Frames that crossed a reset on the wire; RFC 9113 tolerates them. */
  LATE_FRAME_AFTER_RESET,
  /** The lens could not connect to the upstream. */
  UPSTREAM_UNREACHABLE,
  /** The decoder failed on this connection's bytes; forwarding went on, decoding stopped. */
  DECODER_FAILURE,
  /** An output or other listener failed; it gets no more events of this connection. */
  LISTENER_FAILURE
}
