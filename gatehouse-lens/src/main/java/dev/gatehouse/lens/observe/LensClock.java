package dev.gatehouse.lens.observe;

import java.time.Instant;

/**
 * Where the lens takes time from: a monotonic nanosecond counter for event times and durations, and the wall clock
 * once per connection to anchor them. Tests inject a fake one and move it by hand.
 */
public interface LensClock {

  /** Monotonic nanoseconds; only differences mean something. */
  long nanoTime();

  /** The wall-clock time now. */
  Instant now();

  /** {@link System#nanoTime()} and {@link Instant#now()}. */
  static LensClock system() {
    return SystemClock.INSTANCE;
  }

  /** The system clock. */
  enum SystemClock implements LensClock {
    INSTANCE;

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Instant now() {
      return Instant.now();
    }
  }
}
