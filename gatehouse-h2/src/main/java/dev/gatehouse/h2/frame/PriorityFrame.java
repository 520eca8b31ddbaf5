package dev.gatehouse.h2.frame;

/**
 * A PRIORITY frame (RFC 9113 §6.3, deprecated but still legal).
 *
 * @param streamId the stream
 * @param length the payload length (5)
 * @param flags no flags are defined; any set bit is shown raw
 * @param priority the priority fields
 */
public record PriorityFrame(int streamId, int length, Flags flags, Priority priority) implements Http2Frame {

  @Override
  public FrameType type() {
    return FrameType.PRIORITY;
  }
}
