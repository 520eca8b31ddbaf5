/**
 * Routes from {@code google.api.http} rules. {@link dev.gatehouse.core.route.RouteLoader} turns a catalog's rules into
 * {@link dev.gatehouse.core.route.Route}s, rejecting invalid rules all at once; {@link
 * dev.gatehouse.core.route.PathTemplate} parses the rules' path templates; {@link dev.gatehouse.core.route.RouteTable}
 * finds the route for an HTTP method and raw path, the most specific template first whatever the declaration order,
 * and tells a 404 from a 405 ({@link dev.gatehouse.core.route.RouteLookup}). Templates that cannot be told apart are
 * reported as {@link dev.gatehouse.core.route.RouteConflict}s. The rules are written down in {@code docs/mapping.md}.
 */
package dev.gatehouse.core.route;
