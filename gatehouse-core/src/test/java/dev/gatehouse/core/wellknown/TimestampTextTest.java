package dev.gatehouse.core.wellknown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampTextTest {

  @Test
  void parsesZuluWithAnyNumberOfFractionalDigits() {
    assertThat(TimestampText.parse("1970-01-01T00:00:00Z")).isEqualTo(ts(0, 0));
    assertThat(TimestampText.parse("2024-05-01T12:00:00.5Z")).isEqualTo(ts(1_714_564_800L, 500_000_000));
    assertThat(TimestampText.parse("2024-05-01T12:00:00.123456789Z")).isEqualTo(ts(1_714_564_800L, 123_456_789));
    assertThat(TimestampText.parse("1969-12-31T23:59:59.999999999Z")).isEqualTo(ts(-1, 999_999_999));
  }

  @Test
  void offsetsAreAppliedToReachUtc() {
    assertThat(TimestampText.parse("2024-05-01T14:30:00+02:30")).isEqualTo(ts(1_714_564_800L, 0));
    assertThat(TimestampText.parse("2024-05-01T07:00:00-05:00")).isEqualTo(ts(1_714_564_800L, 0));
  }

  @Test
  void acceptsTheWholeRangeAndNothingBeyond() {
    assertThat(TimestampText.parse("0001-01-01T00:00:00Z").getSeconds()).isEqualTo(TimestampText.MIN_SECONDS);
    assertThat(TimestampText.parse("9999-12-31T23:59:59.999999999Z").getSeconds())
        .isEqualTo(TimestampText.MAX_SECONDS);
    assertThatThrownBy(() -> TimestampText.parse("0001-01-01T00:00:00+00:01"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0001-01-01T00:00:00Z");
    assertThatThrownBy(() -> TimestampText.parse("9999-12-31T23:59:59-00:01"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9999-12-31T23:59:59.999999999Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2024-05-01", "2024-05-01T12:00:00", "2024-05-01 12:00:00Z", "2024-13-01T00:00:00Z",
      "2023-02-29T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:00:00.1234567890Z", "2024-05-01T12:00:00+0200",
      "2024-05-01T12:00:00Zjunk", "0000-01-01T00:00:00Z", "2024-5-01T12:00:00Z", "abc"})
  void rejectsWhatIsNotRfc3339NamingTheExpectation(String text) {
    assertThatThrownBy(() -> TimestampText.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected an RFC 3339 timestamp like 2024-05-01T12:00:00Z");
  }

  @Test
  void formatsWithZeroThreeSixOrNineFractionalDigits() {
    assertThat(TimestampText.format(0, 0)).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(TimestampText.format(1_714_564_800L, 500_000_000)).isEqualTo("2024-05-01T12:00:00.500Z");
    assertThat(TimestampText.format(1_714_564_800L, 123_000)).isEqualTo("2024-05-01T12:00:00.000123Z");
    assertThat(TimestampText.format(-1, 1)).isEqualTo("1969-12-31T23:59:59.000000001Z");
    assertThat(TimestampText.format(TimestampText.MIN_SECONDS, 0)).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void formatRejectsOutOfRangeValues() {
    assertThatThrownBy(() -> TimestampText.format(TimestampText.MAX_SECONDS + 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimestampText.format(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void agreesWithProtobufUtilOnRandomInstants() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 2000; i++) {
      long seconds = random.nextLong(TimestampText.MIN_SECONDS, TimestampText.MAX_SECONDS + 1);
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1000;
        default -> random.nextInt(1_000_000_000);
      };
      Timestamp timestamp = ts(seconds, nanos);
      String text = TimestampText.format(timestamp);
      assertThat(text).isEqualTo(Timestamps.toString(timestamp));
      assertThat(TimestampText.parse(text)).isEqualTo(timestamp);
    }
  }

  private static Timestamp ts(long seconds, int nanos) {
    return Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build();
  }
}
