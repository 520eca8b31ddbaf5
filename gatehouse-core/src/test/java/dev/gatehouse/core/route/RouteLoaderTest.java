package dev.gatehouse.core.route;

import static dev.gatehouse.core.route.Fixtures.testingCatalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.AnnotationsProto;
import com.google.api.CustomHttpPattern;
import com.google.api.HttpRule;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.route.Route.BodyRule;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code google.api.http} rules to routes: the real test protos, and invalid rules built by hand. */
class RouteLoaderTest {
  private static final String LIBRARY = "gatehouse.testing.v1.Library/";

  private static List<Route> routesOf(List<Route> routes, String method) {
    return routes.stream().filter(r -> r.grpcMethodName().equals(LIBRARY + method)).collect(Collectors.toList());
  }

  private static List<String> describe(List<Route> routes) {
    return routes.stream().map(r -> r.httpMethod() + " " + r.template()).collect(Collectors.toList());
  }

  @Test
  void everyRuleAndAdditionalBindingOfTheTestingProtosBecomesARoute() {
    List<Route> routes = RouteLoader.load(testingCatalog(), RouteOptions.DEFAULTS);

    assertThat(describe(routesOf(routes, "GetBook")))
        .containsExactly("GET /v1/{name=shelves/*/books/*}", "GET /v1/books/{book_id}");
    assertThat(describe(routesOf(routes, "Echo"))).containsExactly("POST /v1/echo", "GET /v1/echo/{string_value}",
        "GET /v1/echo/{int64_value}/{nested.name}", "POST /v1/echo/{string_value}:nested");
    assertThat(describe(routesOf(routes, "UpdateBook")))
        .containsExactly("PATCH /v1/{book.name=shelves/*/books/*}", "PUT /v1/{book.name=shelves/*/books/*}");
    assertThat(describe(routesOf(routes, "CheckAvailability"))).containsExactly("HEAD /v1/{name=shelves/*/books/*}");
  }

  @Test
  void bodyAndResponseBodyAreResolvedToFields() {
    List<Route> routes = RouteLoader.load(testingCatalog(), RouteOptions.DEFAULTS);

    Route createShelf = routesOf(routes, "CreateShelf").get(0);
    assertThat(createShelf.body().kind()).isEqualTo(BodyRule.Kind.FIELD);
    assertThat(createShelf.body().field()).hasToString("shelf");
    assertThat(routesOf(routes, "GetShelf").get(0).body()).isEqualTo(BodyRule.NONE);
    assertThat(routesOf(routes, "MoveBook").get(0).body()).isEqualTo(BodyRule.WHOLE_MESSAGE);
    assertThat(routesOf(routes, "GetBookTitle").get(0).responseBody()).hasToString("title");
    assertThat(routesOf(routes, "GetBook").get(0).responseBody()).isNull();
    assertThat(routesOf(routes, "UpdateBook").get(1).body()).isEqualTo(BodyRule.WHOLE_MESSAGE);
  }

  @Test
  void methodWithoutRuleGetsPostToItsGrpcNameUnlessTurnedOff() {
    List<Route> routes = RouteLoader.load(testingCatalog(), RouteOptions.DEFAULTS);

    assertThat(routesOf(routes, "Unbound")).singleElement().satisfies(route -> {
      assertThat(route.httpMethod()).isEqualTo("POST");
      assertThat(route.template()).hasToString("/gatehouse.testing.v1.Library/Unbound");
      assertThat(route.body()).isEqualTo(BodyRule.WHOLE_MESSAGE);
    });
    assertThat(routesOf(RouteLoader.load(testingCatalog(), new RouteOptions(false, false)), "Unbound")).isEmpty();
  }

