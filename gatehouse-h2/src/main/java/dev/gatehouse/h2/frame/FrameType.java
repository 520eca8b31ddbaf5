package dev.gatehouse.h2.frame;

/** The frame types of RFC 9113 §6, plus {@link #UNKNOWN} for extension or unassigned types (shown by code). */
public enum FrameType {
  DATA(0x0),
  HEADERS(0x1),
  PRIORITY(0x2),
  RST_STREAM(0x3),
  SETTINGS(0x4),
  PUSH_PROMISE(0x5),
  PING(0x6),
  GOAWAY(0x7),
  WINDOW_UPDATE(0x8),
  CONTINUATION(0x9),
  UNKNOWN(-1);

  private static final FrameType[] BY_CODE = {
    DATA, HEADERS, PRIORITY, RST_STREAM, SETTINGS, PUSH_PROMISE, PING, GOAWAY, WINDOW_UPDATE, CONTINUATION
  };

  private final int code;

  FrameType(int code) {
    this.code = code;
  }

  /** The type code on the wire, or -1 for {@link #UNKNOWN}. */
  public int code() {
    return code;
  }

  /** The type for a code; {@link #UNKNOWN} for any code RFC 9113 does not define. */
  public static FrameType of(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
  }
}
