package dev.gatehouse.h2.event;

/**
 * One length-prefixed gRPC message (5-byte prefix: compressed flag, 4-byte big-endian length), reassembled across
 * DATA frames; or the part of one that arrived before the stream or connection ended ({@link #cut()} not null).
 *
 * @param timeNanos when its last byte arrived
 * @param direction who sent it
 * @param streamId the stream
 * @param method the call's {@code :path}, or {@code null}
 * @param index the message's 0-based position among this direction's messages on the stream
 * @param compressed the compressed flag (prefix byte 1); any value other than 0 and 1 is shown in {@code flagByte}
 * @param flagByte the raw first prefix byte
 * @param declaredLength the length from the prefix, or -1 when the prefix itself was cut off
 * @param receivedLength the message bytes that arrived (not counting the prefix)
 * @param data the message bytes kept: all of them, or the first {@code maxMessageBytes} ({@link #dataTruncated()})
 * @param cut what cut the message off, or {@code null} when it is complete
 * @param firstFrameSeq the DATA frame holding its first byte
 * @param lastFrameSeq the DATA frame holding its last byte
 */
public record MessageEvent(long timeNanos, Direction direction, int streamId, String method, int index,
    boolean compressed, int flagByte, long declaredLength, long receivedLength, byte[] data, MessageCut cut,
    long firstFrameSeq, long lastFrameSeq) implements Event {

  public MessageEvent {
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** Whether the message arrived whole. */
  public boolean complete() {
    return cut == null;
  }

  /** Whether {@link #data()} holds fewer bytes than arrived, because of the decoder's message size cap. */
  public boolean dataTruncated() {
    return data.length < receivedLength;
  }

  /** The bytes still missing when the message was cut off (0 when complete or when the length is unknown). */
  public long missingBytes() {
    return declaredLength < 0 ? 0 : declaredLength - receivedLength;
  }
}
