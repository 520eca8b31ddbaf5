package dev.gatehouse.core.route;

import static dev.gatehouse.core.route.Fixtures.gets;
import static dev.gatehouse.core.route.Fixtures.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Matching raw paths: segments, percent-decoding, verbs, {@code **}, empty segments. */
class RouteTableMatchingTest {

  static RouteMatch matched(RouteTable table, String method, String path) {
    RouteLookup lookup = table.match(method, path);
    assertThat(lookup).as("%s %s", method, path).isInstanceOf(RouteLookup.Matched.class);
    return ((RouteLookup.Matched) lookup).match();
  }

  static String template(RouteTable table, String path) {
    return matched(table, "GET", path).route().template().toString();
  }

  static Map<String, String> variables(RouteMatch match) {
    Map<String, String> values = new LinkedHashMap<>();
    for (RouteMatch.PathVariable variable : match.variables()) {
      values.put(variable.field().toString(), variable.value());
    }
    return values;
  }

  static Map<String, String> variables(RouteTable table, String path) {
    return variables(matched(table, "GET", path));
  }

  static void assertNotFound(RouteTable table, String path) {
    assertThat(table.match("GET", path)).as(path).isEqualTo(RouteLookup.NotFound.INSTANCE);
  }

  @Test
  void literalAndVariableSegmentsMatchAndCaptureInTemplateOrder() {
    RouteTable table = RouteTable.of(gets("/v1/{parent=shelves/*}/books/{id}"));

    RouteMatch match = matched(table, "GET", "/v1/shelves/s1/books/b2");

    assertThat(variables(match)).containsExactly(Map.entry("parent", "shelves/s1"), Map.entry("id", "b2"));
    assertThat(match.variables().get(0).field().leaf().getName()).isEqualTo("parent");
    assertNotFound(table, "/v1/shelves/s1/books");
    assertNotFound(table, "/v1/shelves/s1/books/b2/extra");
    assertNotFound(table, "/v1/shelf/s1/books/b2");
  }

  @Test
  void singleSegmentVariableDecodesEverythingIncludingSlash() {
    RouteTable table = RouteTable.of(gets("/v1/books/{name}"));

    assertThat(variables(table, "/v1/books/a%2Fb")).containsEntry("name", "a/b");
    assertThat(variables(table, "/v1/books/a%2fb%20c%3A%25")).containsEntry("name", "a/b c:%");
    assertThat(variables(table, "/v1/books/caf%C3%A9")).containsEntry("name", "café");
  }

  @Test
  void plusStaysPlusInAPath() {
    RouteTable table = RouteTable.of(gets("/v1/books/{name}"));

    assertThat(variables(table, "/v1/books/a+b")).containsEntry("name", "a+b");
  }

  @Test
  void multiSegmentVariableKeepsReservedCharactersEscaped() {
    RouteTable table = RouteTable.of(gets("/v1/files/{path=**}", "/v1/{name=shelves/*}"));

    assertThat(variables(table, "/v1/files/a/b%2Fc/d%20e/%3F%40%41")).containsEntry("path", "a/b%2Fc/d e/%3F%40A");
    assertThat(variables(table, "/v1/shelves/x%2Fy")).containsEntry("name", "shelves/x%2Fy");
    assertThat(variables(table, "/v1/files/%25%C3%A9")).containsEntry("path", "%é");
  }

  @Test
  void escapedUnreservedCharacterMatchesTheLiteral() {
    RouteTable table = RouteTable.of(gets("/v1/foo", "/v1/a%2Fb"));

    assertThat(template(table, "/v1/f%6Fo")).isEqualTo("/v1/foo");
    assertThat(template(table, "/v1/%66%6F%6f")).isEqualTo("/v1/foo");
    assertThat(template(table, "/v1/a%2fb")).isEqualTo("/v1/a%2Fb");
    assertNotFound(table, "/v1/a/b");
    assertNotFound(table, "/v1/foo%2F");
  }

