package dev.gatehouse.core.route;

/**
 * How {@link RouteLoader} turns rules into routes.
 *
 * @param unboundMethods whether a method without a {@code google.api.http} rule gets {@code POST
 *     /pkg.Service/Method} with {@code body: "*"} (grpc-gateway's {@code generate_unbound_methods})
 * @param allowDeleteBody whether a DELETE rule may have a {@code body} (grpc-gateway's {@code allow_delete_body})
 */
public record RouteOptions(boolean unboundMethods, boolean allowDeleteBody) {
  /** Unbound methods get their default route; DELETE takes no body. */
  public static final RouteOptions DEFAULTS = new RouteOptions(true, false);
}
