package dev.gatehouse.lens.detect;

import java.util.Locale;

/** Durations in the words findings use: {@code 0.42 ms}, {@code 301 ms}, {@code 2.5 s}. */
final class Durations {

  private Durations() {}

  static String text(long nanos) {
    double millis = nanos / 1e6;
    if (millis < 10) {
      return String.format(Locale.ROOT, "%.2f ms", millis);
    }
    if (millis < 10_000) {
      return String.format(Locale.ROOT, "%.0f ms", millis);
    }
    return String.format(Locale.ROOT, "%.1f s", millis / 1000);
  }
}
