/**
 * Routes from {@code google.api.http} rules: {@link dev.gatehouse.core.route.PathTemplate} parses and matches the
 * rules' path templates, {@link dev.gatehouse.core.route.RouteTable} finds the route for an HTTP method and raw path,
 * the most specific template first, whatever the declaration order.
 */
package dev.gatehouse.core.route;
