package dev.gatehouse.h2.event;

/**
 * A flow-control window changed. Windows are identified by the side that sends DATA against them: {@code
 * dataSender} CLIENT and stream 0 is the client's connection-level send window (how much the server lets it send),
 * grown by the server's WINDOW_UPDATEs.
 *
 * @param timeNanos when the causing frame arrived
 * @param dataSender the side whose DATA the window limits
 * @param streamId the stream, or 0 for the connection window
 * @param before the window before (may be negative)
 * @param after the window after (may be negative)
 * @param cause what changed it
 * @param frameSeq the causing frame
 */
public record WindowEvent(long timeNanos, Direction dataSender, int streamId, long before, long after,
    WindowCause cause, long frameSeq) implements Event {}
