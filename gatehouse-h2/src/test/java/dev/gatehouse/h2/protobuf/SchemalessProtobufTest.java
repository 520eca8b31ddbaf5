package dev.gatehouse.h2.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SchemalessProtobufTest {

  @Test
  void stringsNumbersAndNestedMessages() {
    // 1: "hello", 2: 42, 3: {1: 1}
    assertThat(SchemalessProtobuf.toJson(hex("0a0568656c6c6f" + "102a" + "1a020801")))
        .isEqualTo("{\"1\":\"hello\",\"2\":42,\"3\":{\"1\":1}}");
  }

  @Test
  void repeatedFieldsBecomeArrays() {
    assertThat(SchemalessProtobuf.toJson(hex("0801" + "0802" + "0803"))).isEqualTo("{\"1\":[1,2,3]}");
  }

  @Test
  void fixedWidthAndLargeVarints() {
    // 1: fixed32 1, 2: fixed64 2, 3: varint 2^64-1 (unsigned)
    assertThat(SchemalessProtobuf.toJson(hex("0d01000000" + "110200000000000000" + "18ffffffffffffffffff01")))
        .isEqualTo("{\"1\":1,\"2\":2,\"3\":18446744073709551615}");
  }

  @Test
  void bytesThatAreNeitherTextNorMessageAreHex() {
    assertThat(SchemalessProtobuf.toJson(hex("0a03ff00fe"))).isEqualTo("{\"1\":\"0xff00fe\"}");
  }

  @Test
  void textIsEscaped() {
    assertThat(SchemalessProtobuf.toJson(hex("0a0461225c0a"))).isEqualTo("{\"1\":\"a\\\"\\\\\\n\"}");
  }

  @Test
  void notAMessageIsNullAndToJsonOrHexShowsHex() {
    assertThat(SchemalessProtobuf.toJson(hex("0a05"))).isNull();
    assertThat(SchemalessProtobuf.toJson(hex("0b"))).isNull(); // start group
    assertThat(SchemalessProtobuf.toJsonOrHex(hex("0a05"))).isEqualTo("\"0x0a05\"");
    assertThat(SchemalessProtobuf.toJson(new byte[0])).isEqualTo("{}");
  }

  @Test
  void randomBytesNeverThrow() {
    Random random = new Random(1);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = new byte[random.nextInt(64)];
      random.nextBytes(bytes);
      assertThat(SchemalessProtobuf.toJsonOrHex(bytes)).isNotEmpty();
    }
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
