package dev.gatehouse.h2.event;

/**
 * The connection's end: one side closed it, or the capture ended.
 *
 * @param timeNanos when
 * @param closedBy the side that closed first, or {@code null} when the caller ended decoding ({@code onEnd})
 * @param clientGoAway whether the client sent a GOAWAY before
 * @param serverGoAway whether the server sent a GOAWAY before
 * @param frames the frames decoded, both directions
 * @param clientBytes the bytes the client sent
 * @param serverBytes the bytes the server sent
 */
public record ConnectionEndEvent(long timeNanos, Direction closedBy, boolean clientGoAway, boolean serverGoAway,
    long frames, long clientBytes, long serverBytes) implements Event {}
