package dev.gatehouse.core.binding;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.gatehouse.core.descriptor.FieldPath;
import dev.gatehouse.core.json.ProtoJson;
import dev.gatehouse.core.route.Route;
import dev.gatehouse.core.route.Route.BodyRule;
import dev.gatehouse.core.route.RouteMatch;
import dev.gatehouse.core.status.StatusException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the upstream gRPC request message, as protobuf wire bytes, from an HTTP request: first the JSON body, then
 * the path variables (which override the body), then the query parameters for the fields neither binds (none at
 * all when the body binds the whole message). The parts are encoded one after the other and rely on protobuf's
 * merge of concatenated encodings; no message object is built. See {@code docs/mapping.md}, "Request binding".
 *
 * <p>Create one per gateway and share it: it is thread-safe, and what each route binds is worked out on the route's
 * first request and kept.
 */
public final class RequestBinder {
  private final BindingOptions options;
  private final FieldLookup lookup = new FieldLookup();
  private final LeafEncoder leaves;
  private final ProtoJson json;
  private final PatchMaskInference masks;
  private final Map<Route, RouteBinding> routes = new ConcurrentHashMap<>();

  /**
   * @param json reads the JSON body (its options decide, among others, whether unknown body fields are an error)
   * @param options how query parameters and PATCH masks are treated
   */
  public RequestBinder(ProtoJson json, BindingOptions options) {
    this.json = requireNonNull(json, "json");
    this.options = requireNonNull(options, "options");
    this.leaves = new LeafEncoder(json);
    this.masks = new PatchMaskInference(lookup);
  }

  /**
   * Binds a request whose body is a stream, read to its end (the request message is sent whole, so the body is
   * needed whole).
   *
   * @param body the request body; {@code null} or empty for none
   * @param rawQuery the query string without {@code ?}, still percent-encoded; {@code null} or empty for none
   * @throws StatusException INVALID_ARGUMENT, naming the parameter, variable or JSON position, for bad input
   * @throws IOException when reading the body fails
   */
  public byte[] bind(RouteMatch match, InputStream body, String rawQuery) throws IOException {
    return bind(match, body == null ? new byte[0] : body.readAllBytes(), rawQuery);
  }

  /**
   * Binds a request whose body is in memory.
   *
   * @param body the request body; {@code null} or empty for none
   * @param rawQuery the query string without {@code ?}, still percent-encoded; {@code null} or empty for none
   * @throws StatusException INVALID_ARGUMENT, naming the parameter, variable or JSON position, for bad input
   */
  public byte[] bind(RouteMatch match, byte[] body, String rawQuery) {
    RouteBinding binding = routes.computeIfAbsent(match.route(), route -> RouteBinding.of(match));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + (body == null ? 0 : body.length));
    CodedOutputStream out = CodedOutputStream.newInstance(bytes, 256);
    try {
      boolean hasBody = body != null && !isBlank(body);
      if (hasBody) {
        out.writeRawBytes(bindBody(binding, body));
      }
      bindPath(match.variables(), out);
      QueryBinder query = bindQuery(binding, rawQuery, out);
      if (hasBody) {
        inferMask(binding, body, query, out);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** Writes the FieldMask a PATCH body implies, unless the route infers none or the query gave one. */
  private void inferMask(RouteBinding binding, byte[] body, QueryBinder query, CodedOutputStream out)
      throws IOException {
    FieldDescriptor mask = binding.inferredMask();
    if (mask == null || !options.inferPatchFieldMask() || (query != null && query.setsTopLevel(mask))) {
      return;
    }
    List<String> paths = masks.paths(binding.body().field().leaf().getMessageType(), body);
    if (!paths.isEmpty()) {
      out.writeByteArray(mask.getNumber(), WireEncoding.encode(maskOut -> {
        for (String path : paths) {
          maskOut.writeString(1, path);
        }
      }));
    }
  }

  private byte[] bindBody(RouteBinding binding, byte[] body) {
    BodyRule rule = binding.body();
    byte[] encoded;
    switch (rule.kind()) {
      case WHOLE_MESSAGE:
        encoded = json.toProto(binding.requestType(), body);
        break;
      case FIELD:
        List<FieldDescriptor> fields = rule.field().fields();
        byte[] field = json.fieldToProto(rule.field().leaf(), body);
        List<FieldDescriptor> enclosing = fields.subList(0, fields.size() - 1);
        encoded = enclosing.isEmpty()
            ? field : WireEncoding.encode(out -> WireEncoding.writeNested(out, enclosing, field));
        break;
      default:
        // No body rule: the body is not part of the request message (grpc-gateway drains and ignores it).
        return new byte[0];
    }
    for (FieldPath overridden : binding.removedFromBody()) {
      encoded = WireEncoding.remove(encoded, overridden.fields());
    }
    return encoded;
  }

  private void bindPath(List<RouteMatch.PathVariable> variables, CodedOutputStream out) throws IOException {
    for (RouteMatch.PathVariable variable : variables) {
      FieldPath path = variable.field();
      FieldDescriptor leaf = path.leaf();
      String source = "path variable \"" + path + "\"";
      if (!leaves.isLeaf(leaf)) {
        throw StatusException.invalidArgument("invalid " + source + ": \"" + path + "\" takes "
            + LeafEncoder.expected(leaf) + ", which a path cannot give");
      }
      leaves.writeAt(out, path.fields(), variable.value(), source);
    }
  }

  /** Binds the query parameters; returns what they set, or {@code null} when the route takes none. */
  private QueryBinder bindQuery(RouteBinding binding, String rawQuery, CodedOutputStream out) throws IOException {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    if (binding.body().kind() == BodyRule.Kind.WHOLE_MESSAGE) {
      if (options.strictQuery()) {
        throw StatusException.invalidArgument("query parameters are not allowed: the request body binds the whole "
            + "request message (found: \"" + BindingErrors.excerpt(rawQuery) + "\")");
      }
      return null;
    }
    QueryBinder query = new QueryBinder(binding, lookup, leaves, options.strictQuery());
    for (QueryString.Parameter parameter : QueryString.parse(rawQuery)) {
      query.bind(parameter.key(), parameter.value(), out);
    }
    return query;
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
