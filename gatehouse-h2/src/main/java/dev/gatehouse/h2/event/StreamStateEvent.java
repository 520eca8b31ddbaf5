package dev.gatehouse.h2.event;

import dev.gatehouse.h2.stream.StreamState;

/**
 * A stream changed state (RFC 9113 §5.1). States are named from the client's point of view: "local" is the client
 * (the endpoint that sent the preface), "remote" the server; so a request with END_STREAM moves a stream to
 * {@code half-closed (local)}.
 *
 * @param timeNanos when the causing frame arrived
 * @param streamId the stream
 * @param from the state before
 * @param to the state after
 * @param direction who sent the causing frame
 * @param causeSeq the causing frame's sequence number, or -1 when the connection's end closed the stream
 * @param cause what caused it, e.g. {@code HEADERS}, {@code DATA END_STREAM}, {@code RST_STREAM CANCEL},
 *     {@code PUSH_PROMISE}, {@code connection closed}
 */
public record StreamStateEvent(long timeNanos, int streamId, StreamState from, StreamState to, Direction direction,
    long causeSeq, String cause) implements Event {}
