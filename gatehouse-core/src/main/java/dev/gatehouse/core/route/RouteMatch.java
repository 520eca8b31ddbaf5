package dev.gatehouse.core.route;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.core.descriptor.FieldPath;
import java.util.List;

/**
 * The route an HTTP request matched, with the values its path variables captured.
 *
 * @param route the matched route
 * @param variables the captured variables, in template order, values percent-decoded once
 */
public record RouteMatch(Route route, List<PathVariable> variables) {

  public RouteMatch {
    requireNonNull(route, "route");
    variables = List.copyOf(variables);
  }

  /**
   * One path variable's value.
   *
   * @param field the request field the variable binds
   * @param value the captured text, decoded: in a single-segment variable every escape is decoded ({@code %2F}
   *     becomes a slash); in a multi-segment variable reserved characters stay escaped
   */
  public record PathVariable(FieldPath field, String value) {
    public PathVariable {
      requireNonNull(field, "field");
      requireNonNull(value, "value");
    }
  }
}