  @Test
  void testingProtosLoadIntoATableWithoutConflictsThatRoutesTheirPaths() {
    RouteTable table = RouteTable.of(RouteLoader.load(testingCatalog(), RouteOptions.DEFAULTS));

    assertThat(table.conflicts()).isEmpty();
    assertThat(RouteTableMatchingTest.matched(table, "GET", "/v1/readers/me").route().grpcMethodName())
        .isEqualTo(LIBRARY + "GetCurrentReader");
    RouteMatch move = RouteTableMatchingTest.matched(table, "POST", "/v1/shelves/s1/books/b2:move");
    assertThat(move.route().grpcMethodName()).isEqualTo(LIBRARY + "MoveBook");
    assertThat(RouteTableMatchingTest.variables(move)).containsEntry("name", "shelves/s1/books/b2");
    RouteMatch echo = RouteTableMatchingTest.matched(table, "GET", "/v1/echo/42/n%2F1");
    assertThat(RouteTableMatchingTest.variables(echo)).containsExactly(java.util.Map.entry("int64_value", "42"),
        java.util.Map.entry("nested.name", "n/1"));
    assertThat(table.match("DELETE", "/v1/readers/me")).isEqualTo(new RouteLookup.MethodNotAllowed(List.of("GET")));
    assertThat(table.match("GET", "/v1/shelves/s1/books/b2")).isInstanceOf(RouteLookup.Matched.class);
    assertThat(table.match("POST", "/v1/shelves/s1/books/b2"))
        .isEqualTo(new RouteLookup.MethodNotAllowed(List.of("DELETE", "GET", "HEAD", "PATCH", "PUT")));
  }

  // Invalid rules, built as descriptors: one service, one method per problem.

  private static final String BAD = "gatehouse.bad.v1.Bad/";

  private static MethodDescriptorProto method(String name, HttpRule rule) {
    MethodDescriptorProto.Builder method = MethodDescriptorProto.newBuilder().setName(name)
        .setInputType(".gatehouse.bad.v1.Request").setOutputType(".gatehouse.bad.v1.Request");
    if (rule != null) {
      method.setOptions(MethodOptions.newBuilder().setExtension(AnnotationsProto.http, rule));
    }
    return method.build();
  }

  private static FieldDescriptorProto field(String name, int number, Type type, String typeName, Label label) {
    FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
        .setType(type).setLabel(label);
    if (typeName != null) {
      field.setTypeName(typeName);
    }
    return field.build();
  }

  private static ServiceCatalog catalog(MethodDescriptorProto... methods) {
    DescriptorProto request = DescriptorProto.newBuilder().setName("Request")
        .addField(field("name", 1, Type.TYPE_STRING, null, Label.LABEL_OPTIONAL))
        .addField(field("tags", 2, Type.TYPE_STRING, null, Label.LABEL_REPEATED))
        .addField(field("sub", 3, Type.TYPE_MESSAGE, ".gatehouse.bad.v1.Request", Label.LABEL_OPTIONAL))
        .addField(field("ts", 4, Type.TYPE_MESSAGE, ".google.protobuf.Timestamp", Label.LABEL_OPTIONAL))
        .addField(field("count", 5, Type.TYPE_MESSAGE, ".google.protobuf.Int32Value", Label.LABEL_OPTIONAL))
        .addField(field("extra", 6, Type.TYPE_MESSAGE, ".google.protobuf.Struct", Label.LABEL_OPTIONAL))
        .build();
    ServiceDescriptorProto.Builder service = ServiceDescriptorProto.newBuilder().setName("Bad");
    for (MethodDescriptorProto method : methods) {
      service.addMethod(method);
    }
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("gatehouse/bad/v1/bad.proto")
        .setPackage("gatehouse.bad.v1").setSyntax("proto3")
        .addDependency("google/api/annotations.proto")
        .addDependency("google/protobuf/timestamp.proto")
        .addDependency("google/protobuf/wrappers.proto")
        .addDependency("google/protobuf/struct.proto")
        .addMessageType(request).addService(service).build();
    return ServiceCatalog.parse("bad.desc", FileDescriptorSet.newBuilder().addFile(file).build().toByteArray());
  }

  private static HttpRule.Builder get(String path) {
    return HttpRule.newBuilder().setGet(path);
  }

