package dev.gatehouse.h2.frame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one complete frame (header fields already read, payload in a byte array) into its record. Never throws:
 * a payload that cannot be what its type requires becomes a {@link MalformedFrame}.
 */
public final class Http2FrameParser {

  /** The frame header's length: 24-bit length, type, flags, 31-bit stream id. */
  public static final int HEADER_LENGTH = 9;

  /** The most payload bytes an {@link UnknownFrame} keeps. */
  public static final int MAX_KEPT_PAYLOAD = 4096;

  private Http2FrameParser() {}

  /**
   * Parses a frame.
   *
   * @param typeCode the type byte
   * @param flagsByte the flags byte
   * @param streamId the stream id (reserved bit already cleared)
   * @param src the bytes holding the payload
   * @param offset where the payload starts
   * @param length the payload length
   */
  public static Http2Frame parse(int typeCode, int flagsByte, int streamId, byte[] src, int offset, int length) {
    FrameType type = FrameType.of(typeCode);
    Flags flags = Flags.of(type, flagsByte);
    switch (type) {
      case DATA:
        return data(streamId, flags, src, offset, length);
      case HEADERS:
        return headers(streamId, flags, src, offset, length);
      case PRIORITY:
        if (length != 5) {
          return malformed(type, streamId, length, flags, "PRIORITY payload must be 5 bytes");
        }
        return new PriorityFrame(streamId, length, flags, priority(src, offset));
      case RST_STREAM:
        if (length != 4) {
          return malformed(type, streamId, length, flags, "RST_STREAM payload must be 4 bytes");
        }
        return new RstStreamFrame(streamId, length, flags, new ErrorCode(uint32(src, offset)));
      case SETTINGS:
        return settings(streamId, flags, src, offset, length);
      case PUSH_PROMISE:
        return pushPromise(streamId, flags, src, offset, length);
      case PING:
        if (length != 8) {
          return malformed(type, streamId, length, flags, "PING payload must be 8 bytes");
        }
        return new PingFrame(streamId, length, flags, ((long) int32(src, offset) << 32) | uint32(src, offset + 4));
      case GOAWAY:
        if (length < 8) {
          return malformed(type, streamId, length, flags, "GOAWAY payload must be at least 8 bytes");
        }
        return new GoAwayFrame(streamId, length, flags, int32(src, offset) & Integer.MAX_VALUE,
            new ErrorCode(uint32(src, offset + 4)), Arrays.copyOfRange(src, offset + 8, offset + length));
      case WINDOW_UPDATE:
        if (length != 4) {
          return malformed(type, streamId, length, flags, "WINDOW_UPDATE payload must be 4 bytes");
        }
        return new WindowUpdateFrame(streamId, length, flags, int32(src, offset) & Integer.MAX_VALUE);
      case CONTINUATION:
        return new ContinuationFrame(streamId, length, flags);
      default:
        return new UnknownFrame(typeCode, streamId, length, flags,
            Arrays.copyOfRange(src, offset, offset + Math.min(length, MAX_KEPT_PAYLOAD)));
    }
  }

  /** A frame too large to buffer: only its header is known. */
  public static Http2Frame tooLarge(int typeCode, int flagsByte, int streamId, int length, int limit) {
    FrameType type = FrameType.of(typeCode);
    Flags flags = Flags.of(type, flagsByte);
    if (type == FrameType.UNKNOWN) {
      return new UnknownFrame(typeCode, streamId, length, flags, new byte[0]);
    }
    return malformed(type, streamId, length, flags,
        "frame of " + length + " bytes exceeds the decoder's buffer limit of " + limit + " bytes; skipped");
  }

