package dev.gatehouse.lens.support;

import dev.gatehouse.lens.observe.LensClock;
import java.time.Instant;

/** A clock that moves only when told: nanoseconds from 0, anchored at 2026-01-02T03:04:05Z. */
public final class FakeClock implements LensClock {

  public static final Instant EPOCH = Instant.parse("2026-01-02T03:04:05Z");

  private long nanos;

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized Instant now() {
    return EPOCH.plusNanos(nanos);
  }

  public synchronized long advanceMicros(long micros) {
    nanos += micros * 1_000;
    return nanos;
  }
}
