package dev.gatehouse.h2.frame;

/**
 * A WINDOW_UPDATE frame (RFC 9113 §6.9).
 *
 * @param streamId the stream whose window grows, or 0 for the connection window
 * @param length the payload length (4)
 * @param flags no flags are defined; any set bit is shown raw
 * @param increment the window size increment (31 bits; 0 is a protocol error but is shown as sent)
 */
public record WindowUpdateFrame(int streamId, int length, Flags flags, int increment) implements Http2Frame {

  @Override
  public FrameType type() {
    return FrameType.WINDOW_UPDATE;
  }
}
