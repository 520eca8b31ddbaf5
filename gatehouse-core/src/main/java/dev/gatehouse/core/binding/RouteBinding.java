package dev.gatehouse.core.binding;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import dev.gatehouse.core.descriptor.FieldPath;
import dev.gatehouse.core.route.Route;
import dev.gatehouse.core.route.Route.BodyRule;
import dev.gatehouse.core.route.RouteMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one route binds, worked out once and reused by every request on it: which fields the path and the body
 * bind (so query parameters for them are ignored), what a path variable must first remove from the body, and the
 * field mask to infer for PATCH.
 */
final class RouteBinding {
  private final Descriptor requestType;
  private final BodyRule body;
  /** Bound field paths in proto names ({@code book.name}) → what binds them, for strict-mode messages. */
  private final Map<String, String> bound;
  /** Proper prefixes of bound paths ({@code book} for {@code book.name}) → the bound path. */
  private final Map<String, String> boundPrefixes;
  /** {@code parent path#oneof name} of each oneof a bound path goes through → what binds it. */
  private final Map<String, String> boundOneofs;
  private final List<FieldPath> removedFromBody;
  private final FieldDescriptor inferredMask;

  private RouteBinding(Route route, List<FieldPath> variables) {
    this.requestType = route.method().getInputType();
    this.body = route.body();
    Map<String, String> bound = new HashMap<>();
    Map<String, String> boundPrefixes = new HashMap<>();
    Map<String, String> boundOneofs = new HashMap<>();
    if (body.kind() == BodyRule.Kind.FIELD) {
      addBound(body.field(), "the request body", bound, boundPrefixes, boundOneofs);
    }
    List<FieldPath> removedFromBody = new ArrayList<>();
    for (FieldPath variable : variables) {
      addBound(variable, "the path", bound, boundPrefixes, boundOneofs);
      FieldDescriptor leaf = variable.leaf();
      // A scalar written later overrides; a repeated field would append and a message would merge instead.
      if (body.kind() != BodyRule.Kind.NONE
          && (leaf.isRepeated() || leaf.getJavaType() == FieldDescriptor.JavaType.MESSAGE)) {
        removedFromBody.add(variable);
      }
    }
    this.bound = Map.copyOf(bound);
    this.boundPrefixes = Map.copyOf(boundPrefixes);
    this.boundOneofs = Map.copyOf(boundOneofs);
    this.removedFromBody = List.copyOf(removedFromBody);
    this.inferredMask = inferredMask(route, bound);
  }

  /** The binding of {@code match}'s route; its path variables tell which fields the template binds. */
  static RouteBinding of(RouteMatch match) {
    List<FieldPath> variables = new ArrayList<>(match.variables().size());
    for (RouteMatch.PathVariable variable : match.variables()) {
      variables.add(variable.field());
    }
    return new RouteBinding(match.route(), variables);
  }

  private static void addBound(FieldPath path, String by, Map<String, String> bound, Map<String, String> prefixes,
      Map<String, String> oneofs) {
    StringBuilder prefix = new StringBuilder();
    String full = path.toString();
    for (FieldDescriptor field : path.fields()) {
      OneofDescriptor oneof = field.getRealContainingOneof();
      if (oneof != null) {
        oneofs.putIfAbsent(prefix + "#" + oneof.getName(), by);
      }
      if (prefix.length() > 0) {
        prefix.append('.');
      }
      prefix.append(field.getName());
      if (prefix.length() < full.length()) {
        prefixes.putIfAbsent(prefix.toString(), full);
      }
    }
    bound.putIfAbsent(full, by);
  }

  /**
   * The request's one top-level FieldMask field, when the route is a PATCH whose body is one message field, the
   * mask is not bound otherwise, and there is exactly one such field (grpc-gateway's patch feature).
   */
  private static FieldDescriptor inferredMask(Route route, Map<String, String> bound) {
    if (!route.httpMethod().equals("PATCH") || route.body().kind() != BodyRule.Kind.FIELD
        || route.body().field().leaf().getJavaType() != FieldDescriptor.JavaType.MESSAGE
        || route.body().field().leaf().isRepeated()) {
      return null;
    }
    FieldDescriptor mask = null;
    for (FieldDescriptor field : route.method().getInputType().getFields()) {
      if (!field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          && field.getMessageType().getFullName().equals("google.protobuf.FieldMask")) {
        if (mask != null) {
          return null;
        }
        mask = field;
      }
    }
    return mask == null || bound.containsKey(mask.getName()) ? null : mask;
  }

  Descriptor requestType() {
    return requestType;
  }

  BodyRule body() {
    return body;
  }

  /** The path variables whose fields must be taken out of the body before their values are appended. */
  List<FieldPath> removedFromBody() {
    return removedFromBody;
  }

  /** The mask field to fill from the body's keys, or {@code null} when the route infers none. */
  FieldDescriptor inferredMask() {
    return inferredMask;
  }

  /** What binds the field at {@code protoPath} or a field above it, or {@code null}: "the path", "the request body". */
  String boundBy(String protoPath) {
    return bound.get(protoPath);
  }

  /** The bound path below {@code protoPath} ({@code book.name} below {@code book}), or {@code null}. */
  String boundBelow(String protoPath) {
    return boundPrefixes.get(protoPath);
  }

  /** What binds a member of the oneof {@code oneof} in the message at {@code parentPath}, or {@code null}. */
  String boundOneof(String parentPath, OneofDescriptor oneof) {
    return boundOneofs.isEmpty() ? null : boundOneofs.get(parentPath + "#" + oneof.getName());
  }
}
