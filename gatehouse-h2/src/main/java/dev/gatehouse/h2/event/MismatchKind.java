package dev.gatehouse.h2.event;

/** What a peer sent instead of HTTP/2. */
public enum MismatchKind {
  /** HTTP/1.x request text, e.g. {@code GET / HTTP/1.1}: an HTTP/1 client on an h2c port. */
  HTTP1_REQUEST,
  /** HTTP/1.x response text, e.g. {@code HTTP/1.1 505}: an HTTP/1-only server or proxy. */
  HTTP1_RESPONSE,
  /** A TLS record (handshake or alert): one side speaks TLS, the other plaintext h2c. */
  TLS,
  /** Bytes that are neither the client magic nor a SETTINGS frame nor any of the above. */
  BAD_PREFACE
}