  @Test
  void malformedEscapeIsInvalidArgumentNamingTheSegment() {
    RouteTable table = RouteTable.of(gets("/v1/books/{name}"));

    assertThatThrownBy(() -> table.match("GET", "/v1/books/a%zzb"))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(GrpcCode.INVALID_ARGUMENT))
        .hasMessageContaining("path segment \"a%zzb\"")
        .hasMessageContaining("\"%zz\"");
    assertThatThrownBy(() -> table.match("GET", "/v1/books/a%4"))
        .isInstanceOf(StatusException.class)
        .hasMessageContaining("path segment \"a%4\"");
    // Whatever matches, a malformed escape is a bad request, even in a segment no template would match.
    assertThatThrownBy(() -> table.match("GET", "/v9/%g0/x"))
        .isInstanceOf(StatusException.class)
        .hasMessageContaining("path segment \"%g0\"");
  }

  @Test
  void escapesThatAreNotUtf8AreInvalidArgumentNamingTheVariable() {
    RouteTable table = RouteTable.of(gets("/v1/books/{name}"));

    assertThatThrownBy(() -> table.match("GET", "/v1/books/%FF"))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(GrpcCode.INVALID_ARGUMENT))
        .hasMessageContaining("path variable \"name\"")
        .hasMessageContaining("%FF");
  }

  @Test
  void pathNotStartingWithSlashIsInvalidArgument() {
    RouteTable table = RouteTable.of(gets("/v1/books/{name}"));

    assertThatThrownBy(() -> table.match("GET", "v1/books/x")).isInstanceOf(StatusException.class)
        .hasMessageContaining("\"v1/books/x\"");
    assertThatThrownBy(() -> table.match("GET", "")).isInstanceOf(StatusException.class);
  }

  @Test
  void queryStringIsNotPartOfThePath() {
    RouteTable table = RouteTable.of(gets("/v1/books/{name}"));

    assertThat(variables(table, "/v1/books/x?name=y&z=%zz")).containsEntry("name", "x");
  }

  @Test
  void verbTemplateMatchesOnlyPathsEndingWithItsVerb() {
    RouteTable table = RouteTable.of(gets("/v1/{name=shelves/*}:move"));

    assertThat(variables(table, "/v1/shelves/s1:move")).containsEntry("name", "shelves/s1");
    assertNotFound(table, "/v1/shelves/s1:other");
    assertNotFound(table, "/v1/shelves/s1");
    assertNotFound(table, "/v1/shelves/:move");
    assertNotFound(table, "/v1/shelves/s1:move/x");
    // An escaped colon is data, not a verb separator.
    assertNotFound(table, "/v1/shelves/s1%3Amove");
  }

  @Test
  void templateWithoutVerbTreatsColonsAsText() {
    RouteTable table = RouteTable.of(gets("/foo/{id}", "/bar/*/hello"));

    assertThat(variables(table, "/foo/bar:123")).containsEntry("id", "bar:123");
    assertThat(template(table, "/bar/other:verb/hello")).isEqualTo("/bar/*/hello");
  }

  @Test
  void onlyTheLastColonsFormTheVerb() {
    RouteTable table = RouteTable.of(gets("/{a=*}/{b=*}:verb", "/{name}:bla:baa"));

    assertThat(variables(table, "/some:verb/const:verb")).containsExactly(Map.entry("a", "some:verb"),
        Map.entry("b", "const"));
    assertThat(variables(table, "/x:bla:baa")).containsEntry("name", "x");
  }

  @Test
  void literalVerbTemplateMatchesLiteralPathWithVerb() {
    RouteTable table = RouteTable.of(gets("/v1/books:batchGet", "/status:check", "/a:b:c"));

    assertThat(template(table, "/v1/books:batchGet")).isEqualTo("/v1/books:batchGet");
    assertThat(template(table, "/status:check")).isEqualTo("/status:check");
    assertThat(template(table, "/a:b:c")).isEqualTo("/a:b:c");
    assertNotFound(table, "/status");
    assertNotFound(table, "/status:other");
  }

  @Test
  void multiWildcardTakesTheSegmentsBetweenHeadAndTail() {
    RouteTable table = RouteTable.of(gets("/a/{x=b/**}/y/z", "/c/{x=**}/d/{y}"));

    assertThat(variables(table, "/a/b/world/c/y/z")).containsEntry("x", "b/world/c");
    assertThat(variables(table, "/a/b/y/z")).containsEntry("x", "b");
    assertThat(variables(table, "/c/1/2/3/d/e")).containsExactly(Map.entry("x", "1/2/3"), Map.entry("y", "e"));
    assertThat(variables(table, "/c/d/e")).containsExactly(Map.entry("x", ""), Map.entry("y", "e"));
    assertNotFound(table, "/a/c/y/z");
  }

  @Test
  void multiWildcardMatchesZeroSegments() {
    RouteTable table = RouteTable.of(gets("/v1/files/{path=**}", "/**"));

    assertThat(variables(table, "/v1/files")).containsEntry("path", "");
    assertThat(template(table, "/")).isEqualTo("/**");
    assertThat(template(table, "/anything/at/all")).isEqualTo("/**");
  }

  @Test
  void rootTemplateMatchesOnlyRoot() {
    RouteTable table = RouteTable.of(gets("/"));

    assertThat(template(table, "/")).isEqualTo("/");
    assertThat(template(table, "/?x=1")).isEqualTo("/");
    assertNotFound(table, "/a");
  }

  @Test
  void emptySegmentMatchesNothingNotEvenAWildcard() {
    RouteTable table = RouteTable.of(gets("/v1/users", "/v1/users/{id}", "/v1/{x=**}"));

    assertNotFound(table, "/v1/users/");
    assertNotFound(table, "/v1//users");
    assertNotFound(table, "//");
    assertThat(template(table, "/v1/users")).isEqualTo("/v1/users");
  }

  @Test
  void httpMethodIsComparedExactly() {
    RouteTable table = RouteTable.of(List.of(route("GET", "/v1/x", 0)));

    assertThat(table.match("get", "/v1/x")).isInstanceOf(RouteLookup.MethodNotAllowed.class);
  }

  @Test
  void firstSegmentIndexDoesNotHideLaterWildcardRoutes() {
    RouteTable table = RouteTable.of(gets("/v1/a/b", "/{x}/a/c", "/{x=**}:verb", "/v1/{y}:verb"));

    assertThat(template(table, "/v1/a/c")).isEqualTo("/{x}/a/c");
    assertThat(template(table, "/v1/a/b")).isEqualTo("/v1/a/b");
    assertThat(template(table, "/v1/q:verb")).isEqualTo("/v1/{y}:verb");
    assertThat(template(table, "/v1/q/r:verb")).isEqualTo("/{x=**}:verb");
    assertThat(template(table, "/v1:verb")).isEqualTo("/{x=**}:verb");
  }

  @Test
  void everyAsciiEscapeDecodesExactlyInUpperAndLowerCase() {
    RouteTable table = RouteTable.of(gets("/v1/books/{name}", "/v1/files/{path=**}"));
    String reserved = "!#$&'()*+,/:;=?@[]";

    for (char c = 0; c <= 126; c++) {
      String upper = String.format("%%%02X", (int) c);
      String lower = upper.toLowerCase(java.util.Locale.ROOT);
      String single = String.valueOf(c);
      assertThat(variables(table, "/v1/books/x" + upper)).as(upper).containsEntry("name", "x" + single);
      assertThat(variables(table, "/v1/books/x" + lower)).as(lower).containsEntry("name", "x" + single);
      String multi = reserved.indexOf(c) >= 0 ? upper : single;
      assertThat(variables(table, "/v1/files/x" + upper)).as(upper).containsEntry("path", "x" + multi);
    }
  }
}
