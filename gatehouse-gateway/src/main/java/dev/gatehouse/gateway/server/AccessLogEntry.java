package dev.gatehouse.gateway.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;

/**
 * One line of the access log.
 *
 * @param method the HTTP method
 * @param path the request target's path, without the query
 * @param httpStatus the status sent, or 499 when the client went away before the answer
 * @param grpcStatus the gRPC status code of the answer: the backend's, or the one in the gateway's own error body
 * @param grpcMethod the gRPC method called, {@code pkg.Service/Method}, or {@code null} when none was
 * @param duration from the request's head to the last byte of the answer handed to the socket
 */
public record AccessLogEntry(String method, String path, int httpStatus, int grpcStatus, String grpcMethod,
    Duration duration) {

  public AccessLogEntry {
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    requireNonNull(duration, "duration");
  }

  /** One line: {@code GET /v1/shelves/1 200 grpc=0 1.234ms pkg.Library/GetShelf}. */
  @Override
  public String toString() {
    return method + " " + path + " " + httpStatus + " grpc=" + grpcStatus + " "
        + String.format(Locale.ROOT, "%.3fms", duration.toNanos() / 1e6)
        + (grpcMethod == null ? "" : " " + grpcMethod);
  }
}
