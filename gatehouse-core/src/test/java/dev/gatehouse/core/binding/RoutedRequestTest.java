package dev.gatehouse.core.binding;

import static dev.gatehouse.core.binding.Requests.CATALOG;
import static dev.gatehouse.core.binding.Requests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.gatehouse.core.route.RouteLoader;
import dev.gatehouse.core.route.RouteLookup;
import dev.gatehouse.core.route.RouteMatch;
import dev.gatehouse.core.route.RouteOptions;
import dev.gatehouse.core.route.RouteTable;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.Genre;
import dev.gatehouse.testing.v1.ListBooksRequest;
import dev.gatehouse.testing.v1.UpdateBookRequest;
import org.junit.jupiter.api.Test;

/** The library's own rules, routed by the real route table, then bound: the path the gateway takes. */
class RoutedRequestTest {
  private static final RouteTable ROUTES = RouteTable.of(RouteLoader.load(CATALOG, RouteOptions.DEFAULTS));

  private final RequestBinder binder = Requests.binder(BindingOptions.DEFAULTS);

  private static RouteMatch route(String httpMethod, String rawPath) {
    RouteLookup lookup = ROUTES.match(httpMethod, rawPath);
    assertThat(lookup).isInstanceOf(RouteLookup.Matched.class);
    return ((RouteLookup.Matched) lookup).match();
  }

  @Test
  void listBooksTakesItsParentFromThePathAndEverythingElseFromTheQuery() throws InvalidProtocolBufferException {
    byte[] bytes = binder.bind(route("GET", "/v1/shelves/s%201/books"), (byte[]) null,
        "pageSize=25&page_token=t&genres=FICTION&genres=3&publishedAfter=2024-01-01T00:00:00Z&parent=ignored");

    ListBooksRequest request = ListBooksRequest.parseFrom(bytes);
    assertThat(request.getParent()).isEqualTo("shelves/s 1");
    assertThat(request.getPageSize()).isEqualTo(25);
    assertThat(request.getPageToken()).isEqualTo("t");
    assertThat(request.getGenresList()).containsExactly(Genre.FICTION, Genre.SCIENCE);
    assertThat(request.getPublishedAfter().getSeconds()).isEqualTo(1704067200L);
  }

  @Test
  void updateBookPatchInfersItsMaskAndTheNameComesFromThePath() throws InvalidProtocolBufferException {
    byte[] bytes = binder.bind(route("PATCH", "/v1/shelves/1/books/2"),
        json("{\"name\":\"shelves/x/books/y\",\"title\":\"Dune\",\"rating\":5}"), null);

    UpdateBookRequest request = UpdateBookRequest.parseFrom(bytes);
    assertThat(request.getBook()).isEqualTo(Book.newBuilder().setName("shelves/1/books/2").setTitle("Dune")
        .setRating(com.google.protobuf.Int32Value.of(5)).build());
    assertThat(request.getUpdateMask().getPathsList()).containsExactly("name", "rating", "title");
  }

  @Test
  void echoNestedBindsTheBodyFieldAndTheStringFromThePath() throws InvalidProtocolBufferException {
    byte[] bytes = binder.bind(route("POST", "/v1/echo/hi:nested"), json("{\"name\":\"n\",\"count\":\"2\"}"),
        "int32Value=7&nested.name=ignored");

    AllTypes request = AllTypes.parseFrom(bytes);
    assertThat(request.getStringValue()).isEqualTo("hi");
    assertThat(request.getNested().getName()).isEqualTo("n");
    assertThat(request.getNested().getCount()).isEqualTo(2);
    assertThat(request.getInt32Value()).isEqualTo(7);
  }
}
