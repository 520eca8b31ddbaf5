package dev.gatehouse.core.json;

import static dev.gatehouse.core.json.Fixtures.ALL_TYPES;
import static dev.gatehouse.core.json.Fixtures.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Timestamp;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.Color;
import dev.gatehouse.testing.v1.CreateBookRequest;
import dev.gatehouse.testing.v1.Nested;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The entry points for a body bound to one field and for {@code response_body}. */
class ProtoJsonFieldTest {
  private static final ProtoJson JSON = ProtoJson.create(CATALOG, JsonOptions.DEFAULT);

  private static FieldDescriptor field(String name) {
    return ALL_TYPES.findFieldByName(name);
  }

  private static AllTypes bind(String field, String json) throws Exception {
    return AllTypes.parseFrom(JSON.fieldToProto(field(field), json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aBodyBoundToAMessageFieldBecomesThatFieldsEncoding() throws Exception {
    Descriptor request = CATALOG.findMessage("gatehouse.testing.v1.CreateBookRequest");
    byte[] wire = JSON.fieldToProto(request.findFieldByName("book"),
        "{\"title\":\"Dune\",\"pageCount\":\"412\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(CreateBookRequest.parseFrom(wire).getBook())
        .isEqualTo(Book.newBuilder().setTitle("Dune").setPageCount(412).build());
  }

  @Test
  void aBodyBoundToScalarRepeatedMapOrWellKnownFieldsBecomesTheirEncoding() throws Exception {
    assertThat(bind("int64_value", "\"-5\"").getInt64Value()).isEqualTo(-5);
    assertThat(bind("color", "\"GREEN\"").getColor()).isEqualTo(Color.GREEN);
    assertThat(bind("optional_int32", "0").hasOptionalInt32()).isTrue();
    assertThat(bind("repeated_int64", "[1,\"2\"]").getRepeatedInt64List()).containsExactly(1L, 2L);
    assertThat(bind("repeated_nested", "[{\"name\":\"a\"}]").getRepeatedNestedList())
        .containsExactly(Nested.newBuilder().setName("a").build());
    assertThat(bind("int_map", "{\"7\":\"8\"}").getIntMapMap()).containsEntry(7, 8L);
    assertThat(bind("timestamp", "\"1970-01-01T00:00:01Z\"").getTimestamp())
        .isEqualTo(Timestamp.newBuilder().setSeconds(1).build());
    assertThat(bind("nested", "null")).isEqualTo(AllTypes.getDefaultInstance());
    assertThat(bind("nested", "")).isEqualTo(AllTypes.getDefaultInstance());
  }

  @Test
  void errorsInABoundBodyStartTheirPathAtTheField() {
    assertThatThrownBy(() -> bind("nested", "{\"count\":\"many\"}"))
        .isInstanceOf(StatusException.class)
        .hasMessageStartingWith("invalid value at \"nested.count\": \"many\"");
  }

  @Test
  void aResponseBodyFieldPrintsItsValueAlone() throws Exception {
    AllTypes message = AllTypes.newBuilder().setStringValue("x<y").addRepeatedInt64(3)
        .setNested(Nested.newBuilder().setName("n")).build();
    assertThat(printField("string_value", message)).isEqualTo("\"x\\u003cy\"");
    assertThat(printField("repeated_int64", message)).isEqualTo("[\"3\"]");
    assertThat(printField("nested", message)).isEqualTo("{\"name\":\"n\",\"count\":\"0\",\"tags\":[],"
        + "\"color\":\"COLOR_UNSPECIFIED\"}");
    assertThat(printField("int32_value", message)).isEqualTo("0");
    assertThat(printField("string_map", message)).isEqualTo("{}");
    assertThat(printField("repeated_string", message)).isEqualTo("[]");
    assertThat(printField("timestamp", message)).isEqualTo("\"1970-01-01T00:00:00Z\"");
  }

  private static String printField(String name, AllTypes message) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.fieldToJson(field(name), message.toByteArray(), out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