  @Test
  void everyInvalidRuleIsReportedInOneExceptionNamingItsMethod() {
    ServiceCatalog catalog = catalog(
        method("GetWithBody", get("/v1/a/{name}").setBody("*").build()),
        method("DeleteWithBody", HttpRule.newBuilder().setDelete("/v1/b/{name}").setBody("sub").build()),
        method("UnknownPathField", get("/v1/c/{nope}").build()),
        method("UnknownBody", HttpRule.newBuilder().setPost("/v1/d").setBody("sub.nope").build()),
        method("UnknownResponseBody", get("/v1/e").setResponseBody("nope").build()),
        method("RepeatedPathField", get("/v1/f/{tags}").build()),
        method("MessagePathField", get("/v1/g/{extra}").build()),
        MethodDescriptorProto.newBuilder(method("StreamingWithPath",
            HttpRule.newBuilder().setPost("/v1/{name}:stream").setBody("*").build())).setClientStreaming(true).build(),
        method("InvalidTemplate", get("/v1/{name").build()),
        method("NestedAdditional", get("/v1/n").addAdditionalBindings(get("/v1/n2").addAdditionalBindings(
            get("/v1/n3"))).build()),
        method("NoPattern", HttpRule.newBuilder().setBody("*").build()),
        method("BadCustomKind", HttpRule.newBuilder()
            .setCustom(CustomHttpPattern.newBuilder().setKind("GE T").setPath("/v1/k")).build()),
        method("BadAdditionalBinding", get("/v1/ok/{name}").addAdditionalBindings(get("/v1/bad/{missing}")).build()),
        method("Fine", get("/v1/fine/{sub.name}/{ts}/{count}").build()));

    assertThatThrownBy(() -> RouteLoader.load(catalog, RouteOptions.DEFAULTS))
        .isInstanceOfSatisfying(RouteLoadException.class, e -> {
          assertThat(e.errors()).hasSize(13);
          assertThat(e.getMessage()).startsWith("13 invalid HTTP rules:");
          assertThat(e.errors()).satisfiesExactly(
              error -> assertThat(error).startsWith(BAD + "GetWithBody: GET /v1/a/{name}: ")
                  .contains("body \"*\" on GET"),
              error -> assertThat(error).startsWith(BAD + "DeleteWithBody: DELETE /v1/b/{name}: ")
                  .contains("body \"sub\" on DELETE"),
              error -> assertThat(error).startsWith(BAD + "UnknownPathField: ").contains("path variable \"nope\"")
                  .contains("no field \"nope\" in gatehouse.bad.v1.Request"),
              error -> assertThat(error).startsWith(BAD + "UnknownBody: ").contains("body: ").contains("\"nope\""),
              error -> assertThat(error).startsWith(BAD + "UnknownResponseBody: ").contains("response_body: ")
                  .contains("\"nope\""),
              error -> assertThat(error).startsWith(BAD + "RepeatedPathField: ")
                  .contains("\"tags\" binds a repeated field"),
              error -> assertThat(error).startsWith(BAD + "MessagePathField: ")
                  .contains("\"extra\" binds a google.protobuf.Struct message"),
              error -> assertThat(error).startsWith(BAD + "StreamingWithPath: ").contains("client-streaming"),
              error -> assertThat(error).startsWith(BAD + "InvalidTemplate: GET /v1/{name: ")
                  .contains("position 9: expected \"}\""),
              error -> assertThat(error).startsWith(BAD + "NestedAdditional additional_bindings[0]: ")
                  .contains("nested additional_bindings"),
              error -> assertThat(error).startsWith(BAD + "NoPattern: ").contains("no pattern"),
              error -> assertThat(error).startsWith(BAD + "BadCustomKind: ").contains("custom kind \"GE T\""),
              error -> assertThat(error).startsWith(BAD + "BadAdditionalBinding additional_bindings[0]: GET /v1/bad/")
                  .contains("\"missing\""));
        });
  }

  @Test
  void deleteWithBodyLoadsWhenAllowed() {
    ServiceCatalog catalog = catalog(
        method("DeleteWithBody", HttpRule.newBuilder().setDelete("/v1/b/{name}").setBody("sub").build()),
        method("Options", HttpRule.newBuilder()
            .setCustom(CustomHttpPattern.newBuilder().setKind("OPTIONS").setPath("/v1/o")).build()));

    List<Route> routes = RouteLoader.load(catalog, new RouteOptions(true, true));

    assertThat(describe(routes)).containsExactly("DELETE /v1/b/{name}", "OPTIONS /v1/o");
    assertThat(routes.get(0).body().field()).hasToString("sub");
  }

  @Test
  void wrapperTimestampAndNestedScalarPathVariablesAreAccepted() {
    ServiceCatalog catalog = catalog(method("Fine", get("/v1/fine/{sub.name}/{ts}/{count}").build()));

    RouteTable table = RouteTable.of(RouteLoader.load(catalog, RouteOptions.DEFAULTS));

    RouteMatch match = RouteTableMatchingTest.matched(table, "GET", "/v1/fine/n/2024-01-01T00:00:00Z/3");
    assertThat(RouteTableMatchingTest.variables(match)).containsExactly(java.util.Map.entry("sub.name", "n"),
        java.util.Map.entry("ts", "2024-01-01T00:00:00Z"), java.util.Map.entry("count", "3"));
  }
}
