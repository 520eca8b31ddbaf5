package dev.gatehouse.core.route;

import static dev.gatehouse.core.route.Fixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** 404 versus 405 with the allowed methods, and conflicting templates reported when the table is built. */
class RouteTableErrorsTest {

  @Test
  void pathUnderAnotherMethodIsMethodNotAllowedWithTheAllowedMethodsSorted() {
    RouteTable table = RouteTable.of(List.of(
        route("PATCH", "/v1/{name=shelves/*}", 0),
        route("GET", "/v1/{name=shelves/*}", 1),
        route("DELETE", "/v1/shelves/{id}", 2),
        route("POST", "/v1/shelves", 3)));

    RouteLookup lookup = table.match("PUT", "/v1/shelves/s1");

    assertThat(lookup).isInstanceOfSatisfying(RouteLookup.MethodNotAllowed.class, notAllowed -> {
      assertThat(notAllowed.allowedMethods()).containsExactly("DELETE", "GET", "PATCH");
      assertThat(notAllowed.allowHeader()).isEqualTo("DELETE, GET, PATCH");
    });
  }

  @Test
  void methodNotAllowedWhenOnlyAnotherMethodsTemplateMatches() {
    RouteTable table = RouteTable.of(List.of(route("GET", "/v1/books/{id}", 0), route("POST", "/v1/books", 1)));

    assertThat(table.match("POST", "/v1/books/b1"))
        .isEqualTo(new RouteLookup.MethodNotAllowed(List.of("GET")));
  }

  @Test
  void pathUnderNoMethodIsNotFound() {
    RouteTable table = RouteTable.of(List.of(route("GET", "/v1/books/{id}", 0)));

    assertThat(table.match("GET", "/v1/authors/a1")).isEqualTo(RouteLookup.NotFound.INSTANCE);
    assertThat(table.match("POST", "/v1/authors/a1")).isEqualTo(RouteLookup.NotFound.INSTANCE);
    assertThat(RouteTable.of(List.of()).match("GET", "/")).isEqualTo(RouteLookup.NotFound.INSTANCE);
  }

  @Test
  void renamedVariableConflictNamesBothMethodsAndTemplatesAndFirstDeclaredWins() {
    Route first = route("GET", "/v1/{name=shelves/*}", 3);
    Route second = route("GET", "/v1/shelves/{id}", 7);

    RouteTable table = RouteTable.of(List.of(first, second));

    assertThat(table.conflicts()).containsExactly(new RouteConflict(first, second));
    assertThat(table.conflicts().get(0).toString())
        .contains("gatehouse.route.v1.Api/M3", "gatehouse.route.v1.Api/M7")
        .contains("/v1/{name=shelves/*}", "/v1/shelves/{id}")
        .contains("M3, declared first, wins");
    assertThat(table.routes()).containsExactly(first);
    RouteMatch match = RouteTableMatchingTest.matched(table, "GET", "/v1/shelves/s1");
    assertThat(match.route()).isEqualTo(first);
  }

  @Test
  void wildcardAndVariableInTheSamePlaceConflict() {
    Route first = route("POST", "/v1/*/books:move", 1);
    Route second = route("POST", "/v1/{x}/books:move", 2);
    Route otherVerb = route("POST", "/v1/{x}/books:copy", 3);
    Route otherMethod = route("PUT", "/v1/{x}/books:move", 4);

    RouteTable table = RouteTable.of(List.of(first, second, otherVerb, otherMethod));

    assertThat(table.conflicts()).containsExactly(new RouteConflict(first, second));
    assertThat(table.routes()).containsExactly(first, otherVerb, otherMethod);
  }

  @Test
  void identicalTemplatesConflictAndEscapedSpellingsOfOneLiteralToo() {
    Route first = route("GET", "/v1/foo", 0);
    Route same = route("GET", "/v1/foo", 1);
    Route escaped = route("GET", "/v1/f%6Fo", 2);

    RouteTable table = RouteTable.of(List.of(first, same, escaped));

    assertThat(table.conflicts()).extracting(RouteConflict::shadowed).containsExactly(same, escaped);
  }

  @Test
  void differentShapesDoNotConflict() {
    RouteTable table = RouteTable.of(List.of(route("GET", "/v1/{a}", 0), route("GET", "/v1/{a=**}", 1),
        route("GET", "/v1/{a}:x", 2), route("GET", "/v1/a", 3)));

    assertThat(table.conflicts()).isEmpty();
    assertThat(table.routes()).hasSize(4);
  }
}
