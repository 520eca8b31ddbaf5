package dev.gatehouse.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.util.JsonFormat;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Fields declared out of number order print by number, with and without unpopulated fields, as JsonFormat does. */
class ProtoJsonFieldOrderTest {

  private static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).build();
  }

  @Test
  void fieldsPrintInNumberOrderWhateverTheDeclarationOrder() throws Exception {
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("order.proto").setPackage("order")
        .setSyntax("proto3")
        .addMessageType(DescriptorProto.newBuilder().setName("Shuffled")
            .addField(field("zeta", 9, FieldDescriptorProto.Type.TYPE_STRING))
            .addField(field("alpha", 1, FieldDescriptorProto.Type.TYPE_INT64))
            .addField(field("mid", 5, FieldDescriptorProto.Type.TYPE_BOOL)))
        .build();
    ServiceCatalog catalog = ServiceCatalog.of("order", FileDescriptorSet.newBuilder().addFile(file).build());
    Descriptor type = catalog.findMessage("order.Shuffled");
    DynamicMessage message = DynamicMessage.newBuilder(type)
        .setField(type.findFieldByName("zeta"), "z")
        .setField(type.findFieldByName("alpha"), 3L)
        .setField(type.findFieldByName("mid"), true)
        .build();
    for (JsonOptions options : new JsonOptions[] {JsonOptions.DEFAULT, JsonOptions.DEFAULT.withEmitUnpopulated(false)}) {
      JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
      String expected = (options.emitUnpopulated() ? printer.alwaysPrintFieldsWithNoPresence() : printer).print(message);
      assertThat(expected).isEqualTo("{\"alpha\":\"3\",\"mid\":true,\"zeta\":\"z\"}");
      assertThat(new String(ProtoJson.create(catalog, options).toJson(type, message.toByteArray()),
          StandardCharsets.UTF_8)).isEqualTo(expected);
    }
  }
}
