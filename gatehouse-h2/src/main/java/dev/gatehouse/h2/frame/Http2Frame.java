package dev.gatehouse.h2.frame;

/**
 * One HTTP/2 frame as it was on the wire (RFC 9113 §4.1): the 9-byte header's fields plus the type's payload fields.
 *
 * <p>{@link #length()} is the payload length from the frame header (padding included). Header block fragments are
 * not kept here: the decoded fields of a complete header block travel with the frame event that ends the block.
 * DATA payloads are not kept either: the gRPC layer reassembles them into messages.
 */
public sealed interface Http2Frame
    permits DataFrame, HeadersFrame, PriorityFrame, RstStreamFrame, SettingsFrame, PushPromiseFrame, PingFrame,
        GoAwayFrame, WindowUpdateFrame, ContinuationFrame, UnknownFrame, MalformedFrame {

  /** The frame's type. */
  FrameType type();

  /** The type code from the frame header (the only way to tell unknown types apart). */
  default int typeCode() {
    return type().code();
  }

  /** The stream identifier (31 bits; 0 for connection-level frames). */
  int streamId();

  /** The payload length from the frame header, padding included. */
  int length();

  /** The flags byte, with each bit named for this frame type. */
  Flags flags();
}
