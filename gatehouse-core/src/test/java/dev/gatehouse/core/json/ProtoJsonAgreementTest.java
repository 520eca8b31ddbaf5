package dev.gatehouse.core.json;

import static dev.gatehouse.core.json.Fixtures.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Int32Value;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UInt64Value;
import com.google.protobuf.Value;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.Color;
import dev.gatehouse.testing.v1.Genre;
import dev.gatehouse.testing.v1.ListBooksResponse;
import dev.gatehouse.testing.v1.Nested;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our printer and parser against JsonFormat, on hand-written edge cases and on random messages. */
class ProtoJsonAgreementTest {
  private static final long SEED = Long.getLong("gatehouse.seed", 20240501L);
  private static final Map<JsonOptions, ProtoJson> TRANSCODERS = new ConcurrentHashMap<>();

  static List<JsonOptions> optionCombinations() {
    List<JsonOptions> all = new ArrayList<>();
    for (int bits = 0; bits < 8; bits++) {
      all.add(new JsonOptions((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, false, false));
    }
    all.add(JsonOptions.DEFAULT.withPretty(true));
    all.add(JsonOptions.DEFAULT.withEmitUnpopulated(false).withPretty(true));
    return all;
  }

  static Stream<Message> handWritten() {
    Nested leaf = Nested.newBuilder().setName("leaf").setCount(-3).addTags("t").setColor(Color.BLUE).build();
    return Stream.of(
        AllTypes.getDefaultInstance(),
        AllTypes.newBuilder().setDoubleValue(Double.NaN).setFloatValue(Float.NEGATIVE_INFINITY)
            .addRepeatedDouble(Double.POSITIVE_INFINITY).addRepeatedDouble(-0.0).addRepeatedFloat(Float.NaN)
            .build(),
        AllTypes.newBuilder().setInt64Value(Long.MIN_VALUE).setUint64Value(-1).setFixed64Value(-1)
            .setUint32Value(-1).setFixed32Value(-1).setSint64Value(Long.MIN_VALUE).setSint32Value(Integer.MIN_VALUE)
            .setSfixed64Value((1L << 53) + 1).setInt32Value(-1).build(),
        AllTypes.newBuilder().setDuration(Duration.newBuilder().setNanos(-1))
            .setTimestamp(Timestamp.newBuilder().setSeconds(-62_135_596_800L))
            .addRepeatedTimestamp(Timestamp.newBuilder().setSeconds(253_402_300_799L).setNanos(999_999_999))
            .build(),
        AllTypes.newBuilder().setDuration(Duration.newBuilder().setSeconds(-315_576_000_000L).setNanos(-5000)).build(),
        AllTypes.newBuilder().putIntMap(-5, 7).putIntMap(0, 0).putBoolMap(true, leaf)
            .putBoolMap(false, Nested.getDefaultInstance()).putEnumMapValue(-1L, 99).putEnumMap(3, Color.RED)
            .putWrapperMap("w", UInt64Value.of(-1)).putWrapperMap("", UInt64Value.getDefaultInstance())
            .putStringMap("<k>", "\u2028").build(),
        AllTypes.newBuilder().setColorValue(42).addRepeatedColorValue(2).addRepeatedColorValue(-7)
            .setChoiceColorValue(0).build(),
        AllTypes.newBuilder().setOptionalInt32(0).setOptionalString("").setChoiceString("").build(),
        AllTypes.newBuilder().setChoiceNested(Nested.getDefaultInstance()).build(),
        AllTypes.newBuilder().setAny(Any.pack(leaf)).addRepeatedAny(Any.pack(Timestamp.getDefaultInstance()))
            .addRepeatedAny(Any.pack(Duration.newBuilder().setSeconds(1).setNanos(500_000_000).build()))
            .addRepeatedAny(Any.pack(Any.pack(Int32Value.of(5))))
            .addRepeatedAny(Any.pack(Struct.newBuilder().putFields("k", Value.newBuilder().setBoolValue(true).build())
                .build()))
            .addRepeatedAny(Any.pack(FieldMask.newBuilder().addPaths("foo_bar.baz").build()))
            .addRepeatedAny(Any.pack(Nested.getDefaultInstance()))
            .addRepeatedAny(Any.pack(Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build()))
            .addRepeatedAny(Any.getDefaultInstance())
            .build(),
        AllTypes.newBuilder().setStructValue(Struct.newBuilder()
                .putFields("n", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())
                .putFields("list", Value.newBuilder().setListValue(ListValue.newBuilder()
                    .addValues(Value.newBuilder().setNumberValue(1e-300))
                    .addValues(Value.newBuilder().setStructValue(Struct.getDefaultInstance()))).build())
                .build())
            .setValue(Value.getDefaultInstance()).setListValue(ListValue.getDefaultInstance())
            .addRepeatedValue(Value.newBuilder().setStringValue("s")).addRepeatedValue(Value.getDefaultInstance())
            .build(),
        AllTypes.newBuilder().setStringWrapper(StringValue.getDefaultInstance()).setInt32Wrapper(Int32Value.of(0))
            .addRepeatedInt32Wrapper(Int32Value.of(0)).addRepeatedInt32Wrapper(Int32Value.of(-9))
            .setEmpty(com.google.protobuf.Empty.getDefaultInstance())
            .setFieldMask(FieldMask.getDefaultInstance()).setNullValue(NullValue.NULL_VALUE).build(),
        AllTypes.newBuilder().setBytesValue(ByteString.copyFrom(new byte[] {-1, -2, -3, 0}))
            .addRepeatedBytes(ByteString.EMPTY).addRepeatedString("").addRepeatedNested(Nested.getDefaultInstance())
            .setRenamedField("renamed").setLateDeclaredLowNumber("late").build(),
        ListBooksResponse.newBuilder().addBooks(Book.newBuilder().setName("shelves/1/books/2").setTitle("T")
            .setGenre(Genre.HISTORY).setRating(Int32Value.of(4)).setPublishTime(Timestamp.newBuilder()
                .setSeconds(1_714_564_800L))).setNextPageToken("n").build());
  }

  @ParameterizedTest
  @MethodSource("handWritten")
  void handWrittenMessagesPrintAndParseAsJsonFormatDoes(Message message) throws Exception {
    for (JsonOptions options : optionCombinations()) {
      assertAgrees(message, options, "hand-written");
    }
  }

  @Test
  void randomMessagesPrintAndParseAsJsonFormatDoes() throws Exception {
    RandomAllTypes random = new RandomAllTypes(SEED, 0.5);
    RandomAllTypes dense = new RandomAllTypes(SEED + 1, 0.95);
    List<JsonOptions> combinations = optionCombinations();
    for (int i = 0; i < 600; i++) {
      AllTypes message = (i % 3 == 0 ? dense : random).next();
      assertAgrees(message, combinations.get(i % combinations.size()), "seed " + SEED + " (-Dgatehouse.seed), #" + i);
    }
  }

  private static void assertAgrees(Message message, JsonOptions options, String what) throws Exception {
    ProtoJson json = TRANSCODERS.computeIfAbsent(options, o -> ProtoJson.create(CATALOG, o));
    String expected = Fixtures.print(options, message);
    String actual = Fixtures.ours(json, message);
    assertThat(actual).as("%s printed with %s: %s", what, options, message).isEqualTo(expected);

    Message.Builder reference = message.newBuilderForType();
    Fixtures.parser(options).merge(expected, reference);
    byte[] wire = json.toProto(Fixtures.type(message), expected.getBytes(StandardCharsets.UTF_8));
    Message parsed = message.getParserForType().parseFrom(wire);
    assertThat(parsed).as("%s parsed with %s from %s", what, options, expected).isEqualTo(reference.build());
  }
}
