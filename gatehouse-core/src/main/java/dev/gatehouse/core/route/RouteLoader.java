package dev.gatehouse.core.route;

import static java.util.Objects.requireNonNull;

import com.google.api.AnnotationsProto;
import com.google.api.CustomHttpPattern;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import dev.gatehouse.core.descriptor.FieldPath;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.route.Route.BodyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the {@code google.api.http} rules of a {@link ServiceCatalog} into {@link Route}s: each rule and each of its
 * {@code additional_bindings} is one route, and a method without a rule gets {@code POST /pkg.Service/Method} with
 * {@code body: "*"} unless {@link RouteOptions#unboundMethods()} is off.
 *
 * <p>A rule is rejected, naming its method, when its template does not parse; when a path variable, the body or the
 * response body names no field; when a path variable's field is repeated or a message other than a
 * {@code google.protobuf} wrapper, {@code Timestamp} or {@code Duration}; when a GET (or a DELETE, unless allowed)
 * has a body; when a client-streaming method has path variables; when an additional binding nests further bindings;
 * and when a custom kind is not an HTTP method token. Every problem is collected before one {@link
 * RouteLoadException} lists them all.
 */
public final class RouteLoader {
  /** Message types a path variable may bind: their JSON form is a single string. */
  private static final Set<String> SCALAR_MESSAGES = Set.of(
      "google.protobuf.Timestamp", "google.protobuf.Duration",
      "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value",
      "google.protobuf.UInt64Value", "google.protobuf.Int32Value", "google.protobuf.UInt32Value",
      "google.protobuf.BoolValue", "google.protobuf.StringValue", "google.protobuf.BytesValue");

  private final RouteOptions options;
  private final List<Route> routes = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();

  private RouteLoader(RouteOptions options) {
    this.options = options;
  }

  /**
   * The routes of every method of the catalog, in declaration order: services, then methods, then a rule before its
   * additional bindings.
   *
   * @throws RouteLoadException listing every invalid rule
   */
  public static List<Route> load(ServiceCatalog catalog, RouteOptions options) {
    requireNonNull(catalog, "catalog");
    RouteLoader loader = new RouteLoader(requireNonNull(options, "options"));
    for (ServiceDescriptor service : catalog.services()) {
      for (MethodDescriptor method : service.getMethods()) {
        loader.add(method);
      }
    }
    if (!loader.errors.isEmpty()) {
      throw new RouteLoadException(loader.errors);
    }
    return List.copyOf(loader.routes);
  }

  private void add(MethodDescriptor method) {
    String name = method.getService().getFullName() + "/" + method.getName();
    if (!method.getOptions().hasExtension(AnnotationsProto.http)) {
      if (options.unboundMethods()) {
        routes.add(new Route("POST", PathTemplate.parse("/" + name), method, BodyRule.WHOLE_MESSAGE, null));
      }
      return;
    }
    HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
    add(method, name, rule);
    for (int i = 0; i < rule.getAdditionalBindingsCount(); i++) {
      HttpRule binding = rule.getAdditionalBindings(i);
      String where = name + " additional_bindings[" + i + "]";
      if (binding.getAdditionalBindingsCount() > 0) {
        errors.add(where + ": nested additional_bindings (expected: additional bindings only in the top-level rule)");
      }
      add(method, where, binding);
    }
  }

  private void add(MethodDescriptor method, String where, HttpRule rule) {
    String httpMethod;
    String path;
    switch (rule.getPatternCase()) {
      case GET:
        httpMethod = "GET";
        path = rule.getGet();
        break;
      case PUT:
        httpMethod = "PUT";
        path = rule.getPut();
        break;
      case POST:
        httpMethod = "POST";
        path = rule.getPost();
        break;
      case DELETE:
        httpMethod = "DELETE";
        path = rule.getDelete();
        break;
      case PATCH:
        httpMethod = "PATCH";
        path = rule.getPatch();
        break;
      case CUSTOM:
        CustomHttpPattern custom = rule.getCustom();
        httpMethod = custom.getKind();
        path = custom.getPath();
        if (!isToken(httpMethod)) {
          errors.add(where + ": custom kind \"" + httpMethod + "\" (expected: an HTTP method such as HEAD or OPTIONS)");
          return;
        }
        break;
      default:
        errors.add(where + ": the rule has no pattern (expected: one of get, put, post, delete, patch, custom)");
        return;
    }
    String prefix = where + ": " + httpMethod + " " + path + ": ";
    PathTemplate template;
    try {
      template = PathTemplate.parse(path);
    } catch (IllegalArgumentException e) {
      errors.add(prefix + e.getMessage());
      return;
    }
    int errorsBefore = errors.size();
    for (PathTemplate.Variable variable : template.variables()) {
      checkPathVariable(method.getInputType(), variable.fieldPath(), prefix);
    }
    if (method.isClientStreaming() && !template.variables().isEmpty()) {
      errors.add(prefix + "a client-streaming method cannot take path variables (expected: a template without "
          + "variables; each streamed message comes from the body)");
    }
    BodyRule body = bodyRule(method.getInputType(), rule.getBody(), prefix);
    if (body.kind() != BodyRule.Kind.NONE && httpMethod.equals("GET")) {
      errors.add(prefix + "body \"" + rule.getBody() + "\" on GET (expected: no body)");
    }
    if (body.kind() != BodyRule.Kind.NONE && httpMethod.equals("DELETE") && !options.allowDeleteBody()) {
      errors.add(prefix + "body \"" + rule.getBody() + "\" on DELETE (expected: no body, or allowDeleteBody on)");
    }
    FieldPath responseBody = responseBody(method.getOutputType(), rule.getResponseBody(), prefix);
    if (errors.size() == errorsBefore) {
      routes.add(new Route(httpMethod, template, method, body, responseBody));
    }
  }

  private void checkPathVariable(Descriptor request, String dottedPath, String prefix) {
    FieldPath field;
    try {
      field = FieldPath.resolve(request, dottedPath);
    } catch (IllegalArgumentException e) {
      errors.add(prefix + "path variable \"" + dottedPath + "\": " + e.getMessage());
      return;
    }
    FieldDescriptor leaf = field.leaf();
    if (leaf.isRepeated()) {
      errors.add(prefix + "path variable \"" + dottedPath + "\" binds a repeated field (expected: a singular field)");
    } else if (leaf.getJavaType() == FieldDescriptor.JavaType.MESSAGE
        && !SCALAR_MESSAGES.contains(leaf.getMessageType().getFullName())) {
      errors.add(prefix + "path variable \"" + dottedPath + "\" binds a " + leaf.getMessageType().getFullName()
          + " message (expected: a scalar, an enum, a google.protobuf wrapper, Timestamp or Duration)");
    }
  }

  private BodyRule bodyRule(Descriptor request, String body, String prefix) {
    if (body.isEmpty()) {
      return BodyRule.NONE;
    }
    if (body.equals("*")) {
      return BodyRule.WHOLE_MESSAGE;
    }
    try {
      return BodyRule.field(FieldPath.resolve(request, body));
    } catch (IllegalArgumentException e) {
      errors.add(prefix + "body: " + e.getMessage());
      return BodyRule.NONE;
    }
  }

  private FieldPath responseBody(Descriptor response, String responseBody, String prefix) {
    if (responseBody.isEmpty() || responseBody.equals("*")) {
      return null;
    }
    try {
      return FieldPath.resolve(response, responseBody);
    } catch (IllegalArgumentException e) {
      errors.add(prefix + "response_body: " + e.getMessage());
      return null;
    }
  }

  /** An RFC 9110 token, which an HTTP method must be. */
  private static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
