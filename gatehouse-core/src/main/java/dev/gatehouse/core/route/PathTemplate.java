package dev.gatehouse.core.route;

/** Placeholder until the template parser lands: see the routing work. */
public final class PathTemplate {
  private PathTemplate() {}
}
