package dev.gatehouse.gateway.stream;

import java.nio.charset.StandardCharsets;

/**
 * How the messages of a server stream are laid out in one HTTP response body. Each message (and the final error,
 * when the stream fails after it started) is framed on its own, so it can be flushed as soon as it arrives.
 *
 * <ul>
 *   <li>{@link #NDJSON}: grpc-gateway's layout, one line per message, {@code {"result":<message>}}, and a last
 *       line {@code {"error":<google.rpc.Status>}} on failure;
 *   <li>{@link #SSE}: Server-Sent Events, {@code data: <message>} per message, {@code event: error} with the
 *       Status as data on failure;
 *   <li>{@link #JSON_ARRAY}: one JSON array of the messages; on failure its last element is
 *       {@code {"error":<google.rpc.Status>}}.
 * </ul>
 *
 * <p>The JSON given must be compact (no line breaks), which the gateway's stream printer guarantees.
 */
public enum StreamFraming {
  NDJSON,
  SSE,
  JSON_ARRAY;

  private static final byte[] RESULT = ascii("{\"result\":");
  private static final byte[] ERROR = ascii("{\"error\":");
  private static final byte[] DATA = ascii("data: ");
  private static final byte[] EVENT_ERROR = ascii("event: error\ndata: ");
  private static final byte[] EMPTY = new byte[0];

  /** One message; {@code first} when no message or error was framed before it. */
  public byte[] message(byte[] json, boolean first) {
    return switch (this) {
      case NDJSON -> concat(RESULT, json, ascii("}\n"));
      case SSE -> concat(DATA, json, ascii("\n\n"));
      case JSON_ARRAY -> concat(ascii(first ? "[" : ","), json, EMPTY);
    };
  }

  /** The final error, a {@code google.rpc.Status} as JSON; {@code first} when no message was framed before. */
  public byte[] error(byte[] status, boolean first) {
    return switch (this) {
      case NDJSON -> concat(ERROR, status, ascii("}\n"));
      case SSE -> concat(EVENT_ERROR, status, ascii("\n\n"));
      case JSON_ARRAY -> concat(ascii(first ? "[" : ","), ERROR, concat(status, ascii("}"), EMPTY));
    };
  }

  /** What closes the body; {@code empty} when nothing was framed at all. */
  public byte[] end(boolean empty) {
    if (this != JSON_ARRAY) {
      return EMPTY;
    }
    return ascii(empty ? "[]" : "]");
  }

  private static byte[] concat(byte[] a, byte[] b, byte[] c) {
    byte[] all = new byte[a.length + b.length + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    System.arraycopy(c, 0, all, a.length + b.length, c.length);
    return all;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
