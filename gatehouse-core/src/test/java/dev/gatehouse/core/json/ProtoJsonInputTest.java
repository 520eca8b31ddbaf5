package dev.gatehouse.core.json;

import static dev.gatehouse.core.json.Fixtures.ALL_TYPES;
import static dev.gatehouse.core.json.Fixtures.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.testing.v1.AllTypes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON input beyond what the printer produces: the forms JsonFormat also accepts, and every kind of error. */
class ProtoJsonInputTest {
  private static final ProtoJson LENIENT = ProtoJson.create(CATALOG, JsonOptions.DEFAULT);
  private static final ProtoJson STRICT = ProtoJson.create(CATALOG, JsonOptions.DEFAULT.withStrict(true));

  private static AllTypes ours(ProtoJson json, String text) throws Exception {
    return AllTypes.parseFrom(json.toProto(ALL_TYPES, text.getBytes(StandardCharsets.UTF_8)));
  }

  private static AllTypes reference(String text, boolean strict) throws Exception {
    AllTypes.Builder builder = AllTypes.newBuilder();
    Fixtures.parser(JsonOptions.DEFAULT.withStrict(strict)).merge(text, builder);
    return builder.build();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"int32Value\":\"1e2\",\"int64Value\":1.0,\"uint32Value\":\"+7\",\"uint64Value\":\"18446744073709551615\"}",
      "{\"int64Value\":9007199254740993,\"sint64Value\":\"-9223372036854775808\",\"fixed64Value\":1e3}",
      "{\"floatValue\":\"NaN\",\"doubleValue\":\"-Infinity\",\"repeatedFloat\":[\"Infinity\",1,\"2.5\"]}",
      "{\"doubleValue\":\"1e3\",\"repeatedDouble\":[-0.0,0.1,1e-320]}",
      "{\"boolValue\":\"true\",\"repeatedBool\":[true,\"false\"]}",
      "{\"bytesValue\":\"-_8\",\"repeatedBytes\":[\"+/8=\",\"\"]}",
      "{\"color\":1,\"repeatedColor\":[\"GREEN\",\"2\",7],\"enumMap\":{\"5\":\"BLUE\"},\"choiceColor\":0}",
      "{\"color\":\"NOPE\",\"repeatedColor\":[\"RED\",\"NOPE\"],\"enumMap\":{\"1\":\"NOPE\",\"2\":\"RED\"}}",
      "{\"intMap\":{\"1.0\":\"5\",\"-3\":7},\"boolMap\":{\"true\":{}}}",
      "{\"boolMap\":{\"true\":{\"name\":\"x\"}},\"wrapperMap\":{\"a\":\"18446744073709551615\",\"b\":0}}",
      "{\"nested\":null,\"timestamp\":null,\"repeatedInt64\":null,\"stringMap\":null,\"int32Value\":null}",
      "{\"value\":null,\"repeatedValue\":[null,1,\"s\",true,{\"a\":[null]},[]],\"nullValue\":null}",
      "{\"choiceString\":null,\"choiceInt32\":5}",
      "{\"timestamp\":\"2024-05-01T12:00:00.1+02:00\",\"duration\":\"-1.5s\",\"fieldMask\":\"a.bC,dE\"}",
      "{\"string_value\":\"proto name\",\"renamed_field\":\"r\",\"nested\":{\"name\":\"n\",\"child\":{}}}",
      "{\"customName\":\"json name\",\"optionalInt32\":0,\"optionalString\":\"\"}",
      "{\"any\":{\"name\":\"late type\",\"@type\":\"type.googleapis.com/gatehouse.testing.v1.Nested\",\"count\":3}}",
      "{\"any\":{\"value\":{\"@type\":\"type.googleapis.com/gatehouse.testing.v1.Nested\",\"x\":1},"
          + "\"@type\":\"type.googleapis.com/google.protobuf.Any\"}}",
      "{\"any\":{\"value\":{\"name\":\"n\",\"@type\":\"type.googleapis.com/gatehouse.testing.v1.Nested\"},"
          + "\"@type\":\"type.googleapis.com/google.protobuf.Any\"},\"int32Value\":5}",
      "{\"repeatedAny\":[{\"value\":\"1s\",\"@type\":\"type.googleapis.com/google.protobuf.Duration\"},{},"
          + "{\"@type\":\"type.googleapis.com/google.protobuf.Empty\"}]}",
      "{\"unknownField\":{\"deep\":[1,2,{\"x\":null}]},\"int32Value\":3}",
      "{\"int32Value\":0,\"stringValue\":\"\",\"doubleWrapper\":0,\"stringWrapper\":\"\",\"empty\":{}}",
      " \n { \"listValue\" : [ 1 , [ ] , { } ] , \"structValue\" : { \"k\" : { \"n\" : null } } } \n ",
  })
  void acceptsWhatJsonFormatAcceptsWithTheSameResult(String json) throws Exception {
    assertThat(ours(LENIENT, json)).isEqualTo(reference(json, false));
  }

  @Test
  void aDocumentInsideALargerArrayIsReadFromItsOffset() throws Exception {
    String json = "{\"any\":{\"count\":\"2\",\"@type\":\"type.googleapis.com/gatehouse.testing.v1.Nested\"}}";
    byte[] padded = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);
    byte[] wire = LENIENT.toProto(ALL_TYPES, padded, 2, json.length());
    assertThat(AllTypes.parseFrom(wire)).isEqualTo(reference(json, false));
  }

  @Test
  void anEmptyDocumentIsTheEmptyMessage() throws Exception {
    assertThat(ours(LENIENT, "")).isEqualTo(AllTypes.getDefaultInstance());
    assertThat(ours(LENIENT, "  \n")).isEqualTo(AllTypes.getDefaultInstance());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"int64Value\":\"abc\"}|invalid value at \"int64Value\": \"abc\" (expected: an int64 as a JSON number or string)",
      "{\"nested\":{\"child\":{\"count\":1.5}}}|invalid value at \"nested.child.count\": 1.5 (expected: an int64 as a JSON number or string without a fraction)",
      "{\"repeatedNested\":[{},{\"count\":\"x\"}]}|invalid value at \"repeatedNested[1].count\": \"x\"",
      "{\"int32Value\":2147483648}|invalid value at \"int32Value\": 2147483648 (expected: an int32 as a JSON number or string in range)",
      "{\"uint64Value\":\"18446744073709551616\"}|(expected: a uint64 as a JSON number or string in range)",
      "{\"uint32Value\":-1}|invalid value at \"uint32Value\": -1",
      "{\"boolValue\":1}|invalid value at \"boolValue\": 1 (expected: true or false)",
      "{\"stringValue\":12}|invalid value at \"stringValue\": 12 (expected: a JSON string)",
      "{\"bytesValue\":\"a\"}|invalid value at \"bytesValue\": \"a\" (expected: bytes as base64",
      "{\"doubleValue\":1e400}|invalid value at \"doubleValue\": 1e400 (expected: a double",
      "{\"floatValue\":1e39}|invalid value at \"floatValue\": 1e39 (expected: a float",
      "{\"nested\":5}|invalid value at \"nested\": 5 (expected: a JSON object for gatehouse.testing.v1.Nested)",
      "{\"repeatedInt64\":5}|invalid value at \"repeatedInt64\": 5 (expected: a JSON array)",
      "{\"repeatedNested\":[null]}|invalid value at \"repeatedNested[0]\": null (expected: an array element that is not null)",
      "{\"stringMap\":{\"k\":null}}|invalid value at \"stringMap[k]\": null (expected: a map value that is not null)",
      "{\"intMap\":{\"abc\":\"1\"}}|invalid map key at \"intMap[abc]\": \"abc\" (expected: a map key that is an int32)",
      "{\"boolMap\":{\"yes\":{}}}|invalid map key at \"boolMap[yes]\": \"yes\" (expected: a map key of true or false)",
      "{\"intMap\":{\"1\":\"x\"}}|invalid value at \"intMap[1]\": \"x\" (expected: an int64",
      "{\"choiceString\":\"a\",\"choiceInt32\":1}|invalid value at \"choiceInt32\" (expected: at most one field of oneof choice, but \"choiceString\" is set too)",
      "{\"int32Value\":1,\"int32_value\":2}|duplicate field at \"int32_value\"",
      "{\"timestamp\":\"yesterday\"}|invalid value at \"timestamp\": \"yesterday\" (expected an RFC 3339 timestamp like 2024-05-01T12:00:00Z)",
      "{\"duration\":\"1h\"}|invalid value at \"duration\": \"1h\" (expected a duration in seconds like 1.5s)",
      "{\"repeatedTimestamp\":[\"2024-05-01T00:00:00Z\",\"10000-01-01T00:00:00Z\"]}|invalid value at \"repeatedTimestamp[1]\"",
      "{\"any\":{\"@type\":\"type.googleapis.com/nope.Nope\"}}|invalid value at \"any\": \"@type\": \"type.googleapis.com/nope.Nope\" (expected: the type URL of a message in the descriptor set",
      "{\"any\":{\"name\":\"x\"}}|invalid value at \"any\": an object without \"@type\"",
      "{\"any\":{\"@type\":\"type.googleapis.com/google.protobuf.Duration\"}}|without \"value\"",
      "{\"repeatedAny\":[{\"@type\":\"type.googleapis.com/gatehouse.testing.v1.Nested\",\"count\":\"z\"}]}|invalid value at \"repeatedAny[0].count\": \"z\"",
      "{\"structValue\":{\"a\":{\"b\":[1,{\"c\":1e999}]}}}|invalid value at \"structValue[a][b][1][c]\"",
      "{\"a\":}|malformed JSON at line 1, column 6",
      "{} {}|unexpected data after the JSON value at line 1, column 4 (expected: a single JSON value)",
      "{}x|malformed JSON at line 1, column 3",
      "[1]|invalid value at the top level: an array (expected: a JSON object for gatehouse.testing.v1.AllTypes)",
      "null|invalid value at the top level: null",
  })
  void rejectsBadInputNamingThePathAndTheExpectation(String json, String message) {
    assertThatThrownBy(() -> LENIENT.toProto(ALL_TYPES, json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StatusException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((StatusException) e).code()).isEqualTo(GrpcCode.INVALID_ARGUMENT));
  }

  @Test
  void malformedJsonErrorsNameLineAndColumn() {
    byte[] json = "{\n  \"int32Value\": 1,\n  \"x\": tru\n}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> LENIENT.toProto(ALL_TYPES, json))
        .isInstanceOf(StatusException.class).hasMessageStartingWith("malformed JSON at line 3, column");
  }

  @Test
  void strictModeRejectsUnknownFieldsAndEnumNamesWithTheirPath() throws Exception {
    assertThatThrownBy(() -> STRICT.toProto(ALL_TYPES, "{\"nested\":{\"nope\":1}}".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("unknown field at \"nested.nope\" (expected: a field of gatehouse.testing.v1.Nested)");
    assertThatThrownBy(() -> STRICT.toProto(ALL_TYPES, "{\"repeatedColor\":[\"RED\",\"NOPE\"]}"
        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageStartingWith("invalid value at \"repeatedColor[1]\": \"NOPE\" (expected: an enum "
            + "gatehouse.testing.v1.Color name (COLOR_UNSPECIFIED, RED, GREEN, BLUE) or number)");
    String known = "{\"int32Value\":1,\"color\":\"RED\"}";
    assertThat(ours(STRICT, known)).isEqualTo(reference(known, true));
  }

  @Test
  void lenientModeSkipsUnknownFieldsAndEnumNamesAsJsonFormatDoes() throws Exception {
    String json = "{\"nope\":[1],\"nested\":{\"nope\":{}},\"color\":\"NOPE\",\"int32Value\":4}";
    assertThat(ours(LENIENT, json)).isEqualTo(reference(json, false));
    assertThatThrownBy(() -> JsonFormat.parser().merge(json, AllTypes.newBuilder()))
        .isInstanceOf(InvalidProtocolBufferException.class);
  }

  @Test
  void nestingDeeperThanTheLimitIsRejected() {
    String deep = "{\"nested\":" + "{\"child\":".repeat(120) + "{}" + "}".repeat(121);
    assertThatThrownBy(() -> LENIENT.toProto(ALL_TYPES, deep.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StatusException.class).hasMessageContaining("nested deeper than 100");
  }
}
