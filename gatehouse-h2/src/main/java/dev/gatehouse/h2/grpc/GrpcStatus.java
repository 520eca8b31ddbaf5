package dev.gatehouse.h2.grpc;

import dev.gatehouse.h2.frame.ErrorCode;

/**
 * A gRPC status code as sent in {@code grpc-status}; codes outside 0..16 keep their number.
 *
 * @param code the number
 */
public record GrpcStatus(int code) {

  public static final GrpcStatus OK = new GrpcStatus(0);
  public static final GrpcStatus CANCELLED = new GrpcStatus(1);
  public static final GrpcStatus UNKNOWN = new GrpcStatus(2);
  public static final GrpcStatus INTERNAL = new GrpcStatus(13);
  public static final GrpcStatus UNAVAILABLE = new GrpcStatus(14);
  public static final GrpcStatus RESOURCE_EXHAUSTED = new GrpcStatus(8);
  public static final GrpcStatus PERMISSION_DENIED = new GrpcStatus(7);

  private static final String[] NAMES = {
    "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
    "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
    "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"
  };

  /** The canonical name, e.g. {@code DEADLINE_EXCEEDED}, or {@code CODE_<n>} for a code outside 0..16. */
  public String name() {
    return code >= 0 && code < NAMES.length ? NAMES[code] : "CODE_" + code;
  }

  /**
   * Parses a {@code grpc-status} value (decimal digits), or returns {@code null} when it is not a number.
   */
  public static GrpcStatus parse(String value) {
    if (value == null || value.isEmpty() || value.length() > 9) {
      return null;
    }
    int code = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      code = code * 10 + (c - '0');
    }
    return new GrpcStatus(code);
  }

  /**
   * The status a gRPC client reports when a stream is reset with this code before trailers (gRPC
   * PROTOCOL-HTTP2.md "Errors"); {@code null} for STREAM_CLOSED, which has no mapping. CANCEL maps to CANCELLED (a
   * client whose deadline had passed reports DEADLINE_EXCEEDED instead).
   */
  public static GrpcStatus fromRstStream(ErrorCode errorCode) {
    switch ((int) Math.min(errorCode.code(), Integer.MAX_VALUE)) {
      case 0x5: // STREAM_CLOSED
        return null;
      case 0x7: // REFUSED_STREAM
        return UNAVAILABLE;
      case 0x8: // CANCEL
        return CANCELLED;
      case 0xb: // ENHANCE_YOUR_CALM
        return RESOURCE_EXHAUSTED;
      case 0xc: // INADEQUATE_SECURITY
        return PERMISSION_DENIED;
      default: // NO_ERROR, PROTOCOL_ERROR, INTERNAL_ERROR, FLOW_CONTROL_ERROR, ... and unknown codes
        return INTERNAL;
    }
  }

  /**
   * The status a gRPC client derives from a non-200 HTTP {@code :status} when no {@code grpc-status} came (gRPC
   * http-grpc-status-mapping.md).
   */
  public static GrpcStatus fromHttpStatus(int httpStatus) {
    switch (httpStatus) {
      case 200:
        return UNKNOWN;
      case 400:
      case 431:
        return INTERNAL;
      case 401:
        return new GrpcStatus(16);
      case 403:
        return PERMISSION_DENIED;
      case 404:
        return new GrpcStatus(12);
      case 429:
      case 502:
      case 503:
      case 504:
        return UNAVAILABLE;
      default:
        return UNKNOWN;
    }
  }

  @Override
  public String toString() {
    return code + " " + name();
  }
}
