package dev.gatehouse.h2.frame;

/**
 * One SETTINGS parameter (RFC 9113 §6.5.1). The name covers RFC 9113's parameters, RFC 8441's
 * {@code SETTINGS_ENABLE_CONNECT_PROTOCOL}, RFC 9218's {@code SETTINGS_NO_RFC7540_PRIORITIES} and gRPC C-core's
 * {@code GRPC_ALLOW_TRUE_BINARY_METADATA} (0xfe03); any other identifier is named by its value in hex.
 *
 * @param id the 16-bit identifier
 * @param value the 32-bit unsigned value
 */
public record Setting(int id, long value) {

  public static final int HEADER_TABLE_SIZE = 0x1;
  public static final int ENABLE_PUSH = 0x2;
  public static final int MAX_CONCURRENT_STREAMS = 0x3;
  public static final int INITIAL_WINDOW_SIZE = 0x4;
  public static final int MAX_FRAME_SIZE = 0x5;
  public static final int MAX_HEADER_LIST_SIZE = 0x6;
  public static final int ENABLE_CONNECT_PROTOCOL = 0x8;
  public static final int NO_RFC7540_PRIORITIES = 0x9;
  public static final int GRPC_ALLOW_TRUE_BINARY_METADATA = 0xfe03;

  public Setting {
    if (id < 0 || id > 0xffff) {
      throw new IllegalArgumentException("id: " + id + " (expected: 0..65535)");
    }
    if (value < 0 || value > 0xffffffffL) {
      throw new IllegalArgumentException("value: " + value + " (expected: 0..2^32-1)");
    }
  }

  /** The parameter's name, e.g. {@code SETTINGS_INITIAL_WINDOW_SIZE}, or its identifier in hex, e.g. {@code 0xf000}. */
  public String name() {
    return nameOf(id);
  }

  /** The name of a settings identifier, or the identifier in hex when it is not a known one. */
  public static String nameOf(int id) {
    switch (id) {
      case HEADER_TABLE_SIZE:
        return "SETTINGS_HEADER_TABLE_SIZE";
      case ENABLE_PUSH:
        return "SETTINGS_ENABLE_PUSH";
      case MAX_CONCURRENT_STREAMS:
        return "SETTINGS_MAX_CONCURRENT_STREAMS";
      case INITIAL_WINDOW_SIZE:
        return "SETTINGS_INITIAL_WINDOW_SIZE";
      case MAX_FRAME_SIZE:
        return "SETTINGS_MAX_FRAME_SIZE";
      case MAX_HEADER_LIST_SIZE:
        return "SETTINGS_MAX_HEADER_LIST_SIZE";
      case ENABLE_CONNECT_PROTOCOL:
        return "SETTINGS_ENABLE_CONNECT_PROTOCOL";
      case NO_RFC7540_PRIORITIES:
        return "SETTINGS_NO_RFC7540_PRIORITIES";
      case GRPC_ALLOW_TRUE_BINARY_METADATA:
        return "GRPC_ALLOW_TRUE_BINARY_METADATA";
      default:
        return String.format("0x%x", id);
    }
  }

  @Override
  public String toString() {
    return name() + "=" + value;
  }
}
