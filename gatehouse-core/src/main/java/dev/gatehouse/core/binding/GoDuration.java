package dev.gatehouse.core.binding;

import dev.gatehouse.core.wellknown.DurationText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Go's duration syntax ({@code time.ParseDuration}): a sign, then one or more decimal numbers each with a unit, as in
 * {@code 1h30m}, {@code 300ms}, {@code -1.5h}, {@code 2us}; or a bare {@code 0}. grpc-gateway reads Durations in query
 * parameters this way, so clients written against it send them. The proto JSON form {@code 1.5s} is a special case.
 *
 * <p>Units: {@code ns}, {@code us} ({@code µs}, {@code μs}), {@code ms}, {@code s}, {@code m}, {@code h}. Digits
 * below a nanosecond are dropped, as Go drops them. The range is the protobuf Duration's (about ±10,000 years), wider
 * than Go's ±292 years.
 */
final class GoDuration {
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
  private static final BigDecimal MAX_NANOS = new BigDecimal(
      BigInteger.valueOf(DurationText.MAX_SECONDS).multiply(NANOS_PER_SECOND).add(BigInteger.valueOf(999_999_999L)));

  private GoDuration() {}

  /**
   * Parses {@code text} into {@code {seconds, nanos}}, both carrying the sign, as {@link
   * DurationText#parseToSecondsAndNanos} does.
   *
   * @throws IllegalArgumentException when it is not a Go duration or is out of range
   */
  static long[] parseToSecondsAndNanos(String text) {
    int i = 0;
    int length = text.length();
    boolean negative = false;
    if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    if (text.substring(i).equals("0")) {
      return new long[] {0, 0};
    }
    if (i == length) {
      throw new IllegalArgumentException("empty duration");
    }
    BigDecimal total = BigDecimal.ZERO;
    while (i < length) {
      int numberStart = i;
      while (i < length && (isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
        i++;
      }
      String number = text.substring(numberStart, i);
      if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
        throw new IllegalArgumentException("missing number");
      }
      int unitStart = i;
      while (i < length && !isDigit(text.charAt(i)) && text.charAt(i) != '.') {
        i++;
      }
      long unitNanos = unitNanos(text.substring(unitStart, i));
      total = total.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unitNanos)));
      if (total.compareTo(MAX_NANOS) > 0) {
        throw new IllegalArgumentException("out of range");
      }
    }
    BigInteger nanos = total.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    if (negative) {
      nanos = nanos.negate();
    }
    BigInteger[] split = nanos.divideAndRemainder(NANOS_PER_SECOND);
    return new long[] {split[0].longValueExact(), split[1].intValueExact()};
  }

  private static long unitNanos(String unit) {
    switch (unit) {
      case "ns":
        return 1L;
      case "us":
      case "\u00b5s":
      case "\u03bcs":
        return 1_000L;
      case "ms":
        return 1_000_000L;
      case "s":
        return 1_000_000_000L;
      case "m":
        return 60_000_000_000L;
      case "h":
        return 3_600_000_000_000L;
      default:
        throw new IllegalArgumentException("unknown unit");
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
