package dev.gatehouse.h2.frame;

/**
 * A CONTINUATION frame (RFC 9113 §6.10).
 *
 * @param streamId the stream
 * @param length the payload length (the fragment's length)
 * @param flags END_HEADERS
 */
public record ContinuationFrame(int streamId, int length, Flags flags) implements Http2Frame {

  @Override
  public FrameType type() {
    return FrameType.CONTINUATION;
  }

  /** Whether END_HEADERS is set. */
  public boolean endHeaders() {
    return flags.has(Flags.END_HEADERS);
  }
}
