package dev.gatehouse.core.status;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import java.util.List;

/**
 * An error that ends a request with a gRPC status. Thrown inside the gateway (bad input, routing, limits) and turned
 * into a {@code google.rpc.Status} body at the edge. The message is for the client: it names the offending value and
 * what was expected, never an internal class name.
 */
public final class StatusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final GrpcCode code;
  private final transient List<Any> details;

  public StatusException(GrpcCode code, String message) {
    this(code, message, List.of(), null);
  }

  public StatusException(GrpcCode code, String message, Throwable cause) {
    this(code, message, List.of(), cause);
  }

  public StatusException(GrpcCode code, String message, List<Any> details, Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.code = requireNonNull(code, "code");
    this.details = List.copyOf(details);
  }

  /** A 400 INVALID_ARGUMENT, the status of every malformed request. */
  public static StatusException invalidArgument(String message) {
    return new StatusException(GrpcCode.INVALID_ARGUMENT, message);
  }

  public GrpcCode code() {
    return code;
  }

  /** Details for the {@code details} array of the error body, packed as {@code Any}. */
  public List<Any> details() {
    return details;
  }
}
