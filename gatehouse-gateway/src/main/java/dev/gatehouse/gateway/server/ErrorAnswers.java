package dev.gatehouse.gateway.server;

import dev.gatehouse.core.status.ErrorBody;
import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Every error the gateway answers becomes here a {@code google.rpc.Status} JSON body with the HTTP status its code
 * maps to: the one place where an exception or a failed call turns into what a client sees.
 */
final class ErrorAnswers {
  private static final Metadata.Key<byte[]> STATUS_DETAILS =
      Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);

  private final ErrorBody bodies;
  private final ErrorBody compactBodies;

  /**
   * @param compactBodies renders the Status bodies written inside a stream (a line, an event, a WebSocket frame),
   *     which must not break lines even when the configuration asks for pretty JSON
   */
  ErrorAnswers(ErrorBody bodies, ErrorBody compactBodies) {
    this.bodies = bodies;
    this.compactBodies = compactBodies;
  }

  /** An error the gateway raised itself: bad input, routing, limits, negotiation. */
  Answer of(StatusException e) {
    return answer(e.code().value(), bodies.render(e));
  }

  Answer of(GrpcCode code, String message) {
    return of(new StatusException(code, message));
  }

  /** A call that ended with a status other than OK, with the details the backend put in its trailers. */
  Answer ofCall(Status status, Metadata trailers) {
    int code = status.getCode().value();
    return answer(code, bodies.render(code, message(status), trailers.get(STATUS_DETAILS)));
  }

  /** The compact {@code google.rpc.Status} JSON of a call that ended with a status other than OK, for a stream. */
  byte[] streamStatus(Status status, Metadata trailers) {
    return compactBodies.render(status.getCode().value(), message(status), trailers.get(STATUS_DETAILS));
  }

  /** The compact {@code google.rpc.Status} JSON of an error the gateway raised itself, for a stream. */
  byte[] streamStatus(StatusException e) {
    return compactBodies.render(e);
  }

  /** Anything unexpected: a 500 that says what failed without leaking internals. */
  Answer internal(String what) {
    return of(GrpcCode.INTERNAL, what);
  }

  private static String message(Status status) {
    return status.getDescription() != null ? status.getDescription() : status.getCode().name();
  }

  private static Answer answer(int code, byte[] body) {
    return Answer.of(HttpResponseStatus.valueOf(GrpcCode.httpStatusOf(code)), MediaTypes.APPLICATION_JSON, body,
        code);
  }
}
