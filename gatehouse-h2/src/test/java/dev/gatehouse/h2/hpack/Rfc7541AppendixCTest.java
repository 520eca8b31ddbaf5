package dev.gatehouse.h2.hpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The decoder against every example of RFC 7541 Appendix C, kept in {@code hpack/rfc7541-appendix-c.txt}. */
class Rfc7541AppendixCTest {

  record Block(String id, byte[] bytes, List<String> fields, long tableSize) {}

  record Sequence(String name, long tableSize, List<Block> blocks) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sequences")
  void decodesTheRfcExamples(Sequence sequence) {
    HpackDecoder decoder = new HpackDecoder(sequence.tableSize());
    for (Block block : sequence.blocks()) {
      HeaderBlock decoded = decoder.decode(block.bytes(), 0, block.bytes().length);
      assertThat(decoded.error()).as(block.id()).isNull();
      List<String> fields = new ArrayList<>();
      for (HeaderField field : decoded.fields()) {
        fields.add(field.name() + ": " + field.value());
      }
      assertThat(fields).as(block.id()).isEqualTo(block.fields());
      assertThat(decoded.tableSize()).as(block.id()).isEqualTo(block.tableSize());
    }
  }

  static Stream<Sequence> sequences() throws IOException {
    List<Sequence> sequences = new ArrayList<>();
    String text;
    try (InputStream in = Rfc7541AppendixCTest.class.getResourceAsStream("/hpack/rfc7541-appendix-c.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Block> blocks = null;
    String blockId = null;
    byte[] bytes = null;
    List<String> fields = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("sequence ")) {
        String[] parts = line.split(" ");
        blocks = new ArrayList<>();
        sequences.add(new Sequence(parts[1], Long.parseLong(parts[2]), blocks));
      } else if (line.startsWith("block ")) {
        blockId = line.substring(6);
        fields = new ArrayList<>();
      } else if (line.startsWith("hex ")) {
        bytes = HexFormat.of().parseHex(line.substring(4).replace(" ", ""));
      } else if (line.startsWith("field ")) {
        fields.add(line.substring(6));
      } else if (line.startsWith("table-size ")) {
        blocks.add(new Block(blockId, bytes, fields, Long.parseLong(line.substring(11))));
      }
    }
    return sequences.stream();
  }
}
