package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RoutesConflictsTest {
  @TempDir Path dir;

  private static MethodDescriptorProto getMethod(String name, String template) {
    return MethodDescriptorProto.newBuilder().setName(name).setInputType(".shop.v1.Item").setOutputType(".shop.v1.Item")
        .setOptions(MethodOptions.newBuilder().setExtension(AnnotationsProto.http,
            HttpRule.newBuilder().setGet(template).build()))
        .build();
  }

  @Test
  void conflictingTemplatesArePrintedNamingBothMethodsAndOnlyTheFirstIsRouted() throws IOException {
    FileDescriptorProto shop = FileDescriptorProto.newBuilder()
        .setName("shop/v1/shop.proto")
        .setPackage("shop.v1")
        .setSyntax("proto3")
        .addDependency("google/api/annotations.proto")
        .addMessageType(DescriptorProto.newBuilder().setName("Item")
            .addField(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.newBuilder().setName("id").setNumber(1)
                .setType(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_STRING)))
        .addService(ServiceDescriptorProto.newBuilder().setName("Shop")
            .addMethod(getMethod("GetItem", "/v1/items/{id}"))
            .addMethod(getMethod("FindItem", "/v1/items/{id}")))
        .build();
    Path file = Files.write(dir.resolve("shop.desc"), FileDescriptorSet.newBuilder().addFile(shop).build().toByteArray());
    StringWriter out = new StringWriter();
    CommandLine commandLine = Gatehouse.newCommandLine();
    commandLine.setOut(new PrintWriter(out));

    int exitCode = commandLine.execute("routes", "--descriptor-set", file.toString(), "--no-unbound-methods");

    assertThat(exitCode).isEqualTo(3);
    assertThat(out.toString()).contains("1 route, 1 conflict:")
        .contains("shop.v1.Shop/GetItem").contains("shop.v1.Shop/FindItem").contains("match the same paths");
  }
}
