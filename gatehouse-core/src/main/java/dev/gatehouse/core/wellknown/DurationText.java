package dev.gatehouse.core.wellknown;

import com.google.protobuf.Duration;

/**
 * The JSON form of {@code google.protobuf.Duration}: seconds with up to nine fractional digits and an {@code s}
 * suffix ({@code "1.5s"}, {@code "-0.000000001s"}), within ±315,576,000,000 seconds (10,000 years).
 */
public final class DurationText {
  /** What a duration must look like, for error messages. */
  public static final String EXPECTED = "a duration in seconds like 1.5s";

  /** The largest magnitude of a duration's seconds. */
  public static final long MAX_SECONDS = 315_576_000_000L;

  private static final String OUT_OF_RANGE = "expected a duration between -315576000000s and 315576000000s";

  private DurationText() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException naming the expected form, or the range when the value is outside it
   */
  public static Duration parse(CharSequence text) {
    long[] secondsAndNanos = parseToSecondsAndNanos(text);
    return Duration.newBuilder().setSeconds(secondsAndNanos[0]).setNanos((int) secondsAndNanos[1]).build();
  }

  /** Like {@link #parse} but returns {@code {seconds, nanos}}; both carry the sign. */
  public static long[] parseToSecondsAndNanos(CharSequence text) {
    int length = text.length();
    if (length < 2 || text.charAt(length - 1) != 's') {
      throw malformed();
    }
    int position = 0;
    boolean negative = text.charAt(0) == '-';
    if (negative) {
      position = 1;
    }
    int end = length - 1;
    int integerStart = position;
    long seconds = 0;
    while (position < end && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
      if (seconds > MAX_SECONDS) {
        throw new IllegalArgumentException(OUT_OF_RANGE);
      }
      seconds = seconds * 10 + (text.charAt(position) - '0');
      position++;
    }
    if (position == integerStart) {
      throw malformed();
    }
    int nanos = 0;
    if (position < end) {
      if (text.charAt(position) != '.') {
        throw malformed();
      }
      nanos = Nanos.parseFraction(text, position + 1, end);
      if (nanos < 0) {
        throw malformed();
      }
    }
    if (seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(OUT_OF_RANGE);
    }
    return negative ? new long[] {-seconds, -nanos} : new long[] {seconds, nanos};
  }

  /** Formats a duration. */
  public static String format(Duration duration) {
    return format(duration.getSeconds(), duration.getNanos());
  }

  /**
   * Formats seconds and nanos as JsonFormat does: a minus sign when either is negative, 0/3/6/9 fractional digits.
   *
   * @throws IllegalArgumentException when out of range, or when seconds and nanos have different signs
   */
  public static String format(long seconds, int nanos) {
    if (seconds < -MAX_SECONDS || seconds > MAX_SECONDS || nanos <= -Nanos.PER_SECOND || nanos >= Nanos.PER_SECOND
        || (seconds < 0 && nanos > 0) || (seconds > 0 && nanos < 0)) {
      throw new IllegalArgumentException(OUT_OF_RANGE + " with seconds and nanos of the same sign (seconds: "
          + seconds + ", nanos: " + nanos + ")");
    }
    StringBuilder out = new StringBuilder(24);
    if (seconds < 0 || nanos < 0) {
      out.append('-');
    }
    out.append(Math.abs(seconds));
    Nanos.appendFraction(out, Math.abs(nanos));
    return out.append('s').toString();
  }

  private static IllegalArgumentException malformed() {
    return new IllegalArgumentException("expected " + EXPECTED);
  }
}
