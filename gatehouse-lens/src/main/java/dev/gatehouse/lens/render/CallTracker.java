package dev.gatehouse.lens.render;

import dev.gatehouse.h2.event.CallEndEvent;
import dev.gatehouse.h2.event.CallStartEvent;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.ResponseHeadersEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What an output must remember about a connection's live calls to render their payloads: each call's {@code
 * grpc-encoding} per direction (to inflate compressed messages) and its {@code grpc-timeout}. One per connection and
 * output; fed every event in order.
 */
public final class CallTracker {

  private final Map<Integer, String[]> encodings = new HashMap<>();
  private final Map<Integer, Duration> timeouts = new HashMap<>();

  /**
   * Learns from headers and forgets ended calls. Feed each event after rendering it, so a call's end is rendered
   * while its context is still known.
   */
  public void onEvent(Event event) {
    if (event instanceof CallStartEvent start) {
      encodings.put(start.streamId(), new String[] {start.grpcEncoding(), null});
      if (start.timeout() != null) {
        timeouts.put(start.streamId(), start.timeout());
      }
    } else if (event instanceof ResponseHeadersEvent response) {
      String[] pair = encodings.get(response.streamId());
      if (pair != null) {
        pair[1] = response.grpcEncoding();
      }
    } else if (event instanceof CallEndEvent end) {
      encodings.remove(end.streamId());
      timeouts.remove(end.streamId());
    }
  }

  /** The call's {@code grpc-timeout}, or {@code null}. */
  public Duration timeout(int streamId) {
    return timeouts.get(streamId);
  }

  /** The {@code grpc-encoding} {@code sender} declared on the stream, or {@code null}. */
  public String encoding(Direction sender, int streamId) {
    String[] pair = encodings.get(streamId);
    return pair == null ? null : pair[sender.ordinal()];
  }
}
