package dev.gatehouse.h2.frame;

/**
 * A PUSH_PROMISE frame (RFC 9113 §6.6).
 *
 * @param streamId the stream the promise is associated with
 * @param length the payload length, padding included
 * @param flags END_HEADERS, PADDED
 * @param padLength the Pad Length field, 0 when not PADDED
 * @param promisedStreamId the stream the server reserves
 * @param fragmentLength the header block fragment's length
 */
public record PushPromiseFrame(
    int streamId, int length, Flags flags, int padLength, int promisedStreamId, int fragmentLength)
    implements Http2Frame {

  @Override
  public FrameType type() {
    return FrameType.PUSH_PROMISE;
  }

  /** Whether END_HEADERS is set. */
  public boolean endHeaders() {
    return flags.has(Flags.END_HEADERS);
  }
}
