package dev.gatehouse.core.json;

import static dev.gatehouse.core.json.Fixtures.ALL_TYPES;
import static dev.gatehouse.core.json.Fixtures.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.Nested;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Wire bytes that are valid but not what protobuf-java writes: we print what JsonFormat prints after parsing them. */
class ProtoJsonWireTest {

  /** Writes raw wire bytes by hand. */
  private static final class Wire {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    Wire varint(int number, long value) throws IOException {
      out.writeUInt64(number, value);
      return this;
    }

    Wire string(int number, String value) throws IOException {
      out.writeString(number, value);
      return this;
    }

    Wire message(int number, Wire content) throws IOException {
      out.writeByteArray(number, content.toByteArray());
      return this;
    }

    Wire packed(int number, long... values) throws IOException {
      Wire content = new Wire();
      for (long value : values) {
        content.out.writeUInt64NoTag(value);
      }
      return message(number, content);
    }

    Wire fixed32(int number, int value) throws IOException {
      out.writeFixed32(number, value);
      return this;
    }

    Wire group(int number) throws IOException {
      out.writeTag(number, WireFormat.WIRETYPE_START_GROUP);
      out.writeUInt64(1, 5);
      out.writeTag(number, WireFormat.WIRETYPE_END_GROUP);
      return this;
    }

    byte[] toByteArray() throws IOException {
      out.flush();
      return bytes.toByteArray();
    }
  }

  private static void assertPrintsLikeJsonFormat(byte[] wire) throws Exception {
    AllTypes reference = AllTypes.parseFrom(wire);
    for (JsonOptions options : new JsonOptions[] {JsonOptions.DEFAULT, JsonOptions.DEFAULT.withEmitUnpopulated(false)}) {
      String ours = new String(ProtoJson.create(CATALOG, options).toJson(ALL_TYPES, wire), StandardCharsets.UTF_8);
      assertThat(ours).as("%s", options).isEqualTo(Fixtures.print(options, reference));
    }
  }

  @Test
  void fieldsInAnyOrderPrintInJsonFormatOrder() throws Exception {
    assertPrintsLikeJsonFormat(new Wire().string(63, "late").string(14, "s").varint(3, 7).varint(1 << 3, 0)
        .toByteArray());
  }

  @Test
  void aMessageFieldGivenTwiceIsMerged() throws Exception {
    byte[] wire = new Wire()
        .message(17, new Wire().string(1, "first").string(4, "a"))
        .varint(3, 1)
        .message(17, new Wire().varint(2, 5).string(4, "b").message(3, new Wire().string(1, "child")))
        .toByteArray();
    assertThat(AllTypes.parseFrom(wire).getNested())
        .isEqualTo(Nested.newBuilder().setName("first").setCount(5).addTags("a").addTags("b")
            .setChild(Nested.newBuilder().setName("child")).build());
    assertPrintsLikeJsonFormat(wire);
  }

  @Test
  void theLastScalarWins() throws Exception {
    assertPrintsLikeJsonFormat(new Wire().varint(3, 1).string(14, "one").varint(3, 2).string(14, "two")
        .toByteArray());
  }

  @Test
  void packedAndUnpackedRunsOfOneRepeatedFieldJoin() throws Exception {
    assertPrintsLikeJsonFormat(new Wire().varint(21, 1).packed(21, 2, 3).varint(3, 9).varint(21, 4)
        .packed(21).packed(29, 1, 2, 3).fixed32(30, 7).toByteArray());
  }

  @Test
  void unknownFieldsAndMismatchedWireTypesAreSkipped() throws Exception {
    assertPrintsLikeJsonFormat(new Wire().varint(1000, 1).string(999, "x").group(77).fixed32(3, 5)
        .string(2, "not a float").varint(14, 1).varint(3, 8).toByteArray());
  }

  @Test
  void mapEntriesWithoutKeyOrValuePrintDefaultsAndRepeatedKeysKeepTheLastValue() throws Exception {
    byte[] wire = new Wire()
        .message(31, new Wire().string(2, "no key"))
        .message(31, new Wire().string(1, "no value"))
        .message(31, new Wire().string(1, "k").string(2, "first"))
        .message(32, new Wire())
        .message(33, new Wire().varint(1, 1))
        .message(31, new Wire().string(2, "second").string(1, "k"))
        .message(34, new Wire().varint(1, 5).varint(2, 99))
        .toByteArray();
    assertPrintsLikeJsonFormat(wire);
  }

  @Test
  void aLaterOneofMemberReplacesAnEarlierOne() throws Exception {
    assertPrintsLikeJsonFormat(new Wire().string(36, "s").message(38, new Wire().string(1, "n")).varint(37, 0)
        .toByteArray());
    assertPrintsLikeJsonFormat(new Wire().varint(37, 4).message(38, new Wire().string(1, "a")).string(36, "x")
        .toByteArray());
    // protobuf-java merges a message member into its content from before another member replaced it; the
    // encoding spec (and upb, and Go) start it afresh, and so do we.
    byte[] wire = new Wire().message(38, new Wire().string(1, "a")).string(36, "x")
        .message(38, new Wire().varint(2, 2)).toByteArray();
    assertThat(new String(ProtoJson.create(CATALOG, JsonOptions.DEFAULT.withEmitUnpopulated(false))
        .toJson(ALL_TYPES, wire), StandardCharsets.UTF_8)).isEqualTo("{\"choiceNested\":{\"count\":\"2\"}}");
  }

  @Test
  void nonCanonicalDefaultsOnTheWirePrintLikeAbsentOnes() throws Exception {
    assertPrintsLikeJsonFormat(new Wire().varint(3, 0).string(14, "").fixed32(2, 0).varint(16, 0).packed(21)
        .toByteArray());
  }

  @Test
  void malformedBytesAreAnInternalErrorNamingTheType() {
    for (byte[] wire : new byte[][] {{0x0A, 0x05, 0x01}, {(byte) 0x80}, {0x0F}, {0x00, 0x00}}) {
      assertThatThrownBy(() -> ProtoJson.create(CATALOG, JsonOptions.DEFAULT).toJson(ALL_TYPES, wire))
          .isInstanceOf(StatusException.class)
          .hasMessageContaining("cannot print gatehouse.testing.v1.AllTypes as JSON")
          .satisfies(e -> assertThat(((StatusException) e).code()).isEqualTo(GrpcCode.INTERNAL));
    }
  }
}
