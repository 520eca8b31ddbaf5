package dev.gatehouse.core.binding;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.gatehouse.core.descriptor.FieldPath;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.json.JsonOptions;
import dev.gatehouse.core.json.ProtoJson;
import dev.gatehouse.core.route.PathTemplate;
import dev.gatehouse.core.route.Route;
import dev.gatehouse.core.route.Route.BodyRule;
import dev.gatehouse.core.route.RouteMatch;
import dev.gatehouse.testing.v1.AllTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes of the test protos built by hand, as the router would build them, and requests bound through a real
 * {@link RequestBinder}; the bytes are parsed back with the generated classes.
 */
final class Requests {
  static final ServiceCatalog CATALOG = loadCatalog();
  /** {@code Echo(AllTypes) returns (AllTypes)}: every kind of field. */
  static final MethodDescriptor ECHO = CATALOG.findMethod("gatehouse.testing.v1.Library/Echo");

  static final ProtoJson JSON = ProtoJson.create(CATALOG, JsonOptions.DEFAULT);

  private Requests() {}

  static RequestBinder binder(BindingOptions options) {
    return new RequestBinder(JSON, options);
  }

  private static ServiceCatalog loadCatalog() {
    try (InputStream in = Requests.class.getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      return ServiceCatalog.parse("testing.desc", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MethodDescriptor method(String name) {
    return CATALOG.findMethod("gatehouse.testing.v1.Library/" + name);
  }

  static FieldPath field(MethodDescriptor method, String dottedPath) {
    return FieldPath.resolve(method.getInputType(), dottedPath);
  }

  static Route route(String httpMethod, String template, MethodDescriptor method, BodyRule body) {
    return new Route(httpMethod, PathTemplate.parse(template), method, body, null);
  }

  static BodyRule bodyField(MethodDescriptor method, String dottedPath) {
    return BodyRule.field(field(method, dottedPath));
  }

  /**
   * A match of {@code route}; {@code variables} alternate field paths and values: {@code "name", "shelves/1"}.
   */
  static RouteMatch match(Route route, String... variables) {
    List<RouteMatch.PathVariable> captured = new ArrayList<>();
    for (int i = 0; i < variables.length; i += 2) {
      captured.add(new RouteMatch.PathVariable(field(route.method(), variables[i]), variables[i + 1]));
    }
    return new RouteMatch(route, captured);
  }

  static byte[] json(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static AllTypes allTypes(byte[] bytes) {
    try {
      return AllTypes.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("the binder wrote bytes that do not parse", e);
    }
  }
}
