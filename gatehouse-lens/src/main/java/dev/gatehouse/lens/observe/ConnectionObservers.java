package dev.gatehouse.lens.observe;

import dev.gatehouse.h2.connection.DecoderOptions;
import dev.gatehouse.lens.detect.DetectorOptions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens a {@link ConnectionObserver} per connection, numbered in opening order, all reporting to the same listeners
 * with the same clock and options: what the proxy and the tap share. Thread-safe: connections may open on any thread.
 */
public final class ConnectionObservers {

  private final List<LensListener> listeners;
  private final LensClock clock;
  private final DecoderOptions decoderOptions;
  private final DetectorOptions detectorOptions;
  private final AtomicLong ids = new AtomicLong();

  /** Observers reporting to {@code listeners} (in that order), timed by {@code clock}. */
  public ConnectionObservers(List<LensListener> listeners, LensClock clock, DecoderOptions decoderOptions,
      DetectorOptions detectorOptions) {
    this.listeners = List.copyOf(listeners);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.decoderOptions = Objects.requireNonNull(decoderOptions, "decoderOptions");
    this.detectorOptions = Objects.requireNonNull(detectorOptions, "detectorOptions");
  }

  /** The clock the connections are timed by. */
  public LensClock clock() {
    return clock;
  }

  /**
   * The observer of a connection that opened now, under the next id; the listeners have been told it opened.
   *
   * @param client the client's address as text (the side that sends the HTTP/2 preface)
   * @param upstream the server's address as text
   */
  public ConnectionObserver open(String client, String upstream) {
    LensConnection connection = new LensConnection(ids.incrementAndGet(), clock.now(), clock.nanoTime(), client,
        upstream);
    ConnectionObserver observer = new ConnectionObserver(connection, decoderOptions, detectorOptions, listeners);
    observer.onOpen();
    return observer;
  }
}
