package dev.gatehouse.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrpcCodeTest {
  /** The table of grpc-gateway's runtime.HTTPStatusFromCode, which REST clients of gRPC services already expect. */
  @ParameterizedTest(name = "{1} ({0}) -> HTTP {2}")
  @CsvSource({
      "0, OK, 200",
      "1, CANCELLED, 499",
      "2, UNKNOWN, 500",
      "3, INVALID_ARGUMENT, 400",
      "4, DEADLINE_EXCEEDED, 504",
      "5, NOT_FOUND, 404",
      "6, ALREADY_EXISTS, 409",
      "7, PERMISSION_DENIED, 403",
      "8, RESOURCE_EXHAUSTED, 429",
      "9, FAILED_PRECONDITION, 400",
      "10, ABORTED, 409",
      "11, OUT_OF_RANGE, 400",
      "12, UNIMPLEMENTED, 501",
      "13, INTERNAL, 500",
      "14, UNAVAILABLE, 503",
      "15, DATA_LOSS, 500",
      "16, UNAUTHENTICATED, 401",
  })
  void everyCodeMapsToItsHttpStatus(int value, String name, int httpStatus) {
    GrpcCode code = GrpcCode.ofValue(value);

    assertThat(code).isNotNull();
    assertThat(code.name()).isEqualTo(name);
    assertThat(code.value()).isEqualTo(value);
    assertThat(code.httpStatus()).isEqualTo(httpStatus);
    assertThat(GrpcCode.httpStatusOf(value)).isEqualTo(httpStatus);
  }

  @ParameterizedTest
  @CsvSource({"17", "-1", "99", "2147483647"})
  void unknownCodesAreServerErrors(int value) {
    assertThat(GrpcCode.ofValue(value)).isNull();
    assertThat(GrpcCode.httpStatusOf(value)).isEqualTo(500);
  }
}
