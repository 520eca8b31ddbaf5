package dev.gatehouse.core.binding;

import static dev.gatehouse.core.binding.Requests.ECHO;
import static dev.gatehouse.core.binding.Requests.allTypes;
import static dev.gatehouse.core.binding.Requests.bodyField;
import static dev.gatehouse.core.binding.Requests.json;
import static dev.gatehouse.core.binding.Requests.match;
import static dev.gatehouse.core.binding.Requests.method;
import static dev.gatehouse.core.binding.Requests.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.gatehouse.core.route.Route;
import dev.gatehouse.core.route.Route.BodyRule;
import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.Color;
import dev.gatehouse.testing.v1.CreateBookRequest;
import dev.gatehouse.testing.v1.MoveBookRequest;
import dev.gatehouse.testing.v1.Nested;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyBindingTest {
  private static final Route POST_ECHO = route("POST", "/v1/echo", ECHO, BodyRule.WHOLE_MESSAGE);

  private final RequestBinder binder = Requests.binder(BindingOptions.DEFAULTS);

  private AllTypes bindEcho(Route route, String body, String query, String... variables) {
    return allTypes(binder.bind(match(route, variables), body == null ? null : json(body), query));
  }

  private static Route echoWithBodyField(String template, String field) {
    return route("POST", template, ECHO, bodyField(ECHO, field));
  }

  @Test
  void aWholeMessageBodyIsTheRequest() {
    AllTypes request = bindEcho(POST_ECHO, "{\"int64Value\":\"9007199254740993\",\"nested\":{\"name\":\"n\"},"
        + "\"repeated_string\":[\"a\",\"b\"],\"color\":\"BLUE\"}", null);

    assertThat(request).isEqualTo(AllTypes.newBuilder().setInt64Value(9007199254740993L)
        .setNested(Nested.newBuilder().setName("n")).addRepeatedString("a").addRepeatedString("b")
        .setColor(Color.BLUE).build());
  }

  @Test
  void aWholeMessageBodyIgnoresTheQueryEntirely() {
    assertThat(bindEcho(POST_ECHO, "{\"stringValue\":\"body\"}", "int32_value=5&string_value=q&bogus=1"))
        .isEqualTo(AllTypes.newBuilder().setStringValue("body").build());
  }

  @Test
  void strictModeRefusesAnyQueryWhenTheBodyIsTheWholeMessage() {
    RequestBinder strict = Requests.binder(BindingOptions.DEFAULTS.withStrictQuery(true));

    assertThatThrownBy(() -> strict.bind(match(POST_ECHO), json("{}"), "int32_value=5"))
        .hasMessage("query parameters are not allowed: the request body binds the whole request message "
            + "(found: \"int32_value=5\")");
  }

  @Test
  void pathVariablesOverrideTheWholeMessageBody() throws InvalidProtocolBufferException {
    Route move = route("POST", "/v1/{name=shelves/*/books/*}:move", method("MoveBook"), BodyRule.WHOLE_MESSAGE);

    byte[] bytes = binder.bind(match(move, "name", "shelves/1/books/2"),
        json("{\"name\":\"shelves/9/books/9\",\"destinationShelf\":\"shelves/3\"}"), "name=fromQuery");

    assertThat(MoveBookRequest.parseFrom(bytes)).isEqualTo(MoveBookRequest.newBuilder()
        .setName("shelves/1/books/2").setDestinationShelf("shelves/3").build());
  }

  @Test
  void aBodyFieldTakesTheBodyAndTheQueryFillsTheOtherFields() throws InvalidProtocolBufferException {
    Route createBook = route("POST", "/v1/{parent=shelves/*}/books", method("CreateBook"),
        bodyField(method("CreateBook"), "book"));

    byte[] bytes = binder.bind(match(createBook, "parent", "shelves/1"),
        json("{\"title\":\"Dune\",\"pageCount\":\"412\",\"genre\":\"FICTION\"}"),
        "requestId=r-1&book.title=ignored&book=ignored&parent=ignored");

    assertThat(CreateBookRequest.parseFrom(bytes)).isEqualTo(CreateBookRequest.newBuilder()
        .setParent("shelves/1").setRequestId("r-1")
        .setBook(Book.newBuilder().setTitle("Dune").setPageCount(412).setGenreValue(1)).build());
  }

  @Test
  void aNestedBodyFieldIsWrappedInItsEnclosingMessages() {
    AllTypes request = bindEcho(echoWithBodyField("/v1/echo:child", "nested.child"),
        "{\"name\":\"c\",\"tags\":[\"x\"]}", "nested.name=outer&nested.child.count=5");

    assertThat(request.getNested()).isEqualTo(Nested.newBuilder().setName("outer")
        .setChild(Nested.newBuilder().setName("c").addTags("x")).build());
  }

  @Test
  void aScalarBodyFieldTakesAJsonScalar() {
    assertThat(bindEcho(echoWithBodyField("/v1/s", "string_value"), "\"hello\"", null).getStringValue())
        .isEqualTo("hello");
    assertThat(bindEcho(echoWithBodyField("/v1/i", "int64_value"), "\"9007199254740993\"", null).getInt64Value())
        .isEqualTo(9007199254740993L);
    assertThat(bindEcho(echoWithBodyField("/v1/t", "timestamp"), "\"1970-01-01T00:00:01Z\"", null)
        .getTimestamp().getSeconds()).isEqualTo(1);
  }

  @Test
  void anEnumBodyFieldTakesANameAsWellAsANumber() {
    Route route = echoWithBodyField("/v1/c", "color");

    assertThat(bindEcho(route, "\"GREEN\"", null).getColor()).isEqualTo(Color.GREEN);
    assertThat(bindEcho(route, "3", null).getColor()).isEqualTo(Color.BLUE);
  }

  @Test
  void repeatedAndMapBodyFieldsTakeArraysAndObjects() {
    assertThat(bindEcho(echoWithBodyField("/v1/r", "repeated_string"), "[\"a\",\"b\"]", "repeated_string=q")
        .getRepeatedStringList()).containsExactly("a", "b");
    assertThat(bindEcho(echoWithBodyField("/v1/m", "int_map"), "{\"1\":\"2\",\"-3\":4}", null).getIntMapMap())
        .isEqualTo(Map.of(1, 2L, -3, 4L));
  }

  @Test
  void pathVariablesOverrideScalarsMessagesRepeatedFieldsAndWrappersInTheBody() {
    Route route = route("PUT", "/v1/{string_value}/{timestamp}/{repeated_string}/{int32_wrapper}/{field_mask}",
        ECHO, BodyRule.WHOLE_MESSAGE);

    AllTypes request = bindEcho(route, "{\"stringValue\":\"body\",\"timestamp\":\"1970-01-01T00:00:09.5Z\","
            + "\"repeatedString\":[\"b1\",\"b2\"],\"int32Wrapper\":7,\"fieldMask\":\"a,b\",\"int32Value\":3}", null,
        "string_value", "path", "timestamp", "1970-01-01T00:00:01Z", "repeated_string", "p",
        "int32_wrapper", "0", "field_mask", "c");

    assertThat(request.getStringValue()).isEqualTo("path");
    assertThat(request.getTimestamp().getSeconds()).isEqualTo(1);
    assertThat(request.getTimestamp().getNanos()).isZero();
    assertThat(request.getRepeatedStringList()).containsExactly("p");
    assertThat(request.hasInt32Wrapper()).isTrue();
    assertThat(request.getInt32Wrapper().getValue()).isZero();
    assertThat(request.getFieldMask().getPathsList()).containsExactly("c");
    assertThat(request.getInt32Value()).isEqualTo(3);
  }

  @Test
  void aPathVariableInsideTheBodyFieldOverridesTheBodysValue() {
    Route route = route("PATCH", "/v1/{nested.name}/{nested.child.tags}", ECHO, bodyField(ECHO, "nested"));

    AllTypes request = bindEcho(route, "{\"name\":\"body\",\"count\":2,\"child\":{\"tags\":[\"x\",\"y\"]}}",
        "nested.count=9", "nested.name", "path", "nested.child.tags", "p");

    assertThat(request.getNested()).isEqualTo(Nested.newBuilder().setName("path").setCount(2)
        .setChild(Nested.newBuilder().addTags("p")).build());
  }

  @Test
  void aPathVariableForAnotherOneofMemberWinsOverTheBody() {
    AllTypes request = bindEcho(route("POST", "/v1/{choice_int32}", ECHO, BodyRule.WHOLE_MESSAGE),
        "{\"choiceString\":\"body\"}", null, "choice_int32", "5");

    assertThat(request.getChoiceCase()).isEqualTo(AllTypes.ChoiceCase.CHOICE_INT32);
    assertThat(request.getChoiceInt32()).isEqualTo(5);
  }

  @Test
  void anEmptyBodyBindsNoField() {
    Route route = echoWithBodyField("/v1/{string_value}", "nested");

    assertThat(bindEcho(route, "", null, "string_value", "s"))
        .isEqualTo(AllTypes.newBuilder().setStringValue("s").build());
    assertThat(bindEcho(route, " \r\n", null, "string_value", "s").hasNested()).isFalse();
    assertThat(bindEcho(POST_ECHO, null, null)).isEqualTo(AllTypes.getDefaultInstance());
  }

  @Test
  void withoutABodyRuleTheBodyIsIgnored() {
    assertThat(bindEcho(route("GET", "/v1/echo", ECHO, BodyRule.NONE), "not json at all", "int32_value=1"))
        .isEqualTo(AllTypes.newBuilder().setInt32Value(1).build());
  }

  @Test
  void aMalformedBodyIsAnInvalidArgument() {
    assertThatThrownBy(() -> bindEcho(POST_ECHO, "{\"int32Value\":\"ten\"}", null))
        .isInstanceOfSatisfying(StatusException.class,
            e -> assertThat(e.code()).isEqualTo(GrpcCode.INVALID_ARGUMENT))
        .hasMessageContaining("int32Value");
    assertThatThrownBy(() -> bindEcho(echoWithBodyField("/v1/n", "nested"), "{\"name\":", null))
        .isInstanceOf(StatusException.class);
  }

  @Test
  void aBodyStreamIsReadToItsEnd() throws IOException {
    byte[] body = json("{\"stringValue\":\"" + "x".repeat(100_000) + "\"}");

    byte[] bytes = binder.bind(match(POST_ECHO), new ByteArrayInputStream(body), null);

    assertThat(allTypes(bytes).getStringValue()).hasSize(100_000);
  }
}