  private static Http2Frame data(int streamId, Flags flags, byte[] src, int offset, int length) {
    int padLength = 0;
    int fieldBytes = 0;
    if (flags.has(Flags.PADDED)) {
      if (length < 1) {
        return malformed(FrameType.DATA, streamId, length, flags, "PADDED DATA without a Pad Length byte");
      }
      padLength = src[offset] & 0xff;
      fieldBytes = 1;
    }
    if (padLength + fieldBytes > length) {
      return malformed(FrameType.DATA, streamId, length, flags,
          "padding of " + padLength + " bytes exceeds the payload");
    }
    return new DataFrame(streamId, length, flags, padLength, length - fieldBytes - padLength);
  }

  private static Http2Frame headers(int streamId, Flags flags, byte[] src, int offset, int length) {
    int padLength = 0;
    int fieldBytes = 0;
    if (flags.has(Flags.PADDED)) {
      if (length < 1) {
        return malformed(FrameType.HEADERS, streamId, length, flags, "PADDED HEADERS without a Pad Length byte");
      }
      padLength = src[offset] & 0xff;
      fieldBytes = 1;
    }
    Priority priority = null;
    if (flags.has(Flags.PRIORITY)) {
      if (length < fieldBytes + 5) {
        return malformed(FrameType.HEADERS, streamId, length, flags, "HEADERS too short for its priority fields");
      }
      priority = priority(src, offset + fieldBytes);
      fieldBytes += 5;
    }
    if (padLength + fieldBytes > length) {
      return malformed(FrameType.HEADERS, streamId, length, flags,
          "padding of " + padLength + " bytes exceeds the payload");
    }
    return new HeadersFrame(streamId, length, flags, padLength, priority, length - fieldBytes - padLength);
  }

  private static Http2Frame pushPromise(int streamId, Flags flags, byte[] src, int offset, int length) {
    int padLength = 0;
    int fieldBytes = 4;
    if (flags.has(Flags.PADDED)) {
      if (length < 1) {
        return malformed(FrameType.PUSH_PROMISE, streamId, length, flags, "PADDED PUSH_PROMISE without Pad Length");
      }
      padLength = src[offset] & 0xff;
      fieldBytes = 5;
    }
    if (padLength + fieldBytes > length) {
      return malformed(FrameType.PUSH_PROMISE, streamId, length, flags,
          "PUSH_PROMISE too short for its promised stream id and padding");
    }
    int promised = int32(src, offset + fieldBytes - 4) & Integer.MAX_VALUE;
    return new PushPromiseFrame(streamId, length, flags, padLength, promised, length - fieldBytes - padLength);
  }

  private static Http2Frame settings(int streamId, Flags flags, byte[] src, int offset, int length) {
    if (length % 6 != 0) {
      return malformed(FrameType.SETTINGS, streamId, length, flags, "SETTINGS payload must be a multiple of 6 bytes");
    }
    if (flags.has(Flags.ACK) && length != 0) {
      return malformed(FrameType.SETTINGS, streamId, length, flags, "SETTINGS ACK must be empty");
    }
    List<Setting> settings = new ArrayList<>(length / 6);
    for (int i = offset; i < offset + length; i += 6) {
      settings.add(new Setting(((src[i] & 0xff) << 8) | (src[i + 1] & 0xff), uint32(src, i + 2)));
    }
    return new SettingsFrame(streamId, length, flags, settings);
  }

  private static Priority priority(byte[] src, int offset) {
    int word = int32(src, offset);
    return new Priority(word < 0, word & Integer.MAX_VALUE, (src[offset + 4] & 0xff) + 1);
  }

  private static MalformedFrame malformed(FrameType type, int streamId, int length, Flags flags, String reason) {
    return new MalformedFrame(type, streamId, length, flags, reason);
  }

  /** A big-endian 32-bit signed int. */
  public static int int32(byte[] src, int offset) {
    return ((src[offset] & 0xff) << 24) | ((src[offset + 1] & 0xff) << 16) | ((src[offset + 2] & 0xff) << 8)
        | (src[offset + 3] & 0xff);
  }

  private static long uint32(byte[] src, int offset) {
    return int32(src, offset) & 0xffffffffL;
  }
}
