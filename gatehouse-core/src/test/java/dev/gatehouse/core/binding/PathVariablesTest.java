package dev.gatehouse.core.binding;

import static dev.gatehouse.core.binding.Requests.ECHO;
import static dev.gatehouse.core.binding.Requests.allTypes;
import static dev.gatehouse.core.binding.Requests.match;
import static dev.gatehouse.core.binding.Requests.method;
import static dev.gatehouse.core.binding.Requests.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.gatehouse.core.route.Route;
import dev.gatehouse.core.route.Route.BodyRule;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.Color;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.Nested;
import org.junit.jupiter.api.Test;

class PathVariablesTest {
  private final RequestBinder binder = Requests.binder(BindingOptions.DEFAULTS);

  private AllTypes bindEcho(String template, String query, String... variables) {
    return allTypes(binder.bind(match(route("GET", template, ECHO, BodyRule.NONE), variables), (byte[]) null, query));
  }

  @Test
  void aMultiSegmentVariableBindsItsDecodedTextVerbatim() throws InvalidProtocolBufferException {
    Route getShelf = route("GET", "/v1/{name=shelves/*}", method("GetShelf"), BodyRule.NONE);

    byte[] bytes = binder.bind(match(getShelf, "name", "shelves/a b%2F"), (byte[]) null, null);

    assertThat(GetShelfRequest.parseFrom(bytes).getName()).isEqualTo("shelves/a b%2F");
  }

  @Test
  void variablesAreConvertedToTheirFieldsTypes() {
    AllTypes request = bindEcho("/v1/echo/{int64_value}/{nested.name}", null,
        "int64_value", "9007199254740993", "nested.name", "n");

    assertThat(request.getInt64Value()).isEqualTo(9007199254740993L);
    assertThat(request.getNested()).isEqualTo(Nested.newBuilder().setName("n").build());
  }

  @Test
  void nestedPathsCreateTheIntermediateMessagesDownToTheLeaf() {
    AllTypes request = bindEcho("/v1/{nested.child.child.name}/{nested.child.count}", null,
        "nested.child.child.name", "deep", "nested.child.count", "-3");

    assertThat(request.getNested()).isEqualTo(Nested.newBuilder().setChild(Nested.newBuilder().setCount(-3)
        .setChild(Nested.newBuilder().setName("deep"))).build());
  }

  @Test
  void enumsBytesBoolsAndWellKnownTypesUseTheQueryParsers() {
    AllTypes request = bindEcho("/v1/{color}/{bytes_value}/{bool_value}/{timestamp}/{duration}/{uint64_wrapper}",
        null, "color", "BLUE", "bytes_value", "-_9h", "bool_value", "True", "timestamp", "1970-01-01T00:01:00Z",
        "duration", "1h30m", "uint64_wrapper", "18446744073709551615");

    assertThat(request.getColor()).isEqualTo(Color.BLUE);
    assertThat(request.getBytesValue().toByteArray()).containsExactly(0xfb, 0xff, 0x61);
    assertThat(request.getBoolValue()).isTrue();
    assertThat(request.getTimestamp().getSeconds()).isEqualTo(60);
    assertThat(request.getDuration().getSeconds()).isEqualTo(5400);
    assertThat(request.getUint64Wrapper().getValue()).isEqualTo(-1L);
  }

  @Test
  void aVariableThroughAOneofMemberSetsTheOneof() {
    AllTypes request = bindEcho("/v1/{choice_nested.name}", null, "choice_nested.name", "x");

    assertThat(request.getChoiceCase()).isEqualTo(AllTypes.ChoiceCase.CHOICE_NESTED);
    assertThat(request.getChoiceNested().getName()).isEqualTo("x");
  }

  @Test
  void aBadValueNamesTheVariableAndTheType() {
    assertThatThrownBy(() -> bindEcho("/v1/echo/{int64_value}", null, "int64_value", "0x10"))
        .isInstanceOf(StatusException.class)
        .hasMessage("invalid value for path variable \"int64_value\": \"0x10\" (expected: int64)");
    assertThatThrownBy(() -> bindEcho("/v1/{nested.count}", null, "nested.count", "ten"))
        .hasMessage("invalid value for path variable \"nested.count\": \"ten\" (expected: int64)");
    assertThatThrownBy(() -> bindEcho("/v1/{color}", null, "color", "PURPLE"))
        .hasMessageContaining("path variable \"color\": \"PURPLE\"");
  }

  @Test
  void aVariableBoundToAMessageWithoutAStringFormIsRefused() {
    assertThatThrownBy(() -> bindEcho("/v1/{nested}", null, "nested", "x"))
        .isInstanceOf(StatusException.class)
        .hasMessageContaining("path variable \"nested\"")
        .hasMessageContaining("gatehouse.testing.v1.Nested");
  }

  @Test
  void queryParametersForTheBoundFieldOrBelowItAreIgnored() {
    AllTypes request = bindEcho("/v1/{nested.name}/{string_value}",
        "nested.name=fromQuery&nested.count=7&stringValue=fromQuery&string_value=again&int32_value=1",
        "nested.name", "fromPath", "string_value", "fromPath");

    assertThat(request.getNested()).isEqualTo(Nested.newBuilder().setName("fromPath").setCount(7).build());
    assertThat(request.getStringValue()).isEqualTo("fromPath");
    assertThat(request.getInt32Value()).isEqualTo(1);
  }

  @Test
  void queryParametersForAnotherMemberOfABoundOneofAreIgnored() {
    AllTypes request = bindEcho("/v1/{choice_string}", "choice_int32=5&choice_nested.name=x",
        "choice_string", "fromPath");

    assertThat(request.getChoiceString()).isEqualTo("fromPath");
  }

  @Test
  void aQueryParameterAboveABoundFieldIsIgnored() {
    AllTypes request = bindEcho("/v1/{timestamp.seconds}", "timestamp=2024-01-01T00:00:00Z",
        "timestamp.seconds", "5");

    assertThat(request.getTimestamp().getSeconds()).isEqualTo(5);
  }

  @Test
  void strictModeRefusesQueryParametersForBoundFieldsByName() {
    RequestBinder strict = Requests.binder(BindingOptions.DEFAULTS.withStrictQuery(true));
    Route echo = route("GET", "/v1/{nested.name}/{choice_string}", ECHO, BodyRule.NONE);

    assertThatThrownBy(() -> strict.bind(match(echo, "nested.name", "a", "choice_string", "b"), (byte[]) null,
        "nested.name=x"))
        .hasMessage("query parameter \"nested.name\" is not allowed: field \"nested.name\" is bound by the path");
    assertThatThrownBy(() -> strict.bind(match(echo, "nested.name", "a", "choice_string", "b"), (byte[]) null,
        "choiceInt32=1"))
        .hasMessage("query parameter \"choiceInt32\" is not allowed: a member of oneof \"choice\" is bound by the "
            + "path");
    assertThatThrownBy(() -> strict.bind(match(echo, "nested.name", "a", "choice_string", "b"), (byte[]) null,
        "nested.bogus=x"))
        .hasMessage("unknown query parameter \"nested.bogus\": no field \"bogus\" in gatehouse.testing.v1.Nested");
  }
}
