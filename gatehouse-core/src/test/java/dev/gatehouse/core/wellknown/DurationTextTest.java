package dev.gatehouse.core.wellknown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Duration;
import com.google.protobuf.util.Durations;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

  @Test
  void parsesSecondsWithFractionsAndSign() {
    assertThat(DurationText.parse("1.5s")).isEqualTo(d(1, 500_000_000));
    assertThat(DurationText.parse("0s")).isEqualTo(d(0, 0));
    assertThat(DurationText.parse("-0.000000001s")).isEqualTo(d(0, -1));
    assertThat(DurationText.parse("-3.25s")).isEqualTo(d(-3, -250_000_000));
    assertThat(DurationText.parse("315576000000s")).isEqualTo(d(315_576_000_000L, 0));
    assertThat(DurationText.parse("-315576000000.999999999s")).isEqualTo(d(-315_576_000_000L, -999_999_999));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s", "1", "1.5", "1.5S", "+1s", "--1s", ".5s", "1.1234567890s", "1e3s", "1 s", "abc"})
  void rejectsMalformedDurationsNamingTheExpectation(String text) {
    assertThatThrownBy(() -> DurationText.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a duration in seconds like 1.5s");
  }

  @Test
  void rejectsDurationsBeyondTenThousandYears() {
    assertThatThrownBy(() -> DurationText.parse("315576000001s"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between -315576000000s");
    assertThatThrownBy(() -> DurationText.parse("99999999999999999999999s"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between -315576000000s");
  }

  @Test
  void formatsLikeJsonFormat() {
    assertThat(DurationText.format(0, -1)).isEqualTo("-0.000000001s");
    assertThat(DurationText.format(1, 500_000_000)).isEqualTo("1.500s");
    assertThat(DurationText.format(-5, 0)).isEqualTo("-5s");
    assertThatThrownBy(() -> DurationText.format(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void agreesWithProtobufUtilOnRandomDurations() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 2000; i++) {
      long seconds = random.nextLong(-DurationText.MAX_SECONDS, DurationText.MAX_SECONDS + 1) / (1L << random.nextInt(40));
      int nanos = i % 3 == 0 ? 0 : random.nextInt(1_000_000_000) / (i % 2 == 0 ? 1 : 1000) * (i % 2 == 0 ? 1 : 1000);
      if (seconds < 0 || (seconds == 0 && i % 5 == 0)) {
        nanos = -nanos;
      }
      Duration duration = d(seconds, nanos);
      String text = DurationText.format(duration);
      assertThat(text).isEqualTo(Durations.toString(duration));
      assertThat(DurationText.parse(text)).isEqualTo(duration);
    }
  }

  private static Duration d(long seconds, int nanos) {
    return Duration.newBuilder().setSeconds(seconds).setNanos(nanos).build();
  }
}
