package dev.gatehouse.lens.render;

import dev.gatehouse.h2.event.CallEndEvent;
import dev.gatehouse.h2.event.CallStartEvent;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.ResponseHeadersEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Each live call's {@code grpc-encoding} per direction, learnt from the request and response headers, so a
 * compressed message can be inflated. One per connection and output; fed every event in order.
 */
public final class CallEncodings {

  private final Map<Integer, String[]> encodings = new HashMap<>();

  /** Learns from headers and forgets ended calls. */
  public void onEvent(Event event) {
    if (event instanceof CallStartEvent start) {
      encodings.put(start.streamId(), new String[] {start.grpcEncoding(), null});
    } else if (event instanceof ResponseHeadersEvent response) {
      String[] pair = encodings.get(response.streamId());
      if (pair != null) {
        pair[1] = response.grpcEncoding();
      }
    } else if (event instanceof CallEndEvent end) {
      encodings.remove(end.streamId());
    }
  }

  /** The {@code grpc-encoding} {@code sender} declared on the stream, or {@code null}. */
  public String encoding(Direction sender, int streamId) {
    String[] pair = encodings.get(streamId);
    return pair == null ? null : pair[sender.ordinal()];
  }
}
