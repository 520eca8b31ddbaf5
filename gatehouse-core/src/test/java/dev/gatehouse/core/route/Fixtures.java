package dev.gatehouse.core.route;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.route.Route.BodyRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Routes over a small hand-built service, {@code gatehouse.route.v1.Api}, whose methods {@code M0} to {@code M39}
 * all take a request with the string fields routing tests bind ({@code name}, {@code id}, {@code x}, ...), and the
 * real test protos.
 */
final class Fixtures {
  static final List<String> FIELDS = List.of("name", "parent", "id", "x", "y", "a", "b", "path", "uuid", "reader_id");
  static final ServiceDescriptor API = buildApi();

  private Fixtures() {}

  private static ServiceDescriptor buildApi() {
    DescriptorProto.Builder request = DescriptorProto.newBuilder().setName("Request");
    for (int i = 0; i < FIELDS.size(); i++) {
      request.addField(FieldDescriptorProto.newBuilder().setName(FIELDS.get(i)).setNumber(i + 1)
          .setType(FieldDescriptorProto.Type.TYPE_STRING).setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL));
    }
    ServiceDescriptorProto.Builder service = ServiceDescriptorProto.newBuilder().setName("Api");
    for (int i = 0; i < 40; i++) {
      service.addMethod(MethodDescriptorProto.newBuilder().setName("M" + i)
          .setInputType(".gatehouse.route.v1.Request").setOutputType(".gatehouse.route.v1.Request"));
    }
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("gatehouse/route/v1/api.proto")
        .setPackage("gatehouse.route.v1").setSyntax("proto3").addMessageType(request).addService(service).build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findServiceByName("Api");
    } catch (DescriptorValidationException e) {
      throw new AssertionError(e);
    }
  }

  /** Method {@code Mi} of the hand-built service. */
  static MethodDescriptor method(int i) {
    return API.getMethods().get(i);
  }

  /** A route of method {@code Mi}, no body. */
  static Route route(String httpMethod, String template, int method) {
    return new Route(httpMethod, PathTemplate.parse(template), method(method), BodyRule.NONE, null);
  }

  /** GET routes of the templates, method {@code Mi} for the i-th template. */
  static List<Route> gets(String... templates) {
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < templates.length; i++) {
      routes.add(route("GET", templates[i], i));
    }
    return routes;
  }

  /** The routes in reverse order, to check that the declaration order does not decide. */
  static List<Route> reversed(List<Route> routes) {
    List<Route> copy = new ArrayList<>(routes);
    java.util.Collections.reverse(copy);
    return copy;
  }

  static List<List<Route>> bothOrders(String... templates) {
    List<Route> routes = gets(templates);
    return Arrays.asList(routes, reversed(routes));
  }

  /** The catalog of {@code gatehouse-testing}'s protos. */
  static ServiceCatalog testingCatalog() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      return ServiceCatalog.parse("testing.desc", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
