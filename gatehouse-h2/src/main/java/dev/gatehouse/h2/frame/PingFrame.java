package dev.gatehouse.h2.frame;

/**
 * A PING frame (RFC 9113 §6.7).
 *
 * @param streamId the stream (0 unless the peer is broken)
 * @param length the payload length (8)
 * @param flags ACK
 * @param opaqueData the 8 opaque bytes as a big-endian number
 */
public record PingFrame(int streamId, int length, Flags flags, long opaqueData) implements Http2Frame {

  @Override
  public FrameType type() {
    return FrameType.PING;
  }

  /** Whether this frame answers a PING. */
  public boolean ack() {
    return flags.has(Flags.ACK);
  }

  /** The opaque data as 16 lowercase hex digits, e.g. {@code 00000000000004d2}. */
  public String opaqueHex() {
    return String.format("%016x", opaqueData);
  }
}
