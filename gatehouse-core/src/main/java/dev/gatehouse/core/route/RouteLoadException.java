package dev.gatehouse.core.route;

import java.util.List;

/**
 * The {@code google.api.http} rules of a descriptor set that cannot become routes. It lists every problem found, each
 * naming the method ({@code gatehouse.testing.v1.Library/GetShelf}) and what is wrong, so an operator fixes them all
 * in one go.
 */
public final class RouteLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> errors;

  public RouteLoadException(List<String> errors) {
    super(message(errors));
    this.errors = List.copyOf(errors);
  }

  private static String message(List<String> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("errors: [] (expected: at least one error)");
    }
    StringBuilder message = new StringBuilder();
    message.append(errors.size() == 1 ? "1 invalid HTTP rule:" : errors.size() + " invalid HTTP rules:");
    for (String error : errors) {
      message.append("\n  - ").append(error);
    }
    return message.toString();
  }

  /** The problems, one per line of the message, in declaration order. */
  public List<String> errors() {
    return errors;
  }
}
