package dev.gatehouse.core.route;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@link RouteTable#match} found for an HTTP method and path: a route, the path under other HTTP methods only
 * (405, with the methods for an {@code Allow} header), or nothing (404).
 */
public sealed interface RouteLookup permits RouteLookup.Matched, RouteLookup.MethodNotAllowed, RouteLookup.NotFound {

  /**
   * A route matched.
   *
   * @param match the route and its variables' values
   */
  record Matched(RouteMatch match) implements RouteLookup {
    public Matched {
      requireNonNull(match, "match");
    }
  }

  /**
   * No route for the request's HTTP method matched, but routes of other methods do: answer 405 with these in
   * {@code Allow}.
   *
   * @param allowedMethods the HTTP methods under which the path exists, sorted, never empty
   */
  record MethodNotAllowed(List<String> allowedMethods) implements RouteLookup {
    public MethodNotAllowed {
      allowedMethods = List.copyOf(allowedMethods);
      if (allowedMethods.isEmpty()) {
        throw new IllegalArgumentException("allowedMethods: [] (expected: at least one method)");
      }
    }

    /** The value of the {@code Allow} header: {@code GET, HEAD}. */
    public String allowHeader() {
      return String.join(", ", allowedMethods);
    }
  }

  /** No route matches the path under any HTTP method: answer 404. */
  record NotFound() implements RouteLookup {
    /** The one instance {@link RouteTable} returns. */
    public static final NotFound INSTANCE = new NotFound();
  }
}
