package dev.gatehouse.core.status;

/**
 * The gRPC status codes with the HTTP status each maps to, as grpc-gateway maps them
 * ({@code runtime.HTTPStatusFromCode}); FAILED_PRECONDITION is deliberately 400, not 412.
 */
public enum GrpcCode {
  OK(0, 200),
  CANCELLED(1, 499),
  UNKNOWN(2, 500),
  INVALID_ARGUMENT(3, 400),
  DEADLINE_EXCEEDED(4, 504),
  NOT_FOUND(5, 404),
  ALREADY_EXISTS(6, 409),
  PERMISSION_DENIED(7, 403),
  RESOURCE_EXHAUSTED(8, 429),
  FAILED_PRECONDITION(9, 400),
  ABORTED(10, 409),
  OUT_OF_RANGE(11, 400),
  UNIMPLEMENTED(12, 501),
  INTERNAL(13, 500),
  UNAVAILABLE(14, 503),
  DATA_LOSS(15, 500),
  UNAUTHENTICATED(16, 401);

  private static final GrpcCode[] BY_VALUE = values();

  private final int value;
  private final int httpStatus;

  GrpcCode(int value, int httpStatus) {
    this.value = value;
    this.httpStatus = httpStatus;
  }

  /** The code's number on the wire ({@code grpc-status}). */
  public int value() {
    return value;
  }

  /** The HTTP status a REST client sees for this code. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The code for a number, or {@code null} when the number is not a known code. */
  public static GrpcCode ofValue(int value) {
    return value >= 0 && value < BY_VALUE.length ? BY_VALUE[value] : null;
  }

  /** The HTTP status for any code number: unknown numbers are 500, like UNKNOWN. */
  public static int httpStatusOf(int value) {
    GrpcCode code = ofValue(value);
    return code == null ? 500 : code.httpStatus;
  }
}
