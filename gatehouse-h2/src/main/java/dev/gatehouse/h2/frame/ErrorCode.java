package dev.gatehouse.h2.frame;

/**
 * An RST_STREAM or GOAWAY error code (RFC 9113 §7). Codes RFC 9113 does not define keep their number and are named
 * by it in hex, e.g. {@code 0x1f}.
 *
 * @param code the 32-bit unsigned code
 */
public record ErrorCode(long code) {

  public static final ErrorCode NO_ERROR = new ErrorCode(0x0);
  public static final ErrorCode PROTOCOL_ERROR = new ErrorCode(0x1);
  public static final ErrorCode INTERNAL_ERROR = new ErrorCode(0x2);
  public static final ErrorCode FLOW_CONTROL_ERROR = new ErrorCode(0x3);
  public static final ErrorCode SETTINGS_TIMEOUT = new ErrorCode(0x4);
  public static final ErrorCode STREAM_CLOSED = new ErrorCode(0x5);
  public static final ErrorCode FRAME_SIZE_ERROR = new ErrorCode(0x6);
  public static final ErrorCode REFUSED_STREAM = new ErrorCode(0x7);
  public static final ErrorCode CANCEL = new ErrorCode(0x8);
  public static final ErrorCode COMPRESSION_ERROR = new ErrorCode(0x9);
  public static final ErrorCode CONNECT_ERROR = new ErrorCode(0xa);
  public static final ErrorCode ENHANCE_YOUR_CALM = new ErrorCode(0xb);
  public static final ErrorCode INADEQUATE_SECURITY = new ErrorCode(0xc);
  public static final ErrorCode HTTP_1_1_REQUIRED = new ErrorCode(0xd);

  private static final String[] NAMES = {
    "NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR", "SETTINGS_TIMEOUT", "STREAM_CLOSED",
    "FRAME_SIZE_ERROR", "REFUSED_STREAM", "CANCEL", "COMPRESSION_ERROR", "CONNECT_ERROR", "ENHANCE_YOUR_CALM",
    "INADEQUATE_SECURITY", "HTTP_1_1_REQUIRED"
  };

  public ErrorCode {
    if (code < 0 || code > 0xffffffffL) {
      throw new IllegalArgumentException("code: " + code + " (expected: 0..2^32-1)");
    }
  }

  /** The RFC 9113 name, or the code in hex (e.g. {@code 0x1f}) when the code is not defined there. */
  public String name() {
    return known() ? NAMES[(int) code] : String.format("0x%x", code);
  }

  /** Whether RFC 9113 defines this code. */
  public boolean known() {
    return code < NAMES.length;
  }

  @Override
  public String toString() {
    return name();
  }
}
