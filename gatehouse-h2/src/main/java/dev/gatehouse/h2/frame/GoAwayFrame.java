package dev.gatehouse.h2.frame;

import java.nio.charset.StandardCharsets;

/**
 * A GOAWAY frame (RFC 9113 §6.8).
 *
 * @param streamId the stream (0 unless the peer is broken)
 * @param length the payload length
 * @param flags no flags are defined; any set bit is shown raw
 * @param lastStreamId the highest peer-initiated stream the sender may have processed
 * @param errorCode why the connection is going away
 * @param debugData the additional debug data (opaque; usually text such as {@code too_many_pings})
 */
public record GoAwayFrame(int streamId, int length, Flags flags, int lastStreamId, ErrorCode errorCode,
    byte[] debugData) implements Http2Frame {

  public GoAwayFrame {
    debugData = debugData.clone();
  }

  @Override
  public FrameType type() {
    return FrameType.GOAWAY;
  }

  @Override
  public byte[] debugData() {
    return debugData.clone();
  }

  /** The debug data as UTF-8 text, malformed sequences replaced; empty when there is none. */
  public String debugText() {
    return new String(debugData, StandardCharsets.UTF_8);
  }

  /** The first GOAWAY of a graceful drain: last stream id 2^31-1 with NO_ERROR (RFC 9113 §6.8). */
  public boolean drainAnnouncement() {
    return lastStreamId == Integer.MAX_VALUE && errorCode.code() == 0;
  }
}
