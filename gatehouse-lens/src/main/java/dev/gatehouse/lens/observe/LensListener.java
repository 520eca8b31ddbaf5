package dev.gatehouse.lens.observe;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.lens.detect.Finding;
import io.netty.buffer.ByteBuf;

/**
 * Receives what the lens sees on every connection: the decoder's events and the detectors' findings, in order per
 * connection. Outputs, tests and future views (binary log, UI) are all listeners.
 *
 * <p>Threading: calls for one connection come from that connection's event loop, one at a time; calls for different
 * connections may come from different threads at once. A listener must not block: it runs while forwarding waits.
 * An exception it throws is caught, reported once as a {@code LISTENER_FAILURE} finding to the other listeners, and
 * the listener is not called again for that connection.
 */
public interface LensListener {

  /** A client connected and the lens is connecting upstream. */
  default void onOpen(LensConnection connection) {}

  /**
   * A chunk of bytes {@code sender} sent, exactly as forwarded. The buffer is only valid during the call: read its
   * readable bytes without moving its indices; do not retain or release it.
   */
  default void onBytes(LensConnection connection, Direction sender, ByteBuf chunk, long timeNanos) {}

  /** One decoder event. */
  void onEvent(LensConnection connection, Event event);

  /** One finding, right after the event that revealed it. */
  void onFinding(LensConnection connection, Finding finding);

  /** The connection is gone and no more calls will come for it; its {@code ConnectionEndEvent} came before. */
  default void onClosed(LensConnection connection) {}
}
