package dev.gatehouse.core.route;

import dev.gatehouse.core.descriptor.FieldPath;
import dev.gatehouse.core.route.RouteMatch.PathVariable;
import java.util.List;

/** A route with its variables' field paths resolved against the request type, once, when the table is built. */
final class CompiledRoute {
  final Route route;
  final PathTemplate template;
  private final FieldPath[] fields;

  CompiledRoute(Route route) {
    this.route = route;
    this.template = route.template();
    List<PathTemplate.Variable> variables = template.variables();
    this.fields = new FieldPath[variables.size()];
    for (int i = 0; i < fields.length; i++) {
      String path = variables.get(i).fieldPath();
      try {
        fields[i] = FieldPath.resolve(route.method().getInputType(), path);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(route.grpcMethodName() + ": " + route.httpMethod() + " " + template
            + ": path variable: " + e.getMessage(), e);
      }
    }
  }

  /** The match for a path the template {@link PathTemplate#matches matches}. */
  RouteMatch toMatch(String path, int end, int segmentCount) {
    List<String> values = template.capture(path, end, segmentCount);
    PathVariable[] variables = new PathVariable[values.size()];
    for (int i = 0; i < variables.length; i++) {
      variables[i] = new PathVariable(fields[i], values.get(i));
    }
    return new RouteMatch(route, List.of(variables));
  }
}
