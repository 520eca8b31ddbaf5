package dev.gatehouse.h2.frame;

/**
 * A HEADERS frame (RFC 9113 §6.2). The decoded fields of the header block it starts are on the frame event that
 * ends the block (this frame when END_HEADERS is set, else the last CONTINUATION).
 *
 * @param streamId the stream
 * @param length the payload length, padding included
 * @param flags END_STREAM, END_HEADERS, PADDED, PRIORITY
 * @param padLength the Pad Length field, 0 when not PADDED
 * @param priority the priority fields when the PRIORITY flag is set, else {@code null}
 * @param fragmentLength the header block fragment's length
 */
public record HeadersFrame(int streamId, int length, Flags flags, int padLength, Priority priority, int fragmentLength)
    implements Http2Frame {

  @Override
  public FrameType type() {
    return FrameType.HEADERS;
  }

  /** Whether END_STREAM is set. */
  public boolean endStream() {
    return flags.has(Flags.END_STREAM);
  }

  /** Whether END_HEADERS is set. */
  public boolean endHeaders() {
    return flags.has(Flags.END_HEADERS);
  }
}
