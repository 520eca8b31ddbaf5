package dev.gatehouse.core.binding;

import java.util.regex.Pattern;

/**
 * The text forms of scalar values in query parameters and path variables. Each method throws {@link
 * IllegalArgumentException} for text that is not a value of its type; the caller turns that into a 400 naming the
 * parameter and the type.
 *
 * <p>Integers are base 10 only, with an optional sign, ASCII digits only (no {@code 0x}, no octal {@code 010} = 8, no
 * {@code 1_000}): grpc-gateway accepts Go's base-0 forms for top-level path variables only, and base 10 everywhere
 * else, so base 10 is the one form that means the same thing in every position. 64-bit values are exact: no detour
 * through a double.
 */
final class ScalarText {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final long UINT32_MAX = 0xFFFF_FFFFL;

  private ScalarText() {}

  static int parseInt32(String text) {
    long value = parseInt64(text);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("out of range");
    }
    return (int) value;
  }

  /** An unsigned 32-bit value, returned as the int with the same bits, as protobuf-java holds it. */
  static int parseUInt32(String text) {
    long value = parseInt64(text);
    if (value < 0 || value > UINT32_MAX) {
      throw new IllegalArgumentException("out of range");
    }
    return (int) value;
  }

  static long parseInt64(String text) {
    requireInteger(text);
    return Long.parseLong(text);
  }

  /** An unsigned 64-bit value, returned as the long with the same bits, as protobuf-java holds it. */
  static long parseUInt64(String text) {
    requireInteger(text);
    if (text.charAt(0) == '-') {
      // "-0" is zero; any other negative number is out of range.
      if (text.chars().skip(1).allMatch(c -> c == '0')) {
        return 0;
      }
      throw new IllegalArgumentException("negative");
    }
    return Long.parseUnsignedLong(text);
  }

  /**
   * {@code true} or {@code false} in any letter case, or {@code 1} / {@code 0}. Go's single letters ({@code t},
   * {@code F}) are not taken: they read as typos more often than as booleans.
   */
  static boolean parseBool(String text) {
    if (text.equalsIgnoreCase("true") || text.equals("1")) {
      return true;
    }
    if (text.equalsIgnoreCase("false") || text.equals("0")) {
      return false;
    }
    throw new IllegalArgumentException("not a bool");
  }

  /**
   * A decimal number ({@code 1}, {@code -2.5}, {@code 1e3}, {@code .5}), or {@code NaN}, {@code Infinity},
   * {@code -Infinity} (any letter case, {@code inf} too). Java's own syntax extras (hex floats, a {@code d} suffix,
   * surrounding blanks) are refused; a finite number too large for a double is out of range, not infinity.
   */
  static double parseDouble(String text) {
    double special = special(text);
    if (!Double.isNaN(special) || text.equalsIgnoreCase("nan")) {
      return special;
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw new IllegalArgumentException("not a number");
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("out of range");
    }
    return value;
  }

  /** As {@link #parseDouble}, then narrowed; a finite value beyond the float range is out of range. */
  static float parseFloat(String text) {
    double value = parseDouble(text);
    float narrowed = (float) value;
    if (Float.isInfinite(narrowed) && !Double.isInfinite(value)) {
      throw new IllegalArgumentException("out of range");
    }
    return narrowed;
  }

  /** The value of NaN and the infinities, or NaN for any other text (check the text for "nan" to tell them apart). */
  private static double special(String text) {
    String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if (unsigned.equalsIgnoreCase("infinity") || unsigned.equalsIgnoreCase("inf")) {
      return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.NaN;
  }

  private static void requireInteger(String text) {
    int length = text.length();
    int i = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
    if (i == length) {
      throw new IllegalArgumentException("no digits");
    }
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a base-10 integer");
      }
    }
  }
}
