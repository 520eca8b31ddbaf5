package dev.gatehouse.core.json;

import static dev.gatehouse.core.json.Fixtures.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** proto2 messages (presence everywhere, closed enums), on a real one: the test descriptor set itself. */
class ProtoJsonProto2Test {

  @Test
  void aDescriptorSetPrintsAndParsesAsJsonFormatDoes() throws Exception {
    byte[] wire;
    try (InputStream in = getClass().getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      wire = in.readAllBytes();
    }
    FileDescriptorSet set = FileDescriptorSet.parseFrom(wire);
    Descriptor type = CATALOG.findMessage("google.protobuf.FileDescriptorSet");
    for (JsonOptions options : ProtoJsonAgreementTest.optionCombinations()) {
      ProtoJson json = ProtoJson.create(CATALOG, options);
      String expected = Fixtures.print(options, set);
      assertThat(new String(json.toJson(type, wire), StandardCharsets.UTF_8)).as("%s", options).isEqualTo(expected);
      FileDescriptorSet.Builder reference = FileDescriptorSet.newBuilder();
      JsonFormat.parser().merge(expected, reference);
      assertThat(FileDescriptorSet.parseFrom(json.toProto(type, expected.getBytes(StandardCharsets.UTF_8))))
          .isEqualTo(reference.build());
    }
  }

  @Test
  void aClosedEnumValueWithoutANameIsLeftOutAsProtobufJavaLeavesItOut() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeString(1, "f");
    out.writeEnum(5, FieldDescriptorProto.Type.TYPE_STRING_VALUE);
    out.writeEnum(5, 99);
    out.writeEnum(4, 42);
    out.flush();
    Descriptor type = CATALOG.findMessage("google.protobuf.FieldDescriptorProto");
    FieldDescriptorProto reference = FieldDescriptorProto.parseFrom(bytes.toByteArray());
    for (JsonOptions options : new JsonOptions[] {JsonOptions.DEFAULT, JsonOptions.DEFAULT.withEmitUnpopulated(false)}) {
      assertThat(new String(ProtoJson.create(CATALOG, options).toJson(type, bytes.toByteArray()), StandardCharsets.UTF_8))
          .isEqualTo(Fixtures.print(options, reference))
          .contains("\"type\":\"TYPE_STRING\"");
    }
  }
}
