package dev.gatehouse.h2.event;

/**
 * A valid connection preface (RFC 9113 §3.4): the client's 24-byte magic {@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n},
 * or the server's first frame being SETTINGS (reported just before that frame's event). A client preface is always
 * followed by its own SETTINGS frame, which is checked separately.
 *
 * @param timeNanos when it arrived
 * @param direction who sent it
 */
public record PrefaceEvent(long timeNanos, Direction direction) implements Event {}
