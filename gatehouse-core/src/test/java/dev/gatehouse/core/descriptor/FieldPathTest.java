package dev.gatehouse.core.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.UpdateBookRequest;
import org.junit.jupiter.api.Test;

class FieldPathTest {
  private final Descriptor allTypes = AllTypes.getDescriptor();

  @Test
  void resolvesNestedPathsThroughSingularMessages() {
    FieldPath path = FieldPath.resolve(UpdateBookRequest.getDescriptor(), "book.name");

    assertThat(path.fields()).hasSize(2);
    assertThat(path.leaf().getFullName()).isEqualTo("gatehouse.testing.v1.Book.name");
    assertThat(path).hasToString("book.name");
  }

  @Test
  void unknownFieldNamesThePathAndTheMessage() {
    assertThatThrownBy(() -> FieldPath.resolve(allTypes, "nested.nope"))
        .hasMessage("field path \"nested.nope\": no field \"nope\" in gatehouse.testing.v1.Nested");
  }

  @Test
  void pathThroughAScalarIsRejected() {
    assertThatThrownBy(() -> FieldPath.resolve(allTypes, "string_value.x"))
        .hasMessageContaining("\"string_value\" is not a message field");
  }

  @Test
  void pathThroughARepeatedMessageIsRejected() {
    assertThatThrownBy(() -> FieldPath.resolve(allTypes, "repeated_nested.name"))
        .hasMessageContaining("\"repeated_nested\" is repeated");
  }

  @Test
  void jsonNamesAreNotFieldPathNames() {
    assertThatThrownBy(() -> FieldPath.resolve(allTypes, "stringValue"))
        .hasMessageContaining("no field \"stringValue\"");
  }
}
