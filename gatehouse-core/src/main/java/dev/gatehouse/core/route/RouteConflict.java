package dev.gatehouse.core.route;

import static java.util.Objects.requireNonNull;

/**
 * Two routes of the same HTTP method whose templates have the same shape ({@code {a}} and {@code {b}}, or {@code *}
 * and {@code {x}}, in the same place), so no path can tell them apart. The route table keeps the first declared and
 * never calls the other; {@link #toString()} says so in words an operator can act on.
 *
 * @param kept the route declared first, which serves the paths
 * @param shadowed the route declared later, which is never matched
 */
public record RouteConflict(Route kept, Route shadowed) {
  public RouteConflict {
    requireNonNull(kept, "kept");
    requireNonNull(shadowed, "shadowed");
  }

  /**
   * The conflict in one line: {@code GET /v1/{name=shelves/*} (pkg.Library/GetShelf) and GET /v1/{id=shelves/*}
   * (pkg.Other/Get) match the same paths; pkg.Library/GetShelf, declared first, wins}.
   */
  @Override
  public String toString() {
    return kept.httpMethod() + " " + kept.template() + " (" + kept.grpcMethodName() + ") and "
        + shadowed.httpMethod() + " " + shadowed.template() + " (" + shadowed.grpcMethodName()
        + ") match the same paths; " + kept.grpcMethodName() + ", declared first, wins";
  }
}
