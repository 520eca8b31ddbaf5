package dev.gatehouse.core.route;

import dev.gatehouse.core.route.PathTemplate.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of one HTTP method, ready to match without allocating.
 *
 * <p>They are split in two tiers, templates with a verb and without, and in each tier by first segment: those whose
 * first segment is a literal sit in a small hash table keyed by that literal's normal form, the others in a list.
 * Every list is in {@link Specificity} order, and the order of the tiers and of literal-before-others agrees with it,
 * so trying the candidates in that order and stopping at the first match finds the most specific route.
 */
final class MethodRoutes {
  private final Tier verbTier;
  private final Tier plainTier;

  /** @param routes in {@link Specificity} order */
  MethodRoutes(List<CompiledRoute> routes) {
    List<CompiledRoute> withVerb = new ArrayList<>();
    List<CompiledRoute> withoutVerb = new ArrayList<>();
    for (CompiledRoute route : routes) {
      (route.template.verb().isPresent() ? withVerb : withoutVerb).add(route);
    }
    this.verbTier = withVerb.isEmpty() ? null : new Tier(withVerb);
    this.plainTier = withoutVerb.isEmpty() ? null : new Tier(withoutVerb);
  }

  /** The most specific route matching {@code path[0, end)}, or {@code null}. */
  CompiledRoute find(String path, int end, int segmentCount) {
    int firstEnd = path.indexOf('/', 1);
    if (firstEnd < 0 || firstEnd > end) {
      firstEnd = end;
    }
    if (verbTier != null) {
      int colon = path.lastIndexOf(':', end - 1);
      if (colon > path.lastIndexOf('/', end - 1)) {
        // A one-segment path's literal stops before its verb; a literal holds no verb's colon (the verb follows
        // the last one), so the last colon is where the key ends.
        CompiledRoute found = verbTier.find(path, end, segmentCount, firstEnd == end ? colon : firstEnd);
        if (found != null) {
          return found;
        }
      }
    }
    return plainTier == null ? null : plainTier.find(path, end, segmentCount, firstEnd);
  }

  private static final class Tier {
    private final String[] keys;
    private final int[] hashes;
    private final CompiledRoute[][] byFirstLiteral;
    private final int mask;
    private final CompiledRoute[] others;

    Tier(List<CompiledRoute> routes) {
      Map<String, List<CompiledRoute>> byLiteral = new LinkedHashMap<>();
      List<CompiledRoute> others = new ArrayList<>();
      for (CompiledRoute route : routes) {
        List<Segment> segments = route.template.segments();
        if (!segments.isEmpty() && segments.get(0).kind() == Segment.Kind.LITERAL) {
          String key = PercentEncoding.normalize(segments.get(0).literal());
          byLiteral.computeIfAbsent(key, k -> new ArrayList<>()).add(route);
        } else {
          others.add(route);
        }
      }
      int capacity = Integer.highestOneBit(Math.max(1, byLiteral.size()) * 2) * 2;
      this.keys = new String[capacity];
      this.hashes = new int[capacity];
      this.byFirstLiteral = new CompiledRoute[capacity][];
      this.mask = capacity - 1;
      for (Map.Entry<String, List<CompiledRoute>> entry : byLiteral.entrySet()) {
        String key = entry.getKey();
        int hash = PercentEncoding.hashNormalized(key, 0, key.length());
        int slot = spread(hash) & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        hashes[slot] = hash;
        byFirstLiteral[slot] = entry.getValue().toArray(new CompiledRoute[0]);
      }
      this.others = others.toArray(new CompiledRoute[0]);
    }

    CompiledRoute find(String path, int end, int segmentCount, int keyEnd) {
      if (segmentCount > 0 && keyEnd > 1) {
        CompiledRoute[] candidates = candidates(path, keyEnd);
        if (candidates != null) {
          for (CompiledRoute route : candidates) {
            if (route.template.matches(path, end, segmentCount)) {
              return route;
            }
          }
        }
      }
      for (CompiledRoute route : others) {
        if (route.template.matches(path, end, segmentCount)) {
          return route;
        }
      }
      return null;
    }

    private CompiledRoute[] candidates(String path, int keyEnd) {
      int hash = PercentEncoding.hashNormalized(path, 1, keyEnd);
      for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
        if (hashes[slot] == hash && PercentEncoding.equalsNormalized(path, 1, keyEnd, keys[slot])) {
          return byFirstLiteral[slot];
        }
      }
      return null;
    }

    private static int spread(int hash) {
      return hash ^ (hash >>> 16);
    }
  }
}
