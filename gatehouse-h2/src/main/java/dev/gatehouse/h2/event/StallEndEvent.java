package dev.gatehouse.h2.event;

/**
 * The end of a stall reported by a {@link StallStartEvent}: the window grew above zero, or the stream or connection
 * ended while still stalled.
 *
 * @param timeNanos when it ended
 * @param dataSender the side that could not send
 * @param streamId the stream, or 0 for the connection window
 * @param startNanos when the stall started
 * @param durationNanos how long it lasted
 * @param window the window at the end
 * @param reason {@code WINDOW_UPDATE}, {@code SETTINGS}, {@code stream closed} or {@code connection closed}
 * @param frameSeq the frame that ended it, or -1 when the connection's end did
 */
public record StallEndEvent(long timeNanos, Direction dataSender, int streamId, long startNanos, long durationNanos,
    long window, String reason, long frameSeq) implements Event {}
