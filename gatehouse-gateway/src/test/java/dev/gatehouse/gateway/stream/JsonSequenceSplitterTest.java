package dev.gatehouse.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonSequenceSplitterTest {
  private static final String SEQUENCE = "{\"a\":{\"b\":[1,2,\"}\"]}}\n{\"c\":\"x\\\"{\"}{}  [1] \"s\" true\r\n\t12 ";

  private static List<String> split(String text, int chunk) {
    JsonSequenceSplitter splitter = new JsonSequenceSplitter(1024);
    List<String> values = new ArrayList<>();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i += chunk) {
      splitter.feed(bytes, i, Math.min(chunk, bytes.length - i),
          value -> values.add(new String(value, StandardCharsets.UTF_8).trim()));
    }
    splitter.end(value -> values.add(new String(value, StandardCharsets.UTF_8).trim()));
    return values;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 1000})
  void valuesComeOutWholeWhateverTheChunkBoundaries(int chunk) {
    assertThat(split(SEQUENCE, chunk)).containsExactly("{\"a\":{\"b\":[1,2,\"}\"]}}", "{\"c\":\"x\\\"{\"}", "{}",
        "[1]", "\"s\"", "true", "12");
  }

  @Test
  void eachValueIsHandedOverAsSoonAsItsLastByteArrives() {
    JsonSequenceSplitter splitter = new JsonSequenceSplitter(1024);
    List<String> values = new ArrayList<>();
    byte[] first = "{\"text\":\"one\"}{\"te".getBytes(StandardCharsets.UTF_8);

    splitter.feed(first, 0, first.length, value -> values.add(new String(value, StandardCharsets.UTF_8)));

    assertThat(values).containsExactly("{\"text\":\"one\"}");
    assertThat(splitter.values()).isOne();
  }

  @Test
  void blankInputHasNoValue() {
    assertThat(split(" \n\t ", 1)).isEmpty();
    assertThat(split("", 1)).isEmpty();
  }

  @Test
  void malformedJsonNamesTheMessage() {
    assertThatThrownBy(() -> split("{}\n{\"a\":]", 4))
        .isInstanceOf(StatusException.class)
        .hasMessageStartingWith("request message #2: invalid JSON:")
        .extracting(e -> ((StatusException) e).code()).isEqualTo(GrpcCode.INVALID_ARGUMENT);
  }

  @Test
  void aBodyEndingInsideAValueIsRefused() {
    assertThatThrownBy(() -> split("{\"a\":1}{\"b\":", 100))
        .isInstanceOf(StatusException.class)
        .hasMessageContaining("request message #2");
  }

  @Test
  void aValueLongerThanTheLimitIsResourceExhaustedEvenBeforeItEnds() {
    JsonSequenceSplitter splitter = new JsonSequenceSplitter(16);
    byte[] small = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] large = "{\"a\":\"0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    List<byte[]> values = new ArrayList<>();

    splitter.feed(small, 0, small.length, values::add);
    assertThatThrownBy(() -> splitter.feed(large, 0, large.length, values::add))
        .isInstanceOf(StatusException.class)
        .hasMessage("request message #2 larger than 16 bytes")
        .extracting(e -> ((StatusException) e).code()).isEqualTo(GrpcCode.RESOURCE_EXHAUSTED);
    assertThat(values).hasSize(1);
  }

  @Test
  void manyValuesKeepOnlyTheOneInProgress() {
    JsonSequenceSplitter splitter = new JsonSequenceSplitter(64);
    byte[] value = "{\"n\":12345}\n".getBytes(StandardCharsets.UTF_8);
    int[] count = {0};
    for (int i = 0; i < 100_000; i++) {
      splitter.feed(value, 0, value.length, v -> count[0]++);
    }
    splitter.end(v -> count[0]++);

    assertThat(count[0]).isEqualTo(100_000);
  }
}
