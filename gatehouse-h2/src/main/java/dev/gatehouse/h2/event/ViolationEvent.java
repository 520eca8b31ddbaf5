package dev.gatehouse.h2.event;

/**
 * A protocol violation and who committed it.
 *
 * @param timeNanos when the offending bytes arrived
 * @param offender who sent them
 * @param streamId the stream concerned, 0 for the connection
 * @param frameSeq the offending frame's sequence number, or -1 when no frame is to blame (e.g. a bad preface)
 * @param kind what rule was broken
 * @param text the details in plain words
 */
public record ViolationEvent(long timeNanos, Direction offender, int streamId, long frameSeq, ViolationKind kind,
    String text) implements Event {}
