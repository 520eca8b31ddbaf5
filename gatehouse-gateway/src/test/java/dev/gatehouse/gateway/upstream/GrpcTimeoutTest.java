package dev.gatehouse.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GrpcTimeoutTest {

  @Test
  void everyUnitIsUnderstood() {
    assertThat(GrpcTimeout.parseNanos("2H")).isEqualTo(7_200_000_000_000L);
    assertThat(GrpcTimeout.parseNanos("3M")).isEqualTo(180_000_000_000L);
    assertThat(GrpcTimeout.parseNanos("1S")).isEqualTo(1_000_000_000L);
    assertThat(GrpcTimeout.parseNanos("10m")).isEqualTo(10_000_000L);
    assertThat(GrpcTimeout.parseNanos("5u")).isEqualTo(5_000L);
    assertThat(GrpcTimeout.parseNanos("7n")).isEqualTo(7L);
  }

  @Test
  void hugeValueSaturatesInsteadOfOverflowing() {
    assertThat(GrpcTimeout.parseNanos("99999999H")).isEqualTo(Long.MAX_VALUE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "S", "10", "10s", "-1S", "1.5S", "123456789S", " 1S"})
  void malformedValueIsInvalidArgumentNamingIt(String value) {
    assertThatThrownBy(() -> GrpcTimeout.parseNanos(value))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(GrpcCode.INVALID_ARGUMENT))
        .hasMessageContaining("\"" + value + "\"");
  }
}
