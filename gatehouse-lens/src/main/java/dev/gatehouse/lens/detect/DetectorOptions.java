package dev.gatehouse.lens.detect;

import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds of the detectors.
 *
 * @param pingTimeout how long a PING may wait for its ACK before it is reported (gRPC's keepalive timeout, 20 s)
 * @param stallThreshold how long a flow-control stall must last to be reported on its own; shorter ones are summed
 *     at the connection's end
 * @param maxMessageBytes the receive limit messages are checked against (4 MiB, gRPC's default)
 */
public record DetectorOptions(Duration pingTimeout, Duration stallThreshold, long maxMessageBytes) {

  public DetectorOptions {
    Objects.requireNonNull(pingTimeout, "pingTimeout");
    Objects.requireNonNull(stallThreshold, "stallThreshold");
    if (pingTimeout.isNegative() || pingTimeout.isZero()) {
      throw new IllegalArgumentException("pingTimeout: " + pingTimeout + " (expected: > 0)");
    }
    if (stallThreshold.isNegative()) {
      throw new IllegalArgumentException("stallThreshold: " + stallThreshold + " (expected: >= 0)");
    }
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("maxMessageBytes: " + maxMessageBytes + " (expected: >= 1)");
    }
  }

  /** 20 s ping timeout, 1 s stall threshold, 4 MiB messages. */
  public static DetectorOptions defaults() {
    return new DetectorOptions(Duration.ofSeconds(20), Duration.ofSeconds(1), 4L << 20);
  }
}
