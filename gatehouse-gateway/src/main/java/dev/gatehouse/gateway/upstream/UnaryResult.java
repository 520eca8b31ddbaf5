package dev.gatehouse.gateway.upstream;

import static java.util.Objects.requireNonNull;

import io.grpc.Metadata;
import io.grpc.Status;

/**
 * How a unary call ended.
 *
 * @param status the call's status; OK when the backend answered
 * @param headers the response header metadata, empty when none arrived
 * @param message the response message bytes, or {@code null} when none arrived (always with a status other than OK,
 *     since a unary OK without a message is turned into INTERNAL)
 * @param trailers the trailer metadata, with {@code grpc-status-details-bin} when the backend sent details
 */
public record UnaryResult(Status status, Metadata headers, byte[] message, Metadata trailers) {
  public UnaryResult {
    requireNonNull(status, "status");
    requireNonNull(headers, "headers");
    requireNonNull(trailers, "trailers");
  }
}
