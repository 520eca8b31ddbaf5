package dev.gatehouse.h2.frame;

/**
 * A DATA frame (RFC 9113 §6.1). The payload itself is handed to the gRPC layer, not kept here.
 *
 * @param streamId the stream
 * @param length the payload length, padding included (what flow control counts)
 * @param flags END_STREAM, PADDED
 * @param padLength the Pad Length field, 0 when not PADDED
 * @param dataLength the data bytes, without the Pad Length byte and the padding
 */
public record DataFrame(int streamId, int length, Flags flags, int padLength, int dataLength) implements Http2Frame {

  @Override
  public FrameType type() {
    return FrameType.DATA;
  }

  /** Whether END_STREAM is set. */
  public boolean endStream() {
    return flags.has(Flags.END_STREAM);
  }
}
