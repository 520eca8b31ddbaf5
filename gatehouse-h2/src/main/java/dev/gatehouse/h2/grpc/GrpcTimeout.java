package dev.gatehouse.h2.grpc;

import java.time.Duration;

/**
 * Parses {@code grpc-timeout} (gRPC PROTOCOL-HTTP2.md: 1 to 8 ASCII digits then one of {@code H M S m u n}).
 */
public final class GrpcTimeout {

  private GrpcTimeout() {}

  /** The timeout, or {@code null} when the value does not follow the grammar. */
  public static Duration parse(String value) {
    if (value == null || value.length() < 2 || value.length() > 9) {
      return null;
    }
    long amount = 0;
    int last = value.length() - 1;
    for (int i = 0; i < last; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      amount = amount * 10 + (c - '0');
    }
    switch (value.charAt(last)) {
      case 'H':
        return Duration.ofHours(amount);
      case 'M':
        return Duration.ofMinutes(amount);
      case 'S':
        return Duration.ofSeconds(amount);
      case 'm':
        return Duration.ofMillis(amount);
      case 'u':
        return Duration.ofNanos(amount * 1000);
      case 'n':
        return Duration.ofNanos(amount);
      default:
        return null;
    }
  }
}
