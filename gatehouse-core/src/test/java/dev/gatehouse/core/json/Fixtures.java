package dev.gatehouse.core.json;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.LibraryOuterClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test descriptor set as the gateway loads it, and JsonFormat set up to agree with. */
final class Fixtures {
  static final ServiceCatalog CATALOG = loadCatalog();
  static final Descriptor ALL_TYPES = CATALOG.findMessage("gatehouse.testing.v1.AllTypes");
  static final TypeRegistry REGISTRY = TypeRegistry.newBuilder()
      .add(AllTypes.getDescriptor().getFile().getMessageTypes())
      .add(LibraryOuterClass.getDescriptor().getMessageTypes())
      .add(com.google.rpc.ErrorDetailsProto.getDescriptor().getMessageTypes())
      .build();

  private Fixtures() {}

  private static ServiceCatalog loadCatalog() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      return ServiceCatalog.parse("testing.desc", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Descriptor type(Message message) {
    return CATALOG.findMessage(message.getDescriptorForType().getFullName());
  }

  static JsonFormat.Printer printer(JsonOptions options) {
    JsonFormat.Printer printer = JsonFormat.printer().usingTypeRegistry(REGISTRY);
    if (options.emitUnpopulated()) {
      printer = printer.alwaysPrintFieldsWithNoPresence();
    }
    if (options.useProtoNames()) {
      printer = printer.preservingProtoFieldNames();
    }
    if (options.enumsAsNumbers()) {
      printer = printer.printingEnumsAsInts();
    }
    if (!options.pretty()) {
      printer = printer.omittingInsignificantWhitespace();
    }
    return printer;
  }

  static JsonFormat.Parser parser(JsonOptions options) {
    JsonFormat.Parser parser = JsonFormat.parser().usingTypeRegistry(REGISTRY);
    return options.strict() ? parser : parser.ignoringUnknownFields();
  }

  static String print(JsonOptions options, Message message) {
    try {
      return printer(options).print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  static String ours(ProtoJson json, Message message) {
    return new String(json.toJson(type(message), message.toByteArray()), StandardCharsets.UTF_8);
  }
}
