package dev.gatehouse.h2.stream;

/** What a HEADERS frame was to its stream, as {@link StreamTracker#onHeaders} judged it. */
public enum HeadersRole {
  /** It opened a client stream: a request. */
  REQUEST,
  /** It started the response on a stream the server had promised. */
  PUSH_RESPONSE,
  /** Later headers on a live stream: response headers or trailers. */
  FOLLOWING,
  /** It was on a stream it could not belong to (closed, idle, already ended by its sender). */
  STRAY
}
