package dev.gatehouse.core.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.AnnotationsProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCatalogTest {
  @TempDir Path dir;

  static byte[] testingDescriptorSet() throws IOException {
    try (InputStream in = ServiceCatalogTest.class.getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      return in.readAllBytes();
    }
  }

  @Test
  void loadsServicesMethodsAndHttpRulesFromADescriptorSetFile() throws IOException {
    Path file = Files.write(dir.resolve("testing.desc"), testingDescriptorSet());

    ServiceCatalog catalog = ServiceCatalog.load(file);

    assertThat(catalog.services()).extracting(s -> s.getFullName()).contains("gatehouse.testing.v1.Library");
    var getShelf = catalog.findMethod("gatehouse.testing.v1.Library/GetShelf");
    assertThat(getShelf).isNotNull();
    assertThat(getShelf.getOptions().getExtension(AnnotationsProto.http).getGet()).isEqualTo("/v1/{name=shelves/*}");
    assertThat(catalog.findMessage("gatehouse.testing.v1.AllTypes")).isNotNull();
    assertThat(catalog.findMessageByTypeUrl("type.googleapis.com/gatehouse.testing.v1.Nested")).isNotNull();
    assertThat(catalog.findMessageByTypeUrl("type.googleapis.com/google.rpc.ErrorInfo")).isNotNull();
    assertThat(catalog.typeRegistry().find("google.rpc.BadRequest")).isNotNull();
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.desc");

    assertThatThrownBy(() -> ServiceCatalog.load(missing))
        .isInstanceOf(DescriptorLoadException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("no such file");
  }

  @Test
  void fileThatIsNotADescriptorSetSaysSoAndHowToMakeOne() throws IOException {
    Path text = Files.writeString(dir.resolve("library.proto"), "syntax = \"proto3\";\nmessage A {}\n");

    assertThatThrownBy(() -> ServiceCatalog.load(text))
        .isInstanceOf(DescriptorLoadException.class)
        .hasMessageContaining("is not a FileDescriptorSet")
        .hasMessageContaining("--descriptor_set_out");
  }

  @Test
  void emptyFileIsNotADescriptorSet() throws IOException {
    Path empty = Files.write(dir.resolve("empty.desc"), new byte[0]);

    assertThatThrownBy(() -> ServiceCatalog.load(empty))
        .isInstanceOf(DescriptorLoadException.class)
        .hasMessageContaining("holds no .proto files");
  }

  @Test
  void unresolvedImportNamesTheImportingFileAndTheFix() {
    FileDescriptorProto orphan = FileDescriptorProto.newBuilder()
        .setName("shop/v1/shop.proto")
        .setPackage("shop.v1")
        .addDependency("shop/v1/money.proto")
        .build();
    FileDescriptorSet set = FileDescriptorSet.newBuilder().addFile(orphan).build();

    assertThatThrownBy(() -> ServiceCatalog.parse("shop.desc", set.toByteArray()))
        .isInstanceOf(DescriptorLoadException.class)
        .hasMessageContaining("shop/v1/shop.proto imports shop/v1/money.proto")
        .hasMessageContaining("--include_imports");
  }

  @Test
  void wellKnownImportsLeftOutOfTheSetAreResolvedFromBuiltInDescriptors() {
    // A set written without --include_imports: only the user's file, which imports WKTs and google/api.
    FileDescriptor library = dev.gatehouse.testing.v1.Shelf.getDescriptor().getFile();
    FileDescriptor allTypes = dev.gatehouse.testing.v1.AllTypes.getDescriptor().getFile();
    FileDescriptorSet set = FileDescriptorSet.newBuilder()
        .addFile(allTypes.toProto()).addFile(library.toProto()).build();

    ServiceCatalog catalog = ServiceCatalog.parse("without-imports.desc", set.toByteArray());

    assertThat(catalog.findMethod("gatehouse.testing.v1.Library/GetFile").getOutputType().getFullName())
        .isEqualTo("google.api.HttpBody");
  }

  @Test
  void invalidFileIsNamedWithTheProblem() {
    FileDescriptorProto broken = FileDescriptorProto.newBuilder()
        .setName("broken.proto")
        .addMessageType(com.google.protobuf.DescriptorProtos.DescriptorProto.newBuilder().setName("A")
            .addField(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.newBuilder().setName("b").setNumber(1)
                .setTypeName(".nowhere.B")))
        .build();

    assertThatThrownBy(() -> ServiceCatalog.parse("broken.desc",
        FileDescriptorSet.newBuilder().addFile(broken).build().toByteArray()))
        .isInstanceOf(DescriptorLoadException.class)
        .hasMessageContaining("broken.proto is invalid");
  }

  @Test
  void garbageBytesAreNotADescriptorSet() {
    byte[] garbage = "\u0000\u00ff\u00fe not protobuf at all".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> ServiceCatalog.parse("garbage.desc", garbage))
        .isInstanceOf(DescriptorLoadException.class)
        .hasMessageContaining("garbage.desc is not a FileDescriptorSet");
  }
}
