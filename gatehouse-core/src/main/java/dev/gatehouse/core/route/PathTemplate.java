package dev.gatehouse.core.route;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code google.api.http} path template, such as {@code /v1/{name=shelves/*}/books/{book}:move}.
 * Immutable and safe to share between threads; {@link #toString()} gives back the template text.
 *
 * <p>The grammar is {@code google/api/http.proto}'s: {@code "/" Segments [":" Verb]}, a segment being a literal,
 * {@code *} (one segment), {@code **} (zero or more segments, at most one per template, fixed segments may follow
 * it) or a variable {@code {field.path}} ({@code = {field.path=*}}) or {@code {field.path=segments}}. Literals are
 * RFC 3986 pchars. A trailing slash or an empty segment is rejected; {@code /} alone is the root.
 *
 * <p>A template is matched against a raw request path, still percent-encoded. A literal equals a raw segment when
 * they are the same after decoding escapes of unreserved characters ({@code /f%6Fo} matches {@code /foo}), while a
 * {@code %2F} never equals a slash. {@code *} and {@code **} match non-empty segments only. A template with verb V
 * matches only paths whose last segment ends with {@code :V} and has text before it; a template without a verb
 * treats a colon as ordinary text.
 */
public final class PathTemplate {
  private final String text;
  private final List<Segment> segments;
  private final List<Variable> variables;
  private final String verb;
  private final String shape;

  // The matching form: literals normalised once, kinds as an array, the ** position and the verb suffix.
  private final String[] literals;
  private final int multiWildcardAt;
  private final String colonVerb;

  PathTemplate(String text, List<Segment> segments, List<Variable> variables, String verb) {
    this.text = text;
    this.segments = List.copyOf(segments);
    this.variables = List.copyOf(variables);
    this.verb = verb;
    this.literals = new String[segments.size()];
    int multi = -1;
    StringBuilder shape = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      if (segment.kind() == Segment.Kind.LITERAL) {
        literals[i] = PercentEncoding.normalize(segment.literal());
      } else if (segment.kind() == Segment.Kind.MULTI_WILDCARD) {
        multi = i;
      }
      shape.append('/').append(literals[i] != null ? literals[i] : segment.toString());
    }
    if (segments.isEmpty()) {
      shape.append('/');
    }
    if (verb != null) {
      shape.append(':').append(verb);
    }
    this.multiWildcardAt = multi;
    this.colonVerb = verb == null ? null : ":" + verb;
    this.shape = shape.toString();
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException whose message holds the template, the 0-based position of the problem and what
   *     was expected there: {@code invalid path template "/v1/{name": position 9: expected "}"}
   */
  public static PathTemplate parse(String template) {
    return PathTemplateParser.parse(requireNonNull(template, "template"));
  }

  /** The segments, variables flattened into the segments they match: {@code /v1/{name=shelves/*}} has three. */
  public List<Segment> segments() {
    return segments;
  }

  /** The variables, in template order. */
  public List<Variable> variables() {
    return variables;
  }

  /** The custom verb, without its colon. */
  public Optional<String> verb() {
    return Optional.ofNullable(verb);
  }

  /**
   * The template without variable names and with literals in normal form, {@code /v1/shelves/*:move}: two templates
   * with the same shape match exactly the same paths, so they cannot be told apart.
   */
  public String shape() {
    return shape;
  }

  /** Whether the template has a {@code **}. */
  boolean hasMultiWildcard() {
    return multiWildcardAt >= 0;
  }

  /** How many segments follow the {@code **}, or -1 without one. */
  int tailLength() {
    return multiWildcardAt < 0 ? -1 : segments.size() - multiWildcardAt - 1;
  }

  /**
   * Whether the raw path {@code path[0, end)} matches. Allocates nothing.
   *
   * @param end where the path ends (before any query)
   * @param segmentCount the path's segment count, none of them empty (see {@link PercentEncoding#countSegments})
   */
  boolean matches(String path, int end, int segmentCount) {
    int pathEnd = colonVerb == null ? end : endBeforeVerb(path, end);
    if (pathEnd < 0) {
      return false;
    }
    int n = literals.length;
    if (multiWildcardAt < 0 ? segmentCount != n : segmentCount < n - 1) {
      return false;
    }
    int head = multiWildcardAt < 0 ? n : multiWildcardAt;
    int start = 1;
    for (int i = 0; i < head; i++) {
      int segmentEnd = segmentEnd(path, start, pathEnd);
      if (literals[i] != null && !PercentEncoding.equalsNormalized(path, start, segmentEnd, literals[i])) {
        return false;
      }
      start = segmentEnd + 1;
    }
    int segmentEnd = pathEnd;
    for (int i = n - 1; i > multiWildcardAt && multiWildcardAt >= 0; i--) {
      int segmentStart = path.lastIndexOf('/', segmentEnd - 1) + 1;
      if (literals[i] != null && !PercentEncoding.equalsNormalized(path, segmentStart, segmentEnd, literals[i])) {
        return false;
      }
      segmentEnd = segmentStart - 1;
    }
    return true;
  }

  /**
   * The variables' values for a path that {@link #matches}, in template order, each percent-decoded once: fully in
   * a single-segment variable, keeping reserved characters escaped in a multi-segment one.
   *
   * @throws dev.gatehouse.core.status.StatusException INVALID_ARGUMENT when a value does not decode to UTF-8
   */
  List<String> capture(String path, int end, int segmentCount) {
    if (variables.isEmpty()) {
      return List.of();
    }
    int pathEnd = colonVerb == null ? end : endBeforeVerb(path, end);
    int[] starts = new int[segmentCount];
    int[] ends = new int[segmentCount];
    int start = 1;
    for (int i = 0; i < segmentCount; i++) {
      starts[i] = start;
      ends[i] = segmentEnd(path, start, pathEnd);
      start = ends[i] + 1;
    }
    // Template index to path index: segments after the ** shift by how many the ** took beyond one.
    int shift = segmentCount - literals.length;
    int multi = multiWildcardAt < 0 ? Integer.MAX_VALUE : multiWildcardAt;
    String[] values = new String[variables.size()];
    for (int v = 0; v < values.length; v++) {
      Variable variable = variables.get(v);
      int first = variable.start() <= multi ? variable.start() : variable.start() + shift;
      int last = variable.end() <= multi ? variable.end() : variable.end() + shift;
      String raw = last > first ? path.substring(starts[first], ends[last - 1]) : "";
      values[v] = PercentEncoding.decode(raw, variable.multiSegment(), variable.fieldPath());
    }
    return Arrays.asList(values);
  }

  /** Where the path ends without the {@code :verb} suffix, or -1 when it has none or nothing precedes it. */
  private int endBeforeVerb(String path, int end) {
    int verbStart = end - colonVerb.length();
    if (verbStart < 2 || !path.startsWith(colonVerb, verbStart) || path.charAt(verbStart - 1) == '/') {
      return -1;
    }
    return verbStart;
  }

  private static int segmentEnd(String path, int start, int end) {
    int slash = path.indexOf('/', start);
    return slash < 0 || slash > end ? end : slash;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PathTemplate && ((PathTemplate) other).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The template text, as parsed. */
  @Override
  public String toString() {
    return text;
  }

  /**
   * One segment of a template.
   *
   * @param kind literal, {@code *} or {@code **}
   * @param literal the literal as written in the template for {@link Kind#LITERAL}, otherwise {@code null}
   */
  public record Segment(Kind kind, String literal) {
    static final Segment SINGLE_WILDCARD = new Segment(Kind.SINGLE_WILDCARD, null);
    static final Segment MULTI_WILDCARD = new Segment(Kind.MULTI_WILDCARD, null);

    public Segment {
      requireNonNull(kind, "kind");
      if ((kind == Kind.LITERAL) != (literal != null)) {
        throw new IllegalArgumentException("literal: " + literal + " (expected: text exactly when kind is LITERAL)");
      }
    }

    static Segment literal(String text) {
      return new Segment(Kind.LITERAL, text);
    }

    /** The segment as written in a template: the literal, {@code *} or {@code **}. */
    @Override
    public String toString() {
      switch (kind) {
        case SINGLE_WILDCARD:
          return "*";
        case MULTI_WILDCARD:
          return "**";
        default:
          return literal;
      }
    }

    /** The three kinds of segment. */
    public enum Kind {
      LITERAL,
      /** {@code *}: exactly one segment. */
      SINGLE_WILDCARD,
      /** {@code **}: zero or more segments. */
      MULTI_WILDCARD
    }
  }

  /**
   * A variable of a template and the segments it captures.
   *
   * @param fieldPath the dotted field path as written ({@code book.name}), resolved later against the request type
   * @param start the index of its first segment in {@link #segments()}
   * @param end the index after its last segment
   * @param multiSegment whether it can capture more than one path segment (several segments or a {@code **}); such a
   *     value keeps reserved characters percent-escaped
   */
  public record Variable(String fieldPath, int start, int end, boolean multiSegment) {
    public Variable {
      requireNonNull(fieldPath, "fieldPath");
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException("segments: [" + start + ", " + end + ") (expected: a non-empty range)");
      }
    }
  }
}
