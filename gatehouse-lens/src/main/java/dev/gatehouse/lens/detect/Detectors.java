package dev.gatehouse.lens.detect;

import dev.gatehouse.h2.event.Event;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The detectors of one connection, fed its decoder events in order; each finding goes to the consumer right away,
 * so it follows the event that revealed it. Not thread-safe: one connection, one thread (its event loop).
 */
public final class Detectors {

  private final CallDetector calls;
  private final ConnectionDetector connection;
  private final FlowDetector flow;

  /** Detectors reporting to {@code findings}. */
  public Detectors(DetectorOptions options, Consumer<Finding> findings) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(findings, "findings");
    this.calls = new CallDetector(options, findings);
    this.connection = new ConnectionDetector(options, findings);
    this.flow = new FlowDetector(options, findings);
  }

  /** One decoder event. */
  public void onEvent(Event event) {
    connection.onEvent(event);
    calls.onEvent(event);
    flow.onEvent(event);
  }

  /**
   * Time passed without traffic: checks the timers (an unanswered PING) against {@code nowNanos}, the decoder's
   * clock.
   */
  public void onTick(long nowNanos) {
    connection.checkPings(nowNanos);
  }
}
