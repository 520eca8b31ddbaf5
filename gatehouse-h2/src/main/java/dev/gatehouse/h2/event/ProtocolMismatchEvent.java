package dev.gatehouse.h2.event;

/**
 * A direction did not start with HTTP/2: HTTP/1.x text, TLS, or other bytes in place of the preface. Decoding of
 * that direction stops here (its later bytes are counted, not decoded); the other direction goes on.
 *
 * @param timeNanos when the bytes arrived
 * @param direction who sent them
 * @param kind what they look like
 * @param excerpt the first bytes as text: the first line for HTTP/1.x, hex for TLS and unknown bytes (at most 64
 *     bytes)
 */
public record ProtocolMismatchEvent(long timeNanos, Direction direction, MismatchKind kind, String excerpt)
    implements Event {}
