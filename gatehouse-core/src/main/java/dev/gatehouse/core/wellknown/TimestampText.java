package dev.gatehouse.core.wellknown;

import com.google.protobuf.Timestamp;

/**
 * The JSON form of {@code google.protobuf.Timestamp}: RFC 3339 with a {@code Z} or {@code ±hh:mm} offset and 0 to 9
 * fractional digits in, UTC {@code Z} with 0, 3, 6 or 9 fractional digits out, between 0001-01-01T00:00:00Z and
 * 9999-12-31T23:59:59.999999999Z.
 */
public final class TimestampText {
  /** What a timestamp must look like, for error messages. */
  public static final String EXPECTED = "an RFC 3339 timestamp like 2024-05-01T12:00:00Z";

  /** 0001-01-01T00:00:00Z in seconds since the epoch. */
  public static final long MIN_SECONDS = -62_135_596_800L;
  /** 9999-12-31T23:59:59Z in seconds since the epoch. */
  public static final long MAX_SECONDS = 253_402_300_799L;

  private static final String OUT_OF_RANGE =
      "expected a timestamp between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z";

  private TimestampText() {}

  /**
   * Parses an RFC 3339 timestamp.
   *
   * @throws IllegalArgumentException naming the expected form, or the range when the instant is outside it
   */
  public static Timestamp parse(CharSequence text) {
    long[] secondsAndNanos = parseToSecondsAndNanos(text);
    return Timestamp.newBuilder().setSeconds(secondsAndNanos[0]).setNanos((int) secondsAndNanos[1]).build();
  }

  /** Like {@link #parse} but returns {@code {seconds, nanos}}, for callers that write the fields themselves. */
  public static long[] parseToSecondsAndNanos(CharSequence text) {
    int length = text.length();
    // yyyy-MM-ddTHH:mm:ss is 19 characters; a zone follows.
    if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || !isT(text.charAt(10))
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      throw malformed();
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23
        || minute > 59 || second > 59) {
      throw malformed();
    }
    int position = 19;
    int nanos = 0;
    if (text.charAt(position) == '.') {
      int fractionEnd = position + 1;
      while (fractionEnd < length && isDigit(text.charAt(fractionEnd))) {
        fractionEnd++;
      }
      nanos = Nanos.parseFraction(text, position + 1, fractionEnd);
      if (nanos < 0) {
        throw malformed();
      }
      position = fractionEnd;
    }
    if (position >= length) {
      throw malformed();
    }
    long offsetSeconds;
    char zone = text.charAt(position);
    if ((zone == 'Z' || zone == 'z') && position + 1 == length) {
      offsetSeconds = 0;
    } else if ((zone == '+' || zone == '-') && position + 6 == length && text.charAt(position + 3) == ':') {
      int offsetHours = digits(text, position + 1, position + 3);
      int offsetMinutes = digits(text, position + 4, position + 6);
      if (offsetHours > 23 || offsetMinutes > 59) {
        throw malformed();
      }
      offsetSeconds = (offsetHours * 3600L + offsetMinutes * 60L) * (zone == '-' ? -1 : 1);
    } else {
      throw malformed();
    }
    long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(OUT_OF_RANGE);
    }
    return new long[] {seconds, nanos};
  }

  /** Formats a timestamp in UTC with {@code Z}. */
  public static String format(Timestamp timestamp) {
    return format(timestamp.getSeconds(), timestamp.getNanos());
  }

  /**
   * Formats seconds and nanos since the epoch in UTC with {@code Z}, as JsonFormat does.
   *
   * @throws IllegalArgumentException when the instant is out of range or nanos is not in [0, 999999999]
   */
  public static String format(long seconds, int nanos) {
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS || nanos < 0 || nanos >= Nanos.PER_SECOND) {
      throw new IllegalArgumentException(OUT_OF_RANGE + " (seconds: " + seconds + ", nanos: " + nanos + ")");
    }
    long epochDay = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    StringBuilder out = new StringBuilder(30);
    appendDate(out, epochDay);
    out.append('T');
    Nanos.appendPadded(out, secondOfDay / 3600, 2);
    out.append(':');
    Nanos.appendPadded(out, secondOfDay / 60 % 60, 2);
    out.append(':');
    Nanos.appendPadded(out, secondOfDay % 60, 2);
    Nanos.appendFraction(out, nanos);
    return out.append('Z').toString();
  }

  private static boolean isT(char c) {
    return c == 'T' || c == 't';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digits(CharSequence text, int start, int end) {
    if (end > text.length()) {
      throw malformed();
    }
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        throw malformed();
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static IllegalArgumentException malformed() {
    return new IllegalArgumentException("expected " + EXPECTED);
  }

  private static boolean isLeap(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  private static int daysInMonth(int year, int month) {
    switch (month) {
      case 2:
        return isLeap(year) ? 29 : 28;
      case 4: case 6: case 9: case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days from 1970-01-01 in the proleptic Gregorian calendar (the civil-from-days algorithm, inverted). */
  private static long epochDay(long year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  private static void appendDate(StringBuilder out, long epochDay) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    Nanos.appendPadded(out, year, 4);
    out.append('-');
    Nanos.appendPadded(out, month, 2);
    out.append('-');
    Nanos.appendPadded(out, day, 2);
  }
}
