package dev.gatehouse.h2.frame;

/**
 * An RST_STREAM frame (RFC 9113 §6.4).
 *
 * @param streamId the stream
 * @param length the payload length (4)
 * @param flags no flags are defined; any set bit is shown raw
 * @param errorCode why the stream was reset
 */
public record RstStreamFrame(int streamId, int length, Flags flags, ErrorCode errorCode) implements Http2Frame {

  @Override
  public FrameType type() {
    return FrameType.RST_STREAM;
  }
}
