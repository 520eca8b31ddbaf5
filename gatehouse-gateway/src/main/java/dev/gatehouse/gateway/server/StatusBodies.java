package dev.gatehouse.gateway.server;

import dev.gatehouse.core.status.StatusException;
import java.nio.charset.StandardCharsets;

/**
 * Renders {@code google.rpc.Status} JSON bodies. Stand-in until the core's renderer (which resolves the
 * {@code details} through the catalog's type registry) is available; it writes {@code details} empty.
 */
final class StatusBodies {

  byte[] render(StatusException e) {
    return render(e.code().value(), e.getMessage(), null);
  }

  byte[] render(int code, String message, byte[] statusDetails) {
    StringBuilder json = new StringBuilder(64 + message.length());
    json.append("{\"code\":").append(code).append(",\"message\":");
    quote(message, json);
    json.append(",\"details\":[]}");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
