package dev.gatehouse.core.route;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.core.status.StatusException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the route for an HTTP method and a raw request path. Immutable and safe to share between threads.
 *
 * <p><b>Priority.</b> When several templates match a path, the most specific wins, whatever the order the routes
 * were declared in:
 *
 * <ol>
 *   <li>a template with a verb beats one without, for a path ending in {@code :verb};
 *   <li>then, segment by segment from the left, a literal beats {@code *} or a one-segment variable, which beats
 *       {@code **} (and a template that ends beats one that goes on with {@code **}); between two {@code **} at the
 *       same place, the one with more segments after it wins, then the comparison goes on with those segments;
 *   <li>then the longer verb wins ({@code :a:b} over {@code :b}, for {@code /x/u:a:b}).
 * </ol>
 *
 * <p><b>Conflicts.</b> Two routes of the same HTTP method whose templates have the same {@linkplain
 * PathTemplate#shape() shape} can never be told apart. The table still loads: the first declared route serves those
 * paths, the later one is left out, and the pair is listed in {@link #conflicts()} for the operator.
 *
 * <p><b>Paths.</b> {@link #match} takes the raw path, still percent-encoded; anything from a {@code ?} on is
 * ignored. A path with an empty segment ({@code //}, or a trailing slash) matches nothing. Matching allocates
 * nothing until a route is found: no regular expression, no split; routes are indexed by HTTP method, verb and first
 * literal segment.
 */
public final class RouteTable {
  private final List<Route> routes;
  private final List<RouteConflict> conflicts;
  private final Map<String, MethodRoutes> byMethod;
  /** The HTTP methods, sorted, so a 405's {@code Allow} list comes out in one order. */
  private final String[] methods;

  private RouteTable(List<Route> routes, List<RouteConflict> conflicts, Map<String, MethodRoutes> byMethod) {
    this.routes = List.copyOf(routes);
    this.conflicts = List.copyOf(conflicts);
    this.byMethod = new HashMap<>(byMethod);
    this.methods = byMethod.keySet().toArray(new String[0]);
  }

  /**
   * Builds a table; the list's order is the declaration order, which only decides {@linkplain #conflicts()
   * conflicts}.
   *
   * @throws IllegalArgumentException when a path variable names no field of its method's request type
   */
  public static RouteTable of(List<Route> routes) {
    Map<String, Map<String, CompiledRoute>> byMethodAndShape = new TreeMap<>();
    List<Route> kept = new ArrayList<>();
    List<RouteConflict> conflicts = new ArrayList<>();
    for (Route route : routes) {
      requireNonNull(route, "route");
      Map<String, CompiledRoute> byShape =
          byMethodAndShape.computeIfAbsent(route.httpMethod(), m -> new LinkedHashMap<>());
      CompiledRoute existing = byShape.get(route.template().shape());
      if (existing != null) {
        conflicts.add(new RouteConflict(existing.route, route));
        continue;
      }
      byShape.put(route.template().shape(), new CompiledRoute(route));
      kept.add(route);
    }
    Comparator<CompiledRoute> order = Comparator.comparing(r -> r.template, Specificity.ORDER);
    Map<String, MethodRoutes> byMethod = new TreeMap<>();
    for (Map.Entry<String, Map<String, CompiledRoute>> entry : byMethodAndShape.entrySet()) {
      List<CompiledRoute> sorted = new ArrayList<>(entry.getValue().values());
      sorted.sort(order);
      byMethod.put(entry.getKey(), new MethodRoutes(sorted));
    }
    return new RouteTable(kept, conflicts, byMethod);
  }

  /**
   * The route for a request.
   *
   * @param httpMethod the request's method, compared exactly ({@code GET}, not {@code get})
   * @param rawPath the request target's path as received, percent-encoded; a query after {@code ?} is ignored
   * @return {@link RouteLookup.Matched}, {@link RouteLookup.MethodNotAllowed} with the methods the path exists under,
   *     or {@link RouteLookup.NotFound}
   * @throws StatusException INVALID_ARGUMENT for a path that does not start with {@code /}, a malformed
   *     percent-escape ({@code %zz}, {@code %4}), or a variable whose escapes do not decode to UTF-8; the message
   *     names the segment
   */
  public RouteLookup match(String httpMethod, String rawPath) {
    int end = PercentEncoding.pathEnd(rawPath);
    if (end == 0 || rawPath.charAt(0) != '/') {
      throw StatusException.invalidArgument("path \"" + rawPath + "\": expected to start with \"/\"");
    }
    int segmentCount = PercentEncoding.countSegments(rawPath, end);
    if (segmentCount < 0) {
      return RouteLookup.NotFound.INSTANCE;
    }
    MethodRoutes routesOfMethod = byMethod.get(httpMethod);
    if (routesOfMethod != null) {
      CompiledRoute found = routesOfMethod.find(rawPath, end, segmentCount);
      if (found != null) {
        return new RouteLookup.Matched(found.toMatch(rawPath, end, segmentCount));
      }
    }
    List<String> allowed = null;
    for (String method : methods) {
      if (!method.equals(httpMethod) && byMethod.get(method).find(rawPath, end, segmentCount) != null) {
        if (allowed == null) {
          allowed = new ArrayList<>(2);
        }
        allowed.add(method);
      }
    }
    return allowed == null ? RouteLookup.NotFound.INSTANCE : new RouteLookup.MethodNotAllowed(allowed);
  }

  /** The routes the table serves, in declaration order; routes shadowed by a conflict are left out. */
  public List<Route> routes() {
    return routes;
  }

  /** Pairs of routes that match the same paths, in declaration order of the shadowed one; empty when none. */
  public List<RouteConflict> conflicts() {
    return conflicts;
  }
}
