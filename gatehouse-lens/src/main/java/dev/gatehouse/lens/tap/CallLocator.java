package dev.gatehouse.lens.tap;

import dev.gatehouse.h2.event.CallStartEvent;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.grpc.Metadata;
import dev.gatehouse.lens.detect.Finding;
import dev.gatehouse.lens.observe.LensConnection;
import dev.gatehouse.lens.observe.LensListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which connection and stream carried each value of one metadata key, for the most recent
 * {@link #MAX_CALLS} calls: the gateway tags each traced call with a trace id and asks here where it went. A value
 * is forgotten once asked for.
 */
final class CallLocator implements LensListener {
  static final int MAX_CALLS = 4096;

  private final String key;
  private final Map<String, String> locations = new LinkedHashMap<>(64, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > MAX_CALLS;
    }
  };

  CallLocator(String key) {
    this.key = key;
  }

  @Override
  public void onEvent(LensConnection connection, Event event) {
    if (event instanceof CallStartEvent start) {
      for (Metadata entry : start.metadata()) {
        if (entry.name().equals(key)) {
          synchronized (locations) {
            locations.put(entry.value(), connection.id() + "/" + start.streamId());
          }
          return;
        }
      }
    }
  }

  @Override
  public void onFinding(LensConnection connection, Finding finding) {}

  /** {@code CONN/STREAM} of the call that carried {@code value}, or {@code null}; forgets it. */
  String take(String value) {
    synchronized (locations) {
      return locations.remove(value);
    }
  }
}
