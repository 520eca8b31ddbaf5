package dev.gatehouse.core.binding;

/**
 * How a {@link RequestBinder} treats what a request may leave unbound.
 *
 * @param strictQuery refuse, with a 400 naming it, every query parameter that would otherwise be ignored: an unknown
 *     name, a field the path or body already binds, any parameter when the body binds the whole message. Off by
 *     default, as in grpc-gateway, because clients and proxies add parameters of their own.
 * @param inferPatchFieldMask on a PATCH whose body is one message field, fill the request's FieldMask from the JSON
 *     keys the body has when the client sent no mask (grpc-gateway's patch feature). On by default.
 */
public record BindingOptions(boolean strictQuery, boolean inferPatchFieldMask) {
  /** Lenient query, PATCH masks inferred: grpc-gateway's behaviour. */
  public static final BindingOptions DEFAULTS = new BindingOptions(false, true);

  /** These options with {@code strictQuery} changed. */
  public BindingOptions withStrictQuery(boolean strictQuery) {
    return new BindingOptions(strictQuery, inferPatchFieldMask);
  }

  /** These options with {@code inferPatchFieldMask} changed. */
  public BindingOptions withInferPatchFieldMask(boolean inferPatchFieldMask) {
    return new BindingOptions(strictQuery, inferPatchFieldMask);
  }
}
