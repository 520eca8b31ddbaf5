package dev.gatehouse.core.binding;

import dev.gatehouse.core.status.StatusException;

/** The messages of the 400s the binder sends: each names the parameter or variable, the value and what was expected. */
final class BindingErrors {
  /** Longer client values are cut in messages, so an error body never echoes a whole oversized input. */
  private static final int MAX_EXCERPT = 64;

  private BindingErrors() {}

  /** {@code invalid value for query parameter "page_size": "ten" (expected: int32)}. */
  static StatusException invalidValue(String source, String text, String expected) {
    return StatusException.invalidArgument(
        "invalid value for " + source + ": \"" + excerpt(text) + "\" (expected: " + expected + ")");
  }

  /** The value as it may appear between quotes in a message: control characters escaped, cut when long. */
  static String excerpt(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_EXCERPT) + 8);
    int limit = Math.min(text.length(), MAX_EXCERPT);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (text.length() > limit) {
      out.append("...");
    }
    return out.toString();
  }
}
