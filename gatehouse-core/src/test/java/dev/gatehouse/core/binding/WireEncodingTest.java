package dev.gatehouse.core.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import dev.gatehouse.core.descriptor.FieldPath;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.Nested;
import org.junit.jupiter.api.Test;

class WireEncodingTest {
  private static final Descriptor ALL_TYPES = AllTypes.getDescriptor();

  @Test
  void nestedWritingWrapsTheInnerBytesInEachEnclosingMessage() throws InvalidProtocolBufferException {
    FieldPath path = FieldPath.resolve(ALL_TYPES, "nested.child.name");
    byte[] inner = Nested.newBuilder().setName("x".repeat(200)).build().toByteArray();

    byte[] bytes = WireEncoding.encode(out -> WireEncoding.writeNested(out, path.fields().subList(0, 2), inner));

    assertThat(AllTypes.parseFrom(bytes).getNested().getChild().getName()).hasSize(200);
  }

  @Test
  void removingAPathDropsOnlyThatFieldAndKeepsEverythingElseByteForByte() throws InvalidProtocolBufferException {
    AllTypes message = AllTypes.newBuilder()
        .setInt32Value(-1).setFixed64Value(7).setFixed32Value(3).setStringValue("s")
        .addRepeatedString("a").addRepeatedString("b")
        .setNested(Nested.newBuilder().setName("n").addTags("t1").addTags("t2").setCount(5))
        .setTimestamp(Timestamp.newBuilder().setSeconds(9))
        .build();

    byte[] withoutTags = WireEncoding.remove(message.toByteArray(),
        FieldPath.resolve(ALL_TYPES, "nested.tags").fields());
    byte[] withoutRepeated = WireEncoding.remove(message.toByteArray(),
        FieldPath.resolve(ALL_TYPES, "repeated_string").fields());
    byte[] withoutTimestamp = WireEncoding.remove(message.toByteArray(),
        FieldPath.resolve(ALL_TYPES, "timestamp").fields());

    assertThat(AllTypes.parseFrom(withoutTags))
        .isEqualTo(message.toBuilder().setNested(message.getNested().toBuilder().clearTags()).build());
    assertThat(AllTypes.parseFrom(withoutRepeated)).isEqualTo(message.toBuilder().clearRepeatedString().build());
    assertThat(AllTypes.parseFrom(withoutTimestamp)).isEqualTo(message.toBuilder().clearTimestamp().build());
  }

  @Test
  void removingAnAbsentPathChangesNothing() {
    byte[] bytes = AllTypes.newBuilder().setInt64Value(1).putStringMap("k", "v").build().toByteArray();

    assertThat(WireEncoding.remove(bytes, FieldPath.resolve(ALL_TYPES, "nested.name").fields())).isEqualTo(bytes);
  }
}
