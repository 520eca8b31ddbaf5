package dev.gatehouse.gateway.server;

import dev.gatehouse.gateway.config.GatewayConfig;
import java.time.Duration;

/**
 * What every connection of one server shares: its configuration, its error answers, its listener, and whether it is
 * shutting down. Immutable but for the draining flag, which any thread may read.
 */
final class ServerState {
  private final GatewayConfig config;
  private final ErrorAnswers errors;
  private final GatewayListener listener;
  private volatile boolean draining;

  ServerState(GatewayConfig config, ErrorAnswers errors, GatewayListener listener) {
    this.config = config;
    this.errors = errors;
    this.listener = listener;
  }

  GatewayConfig config() {
    return config;
  }

  ErrorAnswers errors() {
    return errors;
  }

  GatewayListener listener() {
    return listener;
  }

  boolean isDraining() {
    return draining;
  }

  void startDraining() {
    draining = true;
  }

  /** Reports one finished request to the listener, when the access log is on. */
  void logAccess(Exchange exchange, int httpStatus, int grpcStatus) {
    if (!config.accessLog()) {
      return;
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - exchange.startNanos());
    listener.requestCompleted(new AccessLogEntry(exchange.method(), exchange.path(), httpStatus, grpcStatus,
        exchange.grpcMethod(), duration));
  }
}
