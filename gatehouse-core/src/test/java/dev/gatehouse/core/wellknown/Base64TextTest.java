package dev.gatehouse.core.wellknown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64TextTest {

  @Test
  void decodesBothAlphabetsWithOrWithoutPadding() {
    byte[] bytes = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 1};
    assertThat(Base64Text.decode("+/+/AQ==")).isEqualTo(bytes);
    assertThat(Base64Text.decode("+/+/AQ")).isEqualTo(bytes);
    assertThat(Base64Text.decode("-_-_AQ==")).isEqualTo(bytes);
    assertThat(Base64Text.decode("-_-_AQ")).isEqualTo(bytes);
    assertThat(Base64Text.decode("")).isEmpty();
    assertThat(Base64Text.decode("aGk=")).isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "abcde", "ab=c", "ab===", "abc==", "a b=", "ab\n", "é", "+_ab"})
  void rejectsWhatIsNotBase64(String text) {
    assertThatThrownBy(() -> Base64Text.decode(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected base64 (standard or URL-safe alphabet, padding optional)");
  }

  @Test
  void encodesStandardWithPaddingAndRoundTrips() {
    SplittableRandom random = new SplittableRandom(3);
    for (int length = 0; length < 64; length++) {
      byte[] bytes = new byte[length];
      for (int i = 0; i < length; i++) {
        bytes[i] = (byte) random.nextInt(256);
      }
      String text = Base64Text.encode(bytes);
      assertThat(text).isEqualTo(Base64.getEncoder().encodeToString(bytes));
      assertThat(Base64Text.decode(text)).isEqualTo(bytes);
      assertThat(Base64Text.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))).isEqualTo(bytes);
    }
  }
}
