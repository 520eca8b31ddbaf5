package dev.gatehouse.gateway.server;

import java.net.InetSocketAddress;

/**
 * Told what the gateway does, instead of the gateway logging it: the CLI attaches a printer, tests attach
 * recorders. Every method has a no-op default. Methods are called on event loop threads and must not block.
 */
public interface GatewayListener {
  /** A listener that ignores everything. */
  GatewayListener NONE = new GatewayListener() {
  };

  /** The server is accepting connections at {@code address}. */
  default void serverStarted(InetSocketAddress address) {
  }

  /** One request was answered, or abandoned by its client; reported only when the access log is on. */
  default void requestCompleted(AccessLogEntry entry) {
  }

  /** Shutdown began: no new connections; in-flight requests have {@code graceMillis} to finish. */
  default void shutdownStarted(long graceMillis) {
  }

  /**
   * The server stopped; {@code cutOffConnections} connections still had requests in flight when the grace period ran
   * out, and were closed.
   */
  default void serverStopped(int cutOffConnections) {
  }
}
