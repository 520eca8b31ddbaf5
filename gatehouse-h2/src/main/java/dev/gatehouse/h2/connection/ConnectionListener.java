package dev.gatehouse.h2.connection;

import dev.gatehouse.h2.event.Event;

/**
 * Receives a connection's events in order, on the thread that feeds the decoder. An exception thrown here
 * propagates out of {@link ConnectionDecoder#onBytes}; the decoder's state stays consistent, so the caller may
 * catch it and go on.
 */
@FunctionalInterface
public interface ConnectionListener {

  /** One event; see {@link Event} for the hierarchy and the order events come in. */
  void onEvent(Event event);
}
