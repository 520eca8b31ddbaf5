package dev.gatehouse.core.route;

import dev.gatehouse.core.route.PathTemplate.Segment;
import dev.gatehouse.core.route.PathTemplate.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser of the {@code google/api/http.proto} template grammar:
 *
 * <pre>
 * Template = "/" [ Segments ] [ ":" Verb ] ;
 * Segments = Segment { "/" Segment } ;
 * Segment  = "*" | "**" | LITERAL | Variable ;
 * Variable = "{" FieldPath [ "=" Segments ] "}" ;
 * FieldPath = IDENT { "." IDENT } ;
 * </pre>
 *
 * <p>Where the grammar is ambiguous it follows grpc-gateway: after a variable the first {@code :} starts the verb
 * (so the verb may hold colons); after a literal the last one does; inside a variable a colon is literal text.
 */
final class PathTemplateParser {
  private static final String SEGMENT = "a segment (a literal, \"*\", \"**\" or \"{field}\")";
  private static final String INNER_SEGMENT = "a literal, \"*\" or \"**\"";

  private final String text;
  private final List<Segment> segments = new ArrayList<>();
  private final List<Variable> variables = new ArrayList<>();
  private int pos;
  private boolean multiWildcardSeen;

  private PathTemplateParser(String text) {
    this.text = text;
  }

  static PathTemplate parse(String text) {
    return new PathTemplateParser(text).template();
  }

  /** What the last top-level segment was, which decides how a colon after it reads. */
  private enum Last {
    LITERAL,
    WILDCARD,
    VARIABLE
  }

  private PathTemplate template() {
    if (!at('/')) {
      throw expected("\"/\"");
    }
    pos++;
    if (pos == text.length()) {
      return new PathTemplate(text, segments, variables, null);
    }
    String verb = null;
    Last last;
    int lastStart;
    while (true) {
      lastStart = pos;
      last = segment();
      if (pos == text.length()) {
        break;
      }
      char c = text.charAt(pos);
      if (c == '/') {
        pos++;
        continue;
      }
      if (c == ':' && last != Last.LITERAL) {
        verb = verb(last == Last.VARIABLE);
        break;
      }
      throw expected(last == Last.LITERAL ? "\"/\" or the end" : "\"/\", \":verb\" or the end");
    }
    if (last == Last.LITERAL) {
      verb = splitVerbFromLastLiteral(lastStart);
    }
    return new PathTemplate(text, segments, variables, verb);
  }

  private Last segment() {
    if (pos == text.length()) {
      throw expected(SEGMENT);
    }
    char c = text.charAt(pos);
    if (c == '{') {
      variable();
      return Last.VARIABLE;
    }
    if (c == '*') {
      wildcard();
      return Last.WILDCARD;
    }
    if (c == '%' || PercentEncoding.isPathChar(c)) {
      literal();
      return Last.LITERAL;
    }
    throw expected(SEGMENT);
  }

  private void variable() {
    pos++;
    int fieldStart = pos;
    identifier();
    while (at('.')) {
      pos++;
      identifier();
    }
    String field = text.substring(fieldStart, pos);
    for (Variable v : variables) {
      if (v.fieldPath().equals(field)) {
        pos = fieldStart;
        throw expected("a field not bound yet (\"" + field + "\" is bound twice)");
      }
    }
    int start = segments.size();
    if (at('=')) {
      pos++;
      innerSegment();
      while (at('/')) {
        pos++;
        innerSegment();
      }
      if (!at('}')) {
        throw expected(pos == text.length() ? "\"}\"" : "\"/\" or \"}\"");
      }
    } else if (!at('}')) {
      throw expected(pos == text.length() ? "\"}\"" : "\".\", \"=\" or \"}\"");
    } else {
      segments.add(Segment.SINGLE_WILDCARD);
    }
    pos++;
    int end = segments.size();
    boolean multi = end - start != 1 || segments.get(start).kind() == Segment.Kind.MULTI_WILDCARD;
    variables.add(new Variable(field, start, end, multi));
  }

  private void identifier() {
    if (pos == text.length() || !isIdentifierStart(text.charAt(pos))) {
      throw expected("a field name");
    }
    pos++;
    while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
      pos++;
    }
  }

  private void innerSegment() {
    if (pos == text.length()) {
      throw expected(INNER_SEGMENT);
    }
    char c = text.charAt(pos);
    if (c == '*') {
      wildcard();
    } else if (c == '%' || PercentEncoding.isPathChar(c)) {
      literal();
    } else if (c == '{') {
      throw expected(INNER_SEGMENT + " (variables do not nest)");
    } else {
      throw expected(INNER_SEGMENT);
    }
  }

  private void wildcard() {
    if (pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
      if (multiWildcardSeen) {
        throw expected("at most one \"**\" in a template");
      }
      multiWildcardSeen = true;
      segments.add(Segment.MULTI_WILDCARD);
      pos += 2;
    } else {
      segments.add(Segment.SINGLE_WILDCARD);
      pos++;
    }
    if (at('*') || (pos < text.length() && text.charAt(pos) != ':' && isLiteralChar(text.charAt(pos)))) {
      throw expected("\"/\" after a wildcard (a wildcard is a whole segment)");
    }
  }

  private void literal() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '%') {
        escape();
      } else if (c == '*') {
        throw expected("a literal character (\"*\" is a wildcard only as a whole segment)");
      } else if (PercentEncoding.isPathChar(c)) {
        pos++;
      } else {
        break;
      }
    }
    segments.add(Segment.literal(text.substring(start, pos)));
  }

  private void escape() {
    if (pos + 2 >= text.length() || !PercentEncoding.isHex(text.charAt(pos + 1))
        || !PercentEncoding.isHex(text.charAt(pos + 2))) {
      throw expected("two hex digits after \"%\"");
    }
    pos += 3;
  }

  /** A verb after a wildcard or a variable; after a variable it may hold colons, as grpc-gateway reads it. */
  private String verb(boolean colonsAllowed) {
    pos++;
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '%') {
        escape();
      } else if (c == ':' && !colonsAllowed) {
        throw expected("a verb character (a verb after a wildcard holds no \":\")");
      } else if (PercentEncoding.isPathChar(c)) {
        pos++;
      } else {
        throw expected(pos == start ? "a verb after \":\""
            : "a verb character or the end (the verb ends the template)");
      }
    }
    if (pos == start) {
      throw expected("a verb after \":\"");
    }
    return text.substring(start, pos);
  }

  /** A final literal {@code b:c:verb} is the literal {@code b:c} and the verb {@code verb}. */
  private String splitVerbFromLastLiteral(int literalStart) {
    Segment last = segments.get(segments.size() - 1);
    int colon = last.literal().lastIndexOf(':');
    if (colon < 0) {
      return null;
    }
    if (colon == 0) {
      pos = literalStart;
      throw expected(SEGMENT + " before the verb");
    }
    if (colon == last.literal().length() - 1) {
      pos = literalStart + colon + 1;
      throw expected("a verb after \":\"");
    }
    segments.set(segments.size() - 1, Segment.literal(last.literal().substring(0, colon)));
    return last.literal().substring(colon + 1);
  }

  private boolean at(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private IllegalArgumentException expected(String what) {
    return new IllegalArgumentException("invalid path template \"" + text + "\": position " + pos + ": expected "
        + what);
  }

  private static boolean isLiteralChar(char c) {
    return c == '%' || PercentEncoding.isPathChar(c);
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
  }
}
