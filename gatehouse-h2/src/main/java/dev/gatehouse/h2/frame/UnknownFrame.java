package dev.gatehouse.h2.frame;

/**
 * A frame of a type RFC 9113 does not define (an extension such as ALTSVC 0xa, ORIGIN 0xc, PRIORITY_UPDATE 0x10, or
 * garbage). RFC 9113 §4.1 says to ignore it; the lens shows it raw.
 *
 * @param typeCode the type code
 * @param streamId the stream
 * @param length the payload length
 * @param flags the flags, all shown raw
 * @param payload the payload's first bytes (at most {@link Http2FrameParser#MAX_KEPT_PAYLOAD})
 */
public record UnknownFrame(int typeCode, int streamId, int length, Flags flags, byte[] payload)
    implements Http2Frame {

  public UnknownFrame {
    payload = payload.clone();
  }

  @Override
  public FrameType type() {
    return FrameType.UNKNOWN;
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }
}
