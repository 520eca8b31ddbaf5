package dev.gatehouse.core.binding;

import static dev.gatehouse.core.binding.Requests.ECHO;
import static dev.gatehouse.core.binding.Requests.allTypes;
import static dev.gatehouse.core.binding.Requests.match;
import static dev.gatehouse.core.binding.Requests.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import dev.gatehouse.core.route.Route.BodyRule;
import dev.gatehouse.core.route.RouteMatch;
import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.Color;
import dev.gatehouse.testing.v1.Nested;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParametersTest {
  private static final RouteMatch GET_ECHO = match(route("GET", "/v1/echo", ECHO, BodyRule.NONE));

  private final RequestBinder binder = Requests.binder(BindingOptions.DEFAULTS);

  private AllTypes bind(String rawQuery) {
    return allTypes(binder.bind(GET_ECHO, (byte[]) null, rawQuery));
  }

  private StatusException rejected(String rawQuery) {
    try {
      binder.bind(GET_ECHO, (byte[]) null, rawQuery);
    } catch (StatusException e) {
      assertThat(e.code()).isEqualTo(GrpcCode.INVALID_ARGUMENT);
      return e;
    }
    throw new AssertionError("accepted: " + rawQuery);
  }

  @Test
  void everyScalarKindBindsByProtoName() {
    AllTypes request = bind("double_value=1.5&float_value=-2.25&int32_value=-7&int64_value=-8"
        + "&uint32_value=4294967295&uint64_value=18446744073709551615&sint32_value=-2147483648"
        + "&sint64_value=-9223372036854775808&fixed32_value=4294967295&fixed64_value=18446744073709551615"
        + "&sfixed32_value=-3&sfixed64_value=9223372036854775807&bool_value=true&string_value=hello+w%C3%B6rld"
        + "&bytes_value=AAEC%2F%2B8");

    assertThat(request.getDoubleValue()).isEqualTo(1.5);
    assertThat(request.getFloatValue()).isEqualTo(-2.25f);
    assertThat(request.getInt32Value()).isEqualTo(-7);
    assertThat(request.getInt64Value()).isEqualTo(-8);
    assertThat(Integer.toUnsignedLong(request.getUint32Value())).isEqualTo(4294967295L);
    assertThat(Long.toUnsignedString(request.getUint64Value())).isEqualTo("18446744073709551615");
    assertThat(request.getSint32Value()).isEqualTo(Integer.MIN_VALUE);
    assertThat(request.getSint64Value()).isEqualTo(Long.MIN_VALUE);
    assertThat(Integer.toUnsignedString(request.getFixed32Value())).isEqualTo("4294967295");
    assertThat(Long.toUnsignedString(request.getFixed64Value())).isEqualTo("18446744073709551615");
    assertThat(request.getSfixed32Value()).isEqualTo(-3);
    assertThat(request.getSfixed64Value()).isEqualTo(Long.MAX_VALUE);
    assertThat(request.getBoolValue()).isTrue();
    assertThat(request.getStringValue()).isEqualTo("hello wörld");
    assertThat(request.getBytesValue()).isEqualTo(ByteString.copyFrom(new byte[] {0, 1, 2, -1, -17}));
  }

  @Test
  void sixtyFourBitIntegersBeyondTwoToThe53AreExact() {
    AllTypes request = bind("int64_value=9007199254740993&uint64_value=9007199254740993"
        + "&sint64_value=-9007199254740993&fixed64_value=12345678901234567891");

    assertThat(request.getInt64Value()).isEqualTo(9007199254740993L);
    assertThat(request.getUint64Value()).isEqualTo(9007199254740993L);
    assertThat(request.getSint64Value()).isEqualTo(-9007199254740993L);
    assertThat(Long.toUnsignedString(request.getFixed64Value())).isEqualTo("12345678901234567891");
  }

  @Test
  void jsonNamesAndCustomJsonNamesFindTheSameFields() {
    AllTypes request = bind("int32Value=3&customName=renamed&nested.childNode=ignored&optionalString=x");

    assertThat(request.getInt32Value()).isEqualTo(3);
    assertThat(request.getRenamedField()).isEqualTo("renamed");
    assertThat(request.getOptionalString()).isEqualTo("x");
  }

  @Test
  void zeroIsWrittenSoItCountsAsSetForPresenceFields() {
    AllTypes request = bind("optional_int32=0&optional_string=");

    assertThat(request.hasOptionalInt32()).isTrue();
    assertThat(request.hasOptionalString()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      "int32_value, 2147483648, int32",
      "int32_value, -2147483649, int32",
      "int32_value, 1_000, int32",
      "int32_value, 0x10, int32",
      "int32_value, 1.0, int32",
      "int32_value, 1e3, int32",
      "int32_value, ' 1', int32",
      "int32_value, '', int32",
      "int32_value, -, int32",
      "int32_value, \u0663, int32",
      "int64_value, 9223372036854775808, int64",
      "int64_value, ten, int64",
      "uint32_value, -1, uint32",
      "uint32_value, 4294967296, uint32",
      "uint64_value, -1, uint64",
      "uint64_value, 18446744073709551616, uint64",
      "sint32_value, 2147483648, sint32",
      "sint64_value, 9223372036854775808, sint64",
      "fixed32_value, 4294967296, fixed32",
      "fixed64_value, -5, fixed64",
      "sfixed32_value, 2147483648, sfixed32",
      "sfixed64_value, -9223372036854775809, sfixed64",
      "float_value, 1e39, float",
      "float_value, 0x1p3, float",
      "double_value, 1e309, double",
      "double_value, 1.5d, double",
      "double_value, one, double",
      "bool_value, yes, bool",
      "bool_value, t, bool",
      "bool_value, '', bool",
  })
  void aBadScalarNamesTheParameterTheValueAndTheType(String parameter, String value, String type) {
    StatusException e = rejected(parameter + "=" + value);

    assertThat(e).hasMessage("invalid value for query parameter \"" + parameter + "\": \"" + value
        + "\" (expected: " + type + ")");
  }

  @Test
  void theErrorMessageQuotesTheParameterAsTheClientWroteIt() {
    assertThat(rejected("int32Value=ten"))
        .hasMessage("invalid value for query parameter \"int32Value\": \"ten\" (expected: int32)");
  }

  @Test
  void integersAreBaseTenWithAnOptionalSignAndLeadingZeros() {
    AllTypes request = bind("int32_value=010&int64_value=%2B42&uint64_value=-0");

    assertThat(request.getInt32Value()).isEqualTo(10);
    assertThat(request.getInt64Value()).isEqualTo(42);
    assertThat(request.getUint64Value()).isZero();
  }

  @Test
  void floatsTakeNanAndTheInfinitiesInAnyCase() {
    assertThat(bind("double_value=NaN").getDoubleValue()).isNaN();
    assertThat(bind("double_value=nan").getDoubleValue()).isNaN();
    assertThat(bind("double_value=Infinity").getDoubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(bind("double_value=-Infinity").getDoubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(bind("float_value=-inf").getFloatValue()).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(bind("float_value=NaN").getFloatValue()).isNaN();
    assertThat(bind("double_value=-1.5E-3").getDoubleValue()).isEqualTo(-0.0015);
    assertThat(bind("double_value=.5").getDoubleValue()).isEqualTo(0.5);
    assertThat(bind("float_value=3.4028235e38").getFloatValue()).isEqualTo(Float.MAX_VALUE);
  }

  @Test
  void boolsAreTrueOrFalseInAnyCaseOrOneOrZero() {
    assertThat(bind("bool_value=TRUE").getBoolValue()).isTrue();
    assertThat(bind("bool_value=True").getBoolValue()).isTrue();
    assertThat(bind("bool_value=1").getBoolValue()).isTrue();
    assertThat(bind("bool_wrapper=false").getBoolWrapper().getValue()).isFalse();
    assertThat(bind("bool_wrapper=0").hasBoolWrapper()).isTrue();
    assertThat(bind("repeated_bool=false&repeated_bool=0&repeated_bool=FALSE").getRepeatedBoolList())
        .containsExactly(false, false, false);
  }

  @Test
  void stringsAreVerbatimIncludingEmptyAndReservedCharacters() {
    assertThat(bind("string_value=a%26b%3Dc%2Bd+e%25").getStringValue()).isEqualTo("a&b=c+d e%");
    assertThat(bind("string_value=").getStringValue()).isEmpty();
    assertThat(bind("string_value").getStringValue()).isEmpty();
    assertThat(bind("string_value=%F0%9F%93%9A").getStringValue()).isEqualTo("\uD83D\uDCDA");
  }

  @Test
  void bytesTakeStandardAndUrlSafeBase64WithOrWithoutPadding() {
    ByteString expected = ByteString.copyFrom(new byte[] {(byte) 0xfb, (byte) 0xff, 0x61});

    assertThat(bind("bytes_value=%2B%2F9h").getBytesValue()).isEqualTo(expected);
    assertThat(bind("bytes_value=-_9h").getBytesValue()).isEqualTo(expected);
    assertThat(bind("bytes_value=YWI%3D").getBytesValue().toStringUtf8()).isEqualTo("ab");
    assertThat(bind("bytes_value=YWI").getBytesValue().toStringUtf8()).isEqualTo("ab");
    assertThat(bind("bytes_value=YQ").getBytesValue().toStringUtf8()).isEqualTo("a");
    assertThat(bind("bytes_value=").getBytesValue()).isEmpty();
  }

  @Test
  void aPlusLeftUnescapedInBase64StillDecodes() {
    assertThat(bind("bytes_value=+/9h").getBytesValue())
        .isEqualTo(ByteString.copyFrom(new byte[] {(byte) 0xfb, (byte) 0xff, 0x61}));
  }

  @Test
  void badBase64NamesTheParameter() {
    assertThat(rejected("bytes_value=YWJjZ")).hasMessageContaining("query parameter \"bytes_value\": \"YWJjZ\"")
        .hasMessageContaining("(expected: base64");
    assertThat(rejected("bytes_value=a-b%2F")).hasMessageContaining("\"bytes_value\"");
    assertThat(rejected("bytes_value=%3D%3DYW")).hasMessageContaining("\"bytes_value\"");
  }

  @Test
  void enumsTakeTheValueNameOrANumber() {
    assertThat(bind("color=GREEN").getColor()).isEqualTo(Color.GREEN);
    assertThat(bind("color=3").getColor()).isEqualTo(Color.BLUE);
    assertThat(bind("repeated_color=RED&repeated_color=2").getRepeatedColorList())
        .containsExactly(Color.RED, Color.GREEN);
    assertThat(bind("null_value=NULL_VALUE").getNullValue()).isEqualTo(NullValue.NULL_VALUE);
  }

  @Test
  void anOpenEnumKeepsAnUndefinedNumber() {
    assertThat(bind("color=42").getColorValue()).isEqualTo(42);
  }

  @Test
  void enumNamesAreCaseSensitive() {
    assertThat(rejected("color=green")).hasMessage("invalid value for query parameter \"color\": \"green\""
        + " (expected: a value of gatehouse.testing.v1.Color (name or number))");
    assertThat(rejected("color=1.0")).hasMessageContaining("\"color\"");
  }

  @Test
  void repeatedFieldsTakeOneValuePerKeyAndNeverSplitOnCommas() {
    AllTypes request = bind("repeated_string=a,b&repeated_string=c&repeatedString=d"
        + "&repeated_int64=9007199254740993&repeated_int64=-1&repeated_double=NaN&repeated_double=2"
        + "&repeated_bytes=YQ&repeated_uint64=18446744073709551615&repeated_float=1.5"
        + "&repeated_sint32=-5&repeated_fixed32=7");

    assertThat(request.getRepeatedStringList()).containsExactly("a,b", "c", "d");
    assertThat(request.getRepeatedInt64List()).containsExactly(9007199254740993L, -1L);
    assertThat(request.getRepeatedDoubleList().get(0)).isNaN();
    assertThat(request.getRepeatedDouble(1)).isEqualTo(2.0);
    assertThat(request.getRepeatedBytes(0).toStringUtf8()).isEqualTo("a");
    assertThat(request.getRepeatedUint64(0)).isEqualTo(-1L);
    assertThat(request.getRepeatedFloatList()).containsExactly(1.5f);
    assertThat(request.getRepeatedSint32List()).containsExactly(-5);
    assertThat(request.getRepeatedFixed32List()).containsExactly(7);
  }

  @Test
  void phpStyleBracketsOnARepeatedFieldAppendLikeThePlainKey() {
    assertThat(bind("repeated_string[]=a&repeated_string[]=b").getRepeatedStringList()).containsExactly("a", "b");
  }

  @Test
  void aSingularFieldGivenTwiceIsRefusedByName() {
    assertThat(rejected("int32_value=1&int32_value=2")).hasMessage("query parameter \"int32_value\" is given more "
        + "than once (expected: one value for a field that is not repeated)");
    assertThat(rejected("int32_value=1&int32Value=1")).hasMessageContaining("\"int32Value\" is given more than once");
    assertThat(rejected("nested.name=a&nested.name=b")).hasMessageContaining("\"nested.name\"");
    assertThat(rejected("timestamp=2024-01-01T00:00:00Z&timestamp.seconds=5"))
        .hasMessageContaining("\"timestamp.seconds\" is given more than once");
    assertThat(rejected("field_mask.paths=a&field_mask=b")).hasMessageContaining("\"field_mask\"");
  }

  @Test
  void nestedPathsCreateTheIntermediateMessagesAndMerge() {
    AllTypes request = bind("nested.name=n&nested.count=9007199254740993&nested.child.child.color=BLUE"
        + "&nested.tags=a&nested.tags=b&nested.child.name=c");

    assertThat(request.getNested()).isEqualTo(Nested.newBuilder()
        .setName("n").setCount(9007199254740993L).addTags("a").addTags("b")
        .setChild(Nested.newBuilder().setName("c").setChild(Nested.newBuilder().setColor(Color.BLUE)))
        .build());
  }

  @Test
  void aMessageThatIsNotAWellKnownLeafIsRefused() {
    assertThat(rejected("nested=x")).hasMessage("query parameter \"nested\": \"nested\" is the message "
        + "gatehouse.testing.v1.Nested (expected: a path to a scalar, an enum or a well-known type with a string form,"
        + " not the message gatehouse.testing.v1.Nested)");
    assertThat(rejected("any=x")).hasMessageContaining("google.protobuf.Any");
    assertThat(rejected("empty=")).hasMessageContaining("google.protobuf.Empty");
  }

  @Test
  void aPathThroughARepeatedOrScalarFieldIsRefused() {
    assertThat(rejected("repeated_nested.name=x")).hasMessage("query parameter \"repeated_nested.name\": "
        + "\"repeated_nested\" is repeated (expected: a path through singular message fields)");
    assertThat(rejected("repeated_nested=x")).hasMessageContaining("\"repeated_nested\" is the message");
    assertThat(rejected("float_value.x=1")).hasMessageContaining("\"float_value\" is not a message");
  }

  @Test
  void unknownParametersAreIgnored() {
    assertThat(bind("unknown=1&nested.unknown=2&int32_value=5&=x&nested.=3")).isEqualTo(
        AllTypes.newBuilder().setInt32Value(5).build());
  }

  @Test
  void mapsTakeKeysInBracketsConvertedToTheKeyType() {
    AllTypes request = bind("string_map[a]=1&string_map[b%5Bc%5D]=x+y&int_map[-5]=9007199254740993"
        + "&int_map[7]=0&intMap[8]=1&bool_map_ignored[true]=x&enum_map[18446744073709551615]=GREEN"
        + "&enum_map[0]=1&wrapper_map[w]=18446744073709551615&string_map[]=empty-key");

    assertThat(request.getStringMapMap()).isEqualTo(Map.of("a", "1", "b[c]", "x y", "", "empty-key"));
    assertThat(request.getIntMapMap()).isEqualTo(Map.of(-5, 9007199254740993L, 7, 0L, 8, 1L));
    assertThat(request.getEnumMapMap()).isEqualTo(Map.of(-1L, Color.GREEN, 0L, Color.RED));
    assertThat(request.getWrapperMapMap().get("w").getValue()).isEqualTo(-1L);
  }

  @Test
  void mapWithBoolKeysAndMessageValuesIsRefusedAsNotALeaf() {
    assertThat(rejected("bool_map[true]=x")).hasMessageContaining("the values of \"bool_map\" are the message "
        + "gatehouse.testing.v1.Nested");
  }

  @Test
  void badMapKeysAndValuesNameTheParameterAndTheType() {
    assertThat(rejected("int_map[x]=1")).hasMessage(
        "invalid value for map key of query parameter \"int_map[x]\": \"x\" (expected: int32)");
    assertThat(rejected("int_map[1]=x")).hasMessage(
        "invalid value for query parameter \"int_map[1]\": \"x\" (expected: int64)");
    assertThat(rejected("enum_map[-1]=RED")).hasMessageContaining("(expected: uint64)");
    assertThat(rejected("int_map=1")).hasMessage(
        "query parameter \"int_map\": \"int_map\" is a map field (expected: int_map[key]=value)");
    assertThat(rejected("int32_value[1]=1")).hasMessage(
        "query parameter \"int32_value[1]\": \"int32_value\" is not a map field (expected: int32_value=value)");
  }

  @Test
  void aMapKeyGivenTwiceIsRefusedEvenWrittenDifferently() {
    assertThat(rejected("int_map[1]=1&int_map[01]=2"))
        .hasMessage("query parameter \"int_map[01]\" is given more than once (expected: one value per map key)");
  }

  @Test
  void wrappersTakeTheirScalarsForm() {
    AllTypes request = bind("double_wrapper=NaN&float_wrapper=1.5&int64_wrapper=-9007199254740993"
        + "&uint64_wrapper=18446744073709551615&int32_wrapper=0&uint32_wrapper=4294967295&bool_wrapper=true"
        + "&string_wrapper=s&bytes_wrapper=YWI&repeated_int32_wrapper=1&repeated_int32_wrapper=2");

    assertThat(request.getDoubleWrapper().getValue()).isNaN();
    assertThat(request.getFloatWrapper().getValue()).isEqualTo(1.5f);
    assertThat(request.getInt64Wrapper().getValue()).isEqualTo(-9007199254740993L);
    assertThat(request.getUint64Wrapper().getValue()).isEqualTo(-1L);
    assertThat(request.hasInt32Wrapper()).isTrue();
    assertThat(request.getUint32Wrapper().getValue()).isEqualTo(-1);
    assertThat(request.getBoolWrapper().getValue()).isTrue();
    assertThat(request.getStringWrapper().getValue()).isEqualTo("s");
    assertThat(request.getBytesWrapper().getValue().toStringUtf8()).isEqualTo("ab");
    assertThat(request.getRepeatedInt32WrapperList()).extracting(w -> w.getValue()).containsExactly(1, 2);
    assertThat(rejected("int32_wrapper=x")).hasMessage("invalid value for query parameter \"int32_wrapper\": \"x\""
        + " (expected: int32, as google.protobuf.Int32Value)");
  }

  @Test
  void timestampsAreRfc3339() {
    assertThat(bind("timestamp=1970-01-01T00:00:01.5Z").getTimestamp())
        .isEqualTo(Timestamp.newBuilder().setSeconds(1).setNanos(500_000_000).build());
    assertThat(bind("timestamp=2024-05-01T14:00:00%2B02:00").getTimestamp().getSeconds()).isEqualTo(1714564800L);
    assertThat(bind("repeated_timestamp=1970-01-01T00:00:00Z&repeated_timestamp=1970-01-01T00:00:02Z")
        .getRepeatedTimestampList()).extracting(Timestamp::getSeconds).containsExactly(0L, 2L);
    assertThat(rejected("timestamp=2024-05-01")).hasMessage("invalid value for query parameter \"timestamp\": "
        + "\"2024-05-01\" (expected: an RFC 3339 timestamp like 2024-05-01T12:00:00Z)");
    // An unescaped '+' in the offset became a space: still refused, with the parameter named.
    assertThat(rejected("timestamp=2024-05-01T14:00:00+02:00")).hasMessageContaining("\"timestamp\"");
  }

  @Test
  void durationsTakeTheProtoJsonFormAndGosForm() {
    assertThat(bind("duration=1.5s").getDuration()).isEqualTo(duration(1, 500_000_000));
    assertThat(bind("duration=-0.000000001s").getDuration()).isEqualTo(duration(0, -1));
    assertThat(bind("duration=1h30m").getDuration()).isEqualTo(duration(5400, 0));
    assertThat(bind("duration=300ms").getDuration()).isEqualTo(duration(0, 300_000_000));
    assertThat(bind("duration=-1.5h").getDuration()).isEqualTo(duration(-5400, 0));
    assertThat(bind("duration=2us").getDuration()).isEqualTo(duration(0, 2000));
    assertThat(bind("duration=1%C2%B5s").getDuration()).isEqualTo(duration(0, 1000));
    assertThat(bind("duration=1m0.5s").getDuration()).isEqualTo(duration(60, 500_000_000));
    assertThat(bind("duration=0").getDuration()).isEqualTo(duration(0, 0));
    assertThat(bind("duration=315576000000s").getDuration()).isEqualTo(duration(315_576_000_000L, 0));
  }

  @Test
  void badDurationsNameTheParameterAndBothForms() {
    for (String bad : List.of("1d", "1", "s", "1h-5m", "", "87660001h", "1.2.3s")) {
      assertThat(rejected("duration=" + bad)).hasMessage("invalid value for query parameter \"duration\": \"" + bad
          + "\" (expected: a duration like 1.5s or 1h30m)");
    }
  }

  @Test
  void fieldMasksAreCommaListsOfSnakeOrCamelCasePaths() {
    assertThat(bind("field_mask=display_name,author.givenName,,nested").getFieldMask())
        .isEqualTo(FieldMask.newBuilder().addPaths("display_name").addPaths("author.given_name")
            .addPaths("nested").build());
    assertThat(bind("field_mask=").hasFieldMask()).isTrue();
    assertThat(bind("field_mask.paths=a&field_mask.paths=b").getFieldMask().getPathsList()).containsExactly("a", "b");
  }

  @Test
  void oneofTakesOneMember() {
    assertThat(bind("choice_int32=5").getChoiceInt32()).isEqualTo(5);
    assertThat(bind("choice_nested.name=a&choice_nested.count=2").getChoiceNested())
        .isEqualTo(Nested.newBuilder().setName("a").setCount(2).build());
    assertThat(rejected("choice_string=a&choice_int32=5")).hasMessage("query parameter \"choice_int32\": oneof "
        + "\"choice\" is already set by \"choice_string\" (expected: at most one member of a oneof)");
    assertThat(rejected("choice_nested.name=a&choiceColor=RED")).hasMessageContaining("oneof \"choice\"");
  }

  @Test
  void structValuesAndListsTakeJsonText() {
    AllTypes request = bind("struct_value=%7B%22a%22%3A%7B%22b%22%3A1%7D%7D&value=%5B1%2C%22x%22%5D"
        + "&list_value=%5Btrue%5D&repeated_value=null&repeated_value=2");

    assertThat(request.getStructValue()).isEqualTo(Struct.newBuilder().putFields("a", Value.newBuilder()
        .setStructValue(Struct.newBuilder().putFields("b", Value.newBuilder().setNumberValue(1).build())).build())
        .build());
    assertThat(request.getValue().getListValue().getValuesList()).extracting(Value::getKindCase)
        .containsExactly(Value.KindCase.NUMBER_VALUE, Value.KindCase.STRING_VALUE);
    assertThat(request.getListValue()).isEqualTo(ListValue.newBuilder()
        .addValues(Value.newBuilder().setBoolValue(true)).build());
    assertThat(request.getRepeatedValueList()).extracting(Value::getKindCase)
        .containsExactly(Value.KindCase.NULL_VALUE, Value.KindCase.NUMBER_VALUE);
    assertThat(rejected("struct_value=%5B1%5D")).hasMessageContaining("query parameter \"struct_value\"");
  }

  @Test
  void malformedEscapesAreRefused() {
    assertThat(rejected("string_value=%zz")).hasMessage(
        "invalid query string: malformed percent-encoding in \"%zz\" (expected: % followed by two hex digits)");
    assertThat(rejected("string_value=%FF")).hasMessageContaining("does not decode to UTF-8");
    assertThat(rejected("string_value=%4")).hasMessageContaining("malformed percent-encoding");
  }

  private static Duration duration(long seconds, int nanos) {
    return Duration.newBuilder().setSeconds(seconds).setNanos(nanos).build();
  }
}
