package dev.gatehouse.core.route;

import dev.gatehouse.core.route.PathTemplate.Segment;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which templates are tried, most specific first. When several templates match a path, the first in
 * this order wins:
 *
 * <ol>
 *   <li>a template with a verb before one without (a path ending in {@code :verb} is meant for the verb);
 *   <li>then segment by segment from the left: a literal before {@code *} (or a one-segment variable), {@code *}
 *       before the end of the template, the end before {@code **}; where both have {@code **} at the same place,
 *       the one with more segments after it first, and the comparison goes on with those segments;
 *   <li>then the longer verb first ({@code :a:b} before {@code :b}).
 * </ol>
 *
 * Ties left after this are templates of the same shape, which are conflicts ({@link RouteConflict}): the first
 * declared wins. The order is total and does not depend on the declaration order, so a route table is deterministic.
 */
final class Specificity implements Comparator<PathTemplate> {
  static final Specificity ORDER = new Specificity();

  private static final int LITERAL = 0;
  private static final int SINGLE = 1;
  private static final int END = 2;
  private static final int MULTI = 3;

  private Specificity() {}

  @Override
  public int compare(PathTemplate a, PathTemplate b) {
    boolean aVerb = a.verb().isPresent();
    if (aVerb != b.verb().isPresent()) {
      return aVerb ? -1 : 1;
    }
    List<Segment> as = a.segments();
    List<Segment> bs = b.segments();
    for (int i = 0; ; i++) {
      int ra = rank(as, i);
      int rb = rank(bs, i);
      if (ra != rb) {
        return Integer.compare(ra, rb);
      }
      if (ra == END) {
        break;
      }
      if (ra == MULTI && a.tailLength() != b.tailLength()) {
        return Integer.compare(b.tailLength(), a.tailLength());
      }
    }
    if (aVerb) {
      return Integer.compare(b.verb().get().length(), a.verb().get().length());
    }
    return 0;
  }

  private static int rank(List<Segment> segments, int i) {
    if (i >= segments.size()) {
      return END;
    }
    switch (segments.get(i).kind()) {
      case LITERAL:
        return LITERAL;
      case SINGLE_WILDCARD:
        return SINGLE;
      default:
        return MULTI;
    }
  }
}
