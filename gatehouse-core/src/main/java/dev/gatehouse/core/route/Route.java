package dev.gatehouse.core.route;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.MethodDescriptor;
import dev.gatehouse.core.descriptor.FieldPath;

/**
 * One HTTP binding of a gRPC method: a rule, or one of its {@code additional_bindings}, or the default
 * {@code POST /pkg.Service/Method} of a method without a rule.
 *
 * @param httpMethod the HTTP method, upper case as the rule gives it ({@code GET}, or a custom kind)
 * @param template the parsed path template
 * @param method the gRPC method the route calls
 * @param body what the request body binds to
 * @param responseBody the response field sent as the HTTP body, or {@code null} for the whole response
 */
public record Route(String httpMethod, PathTemplate template, MethodDescriptor method, BodyRule body,
    FieldPath responseBody) {

  public Route {
    requireNonNull(httpMethod, "httpMethod");
    requireNonNull(template, "template");
    requireNonNull(method, "method");
    requireNonNull(body, "body");
  }

  /** The method's gRPC name, {@code pkg.Service/Method}, as it appears in the {@code :path} of the call. */
  public String grpcMethodName() {
    return method.getService().getFullName() + "/" + method.getName();
  }

  /**
   * What an HTTP rule's {@code body} binds the request body to.
   *
   * @param kind none, the whole request message, or one field
   * @param field the field for {@link Kind#FIELD}, otherwise {@code null}
   */
  public record BodyRule(Kind kind, FieldPath field) {
    public static final BodyRule NONE = new BodyRule(Kind.NONE, null);
    public static final BodyRule WHOLE_MESSAGE = new BodyRule(Kind.WHOLE_MESSAGE, null);

    public BodyRule {
      requireNonNull(kind, "kind");
      if ((kind == Kind.FIELD) != (field != null)) {
        throw new IllegalArgumentException("field: " + field + " (expected: a field exactly when kind is FIELD)");
      }
    }

    public static BodyRule field(FieldPath field) {
      return new BodyRule(Kind.FIELD, requireNonNull(field, "field"));
    }

    /** The three shapes of {@code body}: absent, {@code "*"}, or a field path. */
    public enum Kind {
      NONE,
      WHOLE_MESSAGE,
      FIELD
    }
  }
}
