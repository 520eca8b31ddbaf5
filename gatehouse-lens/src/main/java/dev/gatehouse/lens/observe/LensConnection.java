package dev.gatehouse.lens.observe;

import java.time.Instant;
import java.util.Objects;

/**
 * One connection through the lens, as outputs name it.
 *
 * @param id the connection id ({@code conn} in every output), from 1 in accept order
 * @param openedAt the wall-clock time the client connected
 * @param openedNanos the {@link LensClock#nanoTime()} at that moment; event times are measured from it
 * @param client the client's address as text, e.g. {@code 127.0.0.1:53422}
 * @param upstream the upstream's address as text, e.g. {@code 127.0.0.1:50051}
 */
public record LensConnection(long id, Instant openedAt, long openedNanos, String client, String upstream) {

  public LensConnection {
    if (id < 1) {
      throw new IllegalArgumentException("id: " + id + " (expected: >= 1)");
    }
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(upstream, "upstream");
  }

  /** Nanoseconds from the connection's opening to {@code timeNanos}. */
  public long sinceOpen(long timeNanos) {
    return timeNanos - openedNanos;
  }

  /** The wall-clock time of an event time, anchored at the connection's opening. */
  public Instant wallTime(long timeNanos) {
    return openedAt.plusNanos(timeNanos - openedNanos);
  }
}
