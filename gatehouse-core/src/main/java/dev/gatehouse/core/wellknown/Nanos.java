package dev.gatehouse.core.wellknown;

/** The fractional-second part shared by timestamps and durations: up to nine digits in, 0/3/6/9 digits out. */
final class Nanos {
  static final int PER_SECOND = 1_000_000_000;

  private Nanos() {}

  /**
   * Reads {@code end - start} (0 to 9) digits as a fraction of a second; -1 when a character is not a digit or there
   * are too many.
   */
  static int parseFraction(CharSequence text, int start, int end) {
    int length = end - start;
    if (length > 9) {
      return -1;
    }
    int value = 0;
    for (int i = start; i < end; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    for (int i = length; i < 9; i++) {
      value *= 10;
    }
    return value;
  }

  /**
   * Appends {@code .fff}, {@code .ffffff} or {@code .fffffffff}, the shortest of the three that is exact, or nothing
   * for 0; the same choice JsonFormat makes, so outputs compare byte for byte.
   */
  static void appendFraction(StringBuilder out, int nanos) {
    if (nanos == 0) {
      return;
    }
    out.append('.');
    if (nanos % 1_000_000 == 0) {
      appendPadded(out, nanos / 1_000_000, 3);
    } else if (nanos % 1_000 == 0) {
      appendPadded(out, nanos / 1_000, 6);
    } else {
      appendPadded(out, nanos, 9);
    }
  }

  static void appendPadded(StringBuilder out, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    out.append(digits);
  }
}
