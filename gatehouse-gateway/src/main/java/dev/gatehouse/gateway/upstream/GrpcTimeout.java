package dev.gatehouse.gateway.upstream;

import dev.gatehouse.core.status.StatusException;

/**
 * The {@code Grpc-Timeout} header of the gRPC over HTTP/2 protocol: at most eight digits and a unit, {@code H} hours,
 * {@code M} minutes, {@code S} seconds, {@code m} milliseconds, {@code u} microseconds, {@code n} nanoseconds; so
 * {@code 10m} is 10 ms, not ten minutes.
 */
public final class GrpcTimeout {
  private GrpcTimeout() {
  }

  /**
   * The timeout in nanoseconds.
   *
   * @throws StatusException INVALID_ARGUMENT naming the value when it is not a valid timeout
   */
  public static long parseNanos(String value) {
    int length = value.length();
    if (length < 2 || length > 9) {
      throw invalid(value);
    }
    long amount = 0;
    for (int i = 0; i < length - 1; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        throw invalid(value);
      }
      amount = amount * 10 + (c - '0');
    }
    long nanosPerUnit = switch (value.charAt(length - 1)) {
      case 'H' -> 3_600_000_000_000L;
      case 'M' -> 60_000_000_000L;
      case 'S' -> 1_000_000_000L;
      case 'm' -> 1_000_000L;
      case 'u' -> 1_000L;
      case 'n' -> 1L;
      default -> throw invalid(value);
    };
    // 99999999H does not fit in a long of nanoseconds; any deadline that far away is as good as none.
    return amount > Long.MAX_VALUE / nanosPerUnit ? Long.MAX_VALUE : amount * nanosPerUnit;
  }

  private static StatusException invalid(String value) {
    return StatusException.invalidArgument("invalid Grpc-Timeout: \"" + value
        + "\" (expected: 1 to 8 digits and a unit H, M, S, m, u or n, e.g. 500m for 500 ms)");
  }
}
