package dev.gatehouse.h2.event;

import dev.gatehouse.h2.frame.Http2Frame;
import dev.gatehouse.h2.hpack.HeaderBlock;

/**
 * One frame, decoded.
 *
 * @param timeNanos when the frame's last byte arrived
 * @param direction who sent it
 * @param seq the frame's sequence number on this connection, both directions counted, from 1
 * @param frame the frame
 * @param headerBlock the decoded header block when this frame ends one (HEADERS or PUSH_PROMISE with END_HEADERS,
 *     or the CONTINUATION with END_HEADERS, which then carries the whole block), else {@code null}
 */
public record FrameEvent(long timeNanos, Direction direction, long seq, Http2Frame frame, HeaderBlock headerBlock)
    implements Event {}
