package dev.gatehouse.core.route;

import static dev.gatehouse.core.route.Fixtures.bothOrders;
import static dev.gatehouse.core.route.Fixtures.gets;
import static dev.gatehouse.core.route.RouteTableMatchingTest.template;
import static dev.gatehouse.core.route.RouteTableMatchingTest.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The most specific template wins, whatever the declaration order: each case registers its routes both ways. */
class RouteTablePriorityTest {

  @Test
  void literalSegmentBeatsVariableWhateverTheOrder() {
    for (List<Route> routes : bothOrders("/v1/readers/{reader_id}", "/v1/readers/me")) {
      RouteTable table = RouteTable.of(routes);

      assertThat(template(table, "/v1/readers/me")).isEqualTo("/v1/readers/me");
      assertThat(variables(table, "/v1/readers/r7")).containsEntry("reader_id", "r7");
    }
  }

  @Test
  void singleSegmentVariableBeatsMultiWildcardWhateverTheOrder() {
    for (List<Route> routes : bothOrders("/v1/files/{path=**}", "/v1/files/{name}")) {
      RouteTable table = RouteTable.of(routes);

      assertThat(template(table, "/v1/files/a")).isEqualTo("/v1/files/{name}");
      assertThat(template(table, "/v1/files/a/b")).isEqualTo("/v1/files/{path=**}");
    }
  }

  @Test
  void leftmostDifferenceDecidesWhateverTheOrder() {
    for (List<Route> routes : bothOrders("/c/*/d/e", "/c/f/d/*")) {
      RouteTable table = RouteTable.of(routes);

      assertThat(template(table, "/c/f/d/e")).isEqualTo("/c/f/d/*");
      assertThat(template(table, "/c/g/d/e")).isEqualTo("/c/*/d/e");
    }
  }

  @Test
  void templateThatEndsBeatsMultiWildcardMatchingNothingWhateverTheOrder() {
    for (List<Route> routes : bothOrders("/a/{x=**}", "/a")) {
      RouteTable table = RouteTable.of(routes);

      assertThat(template(table, "/a")).isEqualTo("/a");
      assertThat(template(table, "/a/b")).isEqualTo("/a/{x=**}");
    }
  }

  @Test
  void longerLiteralSuffixAfterMultiWildcardWinsWhateverTheOrder() {
    for (List<Route> routes : bothOrders("/a/{x=**}", "/a/{x=b/**}", "/a/{x=b/**}/z", "/a/{x=b/**}/y/z",
        "/a/{x=b/**}:verb")) {
      RouteTable table = RouteTable.of(routes);

      assertThat(template(table, "/a/b/world/c/y/z")).isEqualTo("/a/{x=b/**}/y/z");
      assertThat(variables(table, "/a/b/world/c/y/z")).containsEntry("x", "b/world/c");
      assertThat(template(table, "/a/b/world/z")).isEqualTo("/a/{x=b/**}/z");
      assertThat(template(table, "/a/b/world")).isEqualTo("/a/{x=b/**}");
      assertThat(template(table, "/a/c/y/z")).isEqualTo("/a/{x=**}");
      assertThat(template(table, "/a/b/q:verb")).isEqualTo("/a/{x=b/**}:verb");
    }
  }

  @Test
  void verbTemplateBeatsVerblessTemplateWhateverTheOrder() {
    for (List<Route> routes : bothOrders("/foo/{id}", "/foo/{id}:verb")) {
      RouteTable table = RouteTable.of(routes);

      assertThat(template(table, "/foo/bar:verb")).isEqualTo("/foo/{id}:verb");
      assertThat(variables(table, "/foo/bar:verb")).containsEntry("id", "bar");
      assertThat(variables(table, "/foo/bar:other")).containsEntry("id", "bar:other");
    }
  }

  @Test
  void verbBeatsMoreSpecificSegmentsWhateverTheOrder() {
    for (List<Route> routes : bothOrders("/person", "/person/{id=*}", "/{x=**}:verb")) {
      RouteTable table = RouteTable.of(routes);

      assertThat(variables(table, "/person:verb")).containsEntry("x", "person");
      assertThat(variables(table, "/person/jason:verb")).containsEntry("x", "person/jason");
      assertThat(variables(table, "/person/jason:other")).containsEntry("id", "jason:other");
      assertThat(template(table, "/person")).isEqualTo("/person");
      assertThat(table.match("GET", "/animal")).isEqualTo(RouteLookup.NotFound.INSTANCE);
      assertThat(table.match("GET", "/person:other")).isEqualTo(RouteLookup.NotFound.INSTANCE);
    }
  }

  @Test
  void longerVerbBeatsShorterVerbWhateverTheOrder() {
    for (List<Route> routes : bothOrders("/x/{uuid}:custom", "/x/{uuid}:custom:custom")) {
      RouteTable table = RouteTable.of(routes);

      assertThat(variables(table, "/x/u:custom:custom")).containsEntry("uuid", "u");
      assertThat(variables(table, "/x/u:custom")).containsEntry("uuid", "u");
    }
  }

  @Test
  void literalVerbTemplateBeatsWildcardVerbTemplateWhateverTheOrder() {
    for (List<Route> routes : bothOrders("/some/*:verb", "/some/const:verb")) {
      RouteTable table = RouteTable.of(routes);

      assertThat(template(table, "/some/const:verb")).isEqualTo("/some/const:verb");
      assertThat(template(table, "/some/other:verb")).isEqualTo("/some/*:verb");
    }
  }

  /** The transcoder's precedence suite, under every one of the 720 declaration orders. */
  @Test
  void precedenceSuiteGivesTheSameAnswersUnderEveryDeclarationOrder() {
    String[] templates = {"/a/**", "/b/*", "/c/*/d/**", "/c/*/d/e", "/c/f/d/e", "/"};
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("/a/b", "/a/**");
    expected.put("/a/b/c", "/a/**");
    expected.put("/b/c", "/b/*");
    expected.put("/c/u/d/v", "/c/*/d/**");
    expected.put("/c/v/d/w/x", "/c/*/d/**");
    expected.put("/c/x/d/e", "/c/*/d/e");
    expected.put("/c/f/d/e", "/c/f/d/e");
    expected.put("/", "/");
    List<List<Route>> orders = new ArrayList<>();
    permutations(new ArrayList<>(gets(templates)), 0, orders);
    assertThat(orders).hasSize(720);

    for (List<Route> order : orders) {
      RouteTable table = RouteTable.of(order);
      for (Map.Entry<String, String> entry : expected.entrySet()) {
        assertThat(template(table, entry.getKey())).as("%s under %s", entry.getKey(), order)
            .isEqualTo(entry.getValue());
      }
      assertThat(table.match("GET", "/c/x/y/d/z")).isEqualTo(RouteLookup.NotFound.INSTANCE);
      assertThat(table.match("GET", "/b/c/d")).isEqualTo(RouteLookup.NotFound.INSTANCE);
    }
  }

  private static void permutations(List<Route> routes, int from, List<List<Route>> out) {
    if (from == routes.size()) {
      out.add(List.copyOf(routes));
      return;
    }
    for (int i = from; i < routes.size(); i++) {
      java.util.Collections.swap(routes, from, i);
      permutations(routes, from + 1, out);
      java.util.Collections.swap(routes, from, i);
    }
  }
}
