package dev.gatehouse.core.binding;

import static dev.gatehouse.core.binding.Requests.ECHO;
import static dev.gatehouse.core.binding.Requests.allTypes;
import static dev.gatehouse.core.binding.Requests.bodyField;
import static dev.gatehouse.core.binding.Requests.json;
import static dev.gatehouse.core.binding.Requests.match;
import static dev.gatehouse.core.binding.Requests.method;
import static dev.gatehouse.core.binding.Requests.route;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.gatehouse.core.route.Route;
import dev.gatehouse.core.route.Route.BodyRule;
import dev.gatehouse.testing.v1.UpdateBookRequest;
import org.junit.jupiter.api.Test;

class PatchMaskInferenceTest {
  private static final Route UPDATE_BOOK = route("PATCH", "/v1/{book.name=shelves/*/books/*}",
      method("UpdateBook"), bodyField(method("UpdateBook"), "book"));

  private final RequestBinder binder = Requests.binder(BindingOptions.DEFAULTS);

  private UpdateBookRequest updateBook(RequestBinder binder, Route route, String body, String query) {
    try {
      return UpdateBookRequest.parseFrom(
          binder.bind(match(route, "book.name", "shelves/1/books/2"), json(body), query));
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aPatchWithoutAMaskGetsTheBodysKeysAsProtoPathsSorted() {
    UpdateBookRequest request = updateBook(binder, UPDATE_BOOK,
        "{\"title\":\"t\",\"pageCount\":\"3\",\"author\":\"a\"}", null);

    assertThat(request.getUpdateMask().getPathsList()).containsExactly("author", "page_count", "title");
    assertThat(request.getBook().getName()).isEqualTo("shelves/1/books/2");
  }

  @Test
  void repeatedFieldsWellKnownTypesAndNullsStopAtTheField() {
    UpdateBookRequest request = updateBook(binder, UPDATE_BOOK,
        "{\"tags\":[\"a\"],\"publishTime\":\"1970-01-01T00:00:00Z\",\"rating\":null,\"cover\":null,\"unknown\":1}",
        null);

    assertThat(request.getUpdateMask().getPathsList()).containsExactly("cover", "publish_time", "rating", "tags");
  }

  @Test
  void nestedObjectsAreFollowedToTheirLeavesAndAnEmptyObjectIsItsOwnPath() {
    Route patchNested = route("PATCH", "/v1/echo", ECHO, bodyField(ECHO, "nested"));

    byte[] bytes = binder.bind(match(patchNested), json("{\"name\":\"x\",\"child\":{\"count\":\"1\",\"child\":{},"
        + "\"color\":\"RED\"},\"tags\":[]}"), null);

    assertThat(allTypes(bytes).getFieldMask().getPathsList())
        .containsExactly("child.child", "child.color", "child.count", "name", "tags");
  }

  @Test
  void aMaskInTheQueryReplacesTheInferredOne() {
    UpdateBookRequest request = updateBook(binder, UPDATE_BOOK, "{\"title\":\"t\",\"author\":\"a\"}",
        "updateMask=title");

    assertThat(request.getUpdateMask().getPathsList()).containsExactly("title");
  }

  @Test
  void anEmptyBodyInfersNoMask() {
    assertThat(updateBook(binder, UPDATE_BOOK, "", null).hasUpdateMask()).isFalse();
    assertThat(updateBook(binder, UPDATE_BOOK, "{}", null).hasUpdateMask()).isFalse();
  }

  @Test
  void otherMethodsWholeMessageBodiesAndTheOptionOffInferNothing() {
    Route put = route("PUT", "/v1/{book.name=shelves/*/books/*}", method("UpdateBook"),
        bodyField(method("UpdateBook"), "book"));
    Route patchWhole = route("PATCH", "/v1/{book.name=shelves/*/books/*}", method("UpdateBook"),
        BodyRule.WHOLE_MESSAGE);
    RequestBinder off = Requests.binder(BindingOptions.DEFAULTS.withInferPatchFieldMask(false));

    assertThat(updateBook(binder, put, "{\"title\":\"t\"}", null).hasUpdateMask()).isFalse();
    assertThat(updateBook(binder, patchWhole, "{\"book\":{\"title\":\"t\"}}", null).hasUpdateMask()).isFalse();
    assertThat(updateBook(off, UPDATE_BOOK, "{\"title\":\"t\"}", null).hasUpdateMask()).isFalse();
  }

  @Test
  void aWholeMessagePatchKeepsTheMaskTheClientSentInTheBody() {
    Route patchWhole = route("PATCH", "/v1/{book.name=shelves/*/books/*}", method("UpdateBook"),
        BodyRule.WHOLE_MESSAGE);

    UpdateBookRequest request = updateBook(binder, patchWhole,
        "{\"book\":{\"title\":\"t\"},\"updateMask\":\"title,pageCount\"}", null);

    assertThat(request.getUpdateMask().getPathsList()).containsExactly("title", "page_count");
  }
}
