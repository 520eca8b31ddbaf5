package dev.gatehouse.h2.event;

/**
 * A side that may still send DATA (it has not ended the stream, or, for the connection, has a stream it has not
 * ended) is out of window: the stream's window, or for {@code streamId} 0 the connection window, is zero or
 * negative. The lens cannot see the sender's queue, so this marks the moment a sender <em>would</em> block.
 *
 * @param timeNanos when the window reached zero or below
 * @param dataSender the side that cannot send
 * @param streamId the stream, or 0 for the connection window
 * @param window the window at that moment
 * @param frameSeq the frame that exhausted it
 */
public record StallStartEvent(long timeNanos, Direction dataSender, int streamId, long window, long frameSeq)
    implements Event {}
