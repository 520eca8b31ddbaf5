package dev.gatehouse.core.json;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.DoubleValue;
import com.google.protobuf.Duration;
import com.google.protobuf.Empty;
import com.google.protobuf.FieldMask;
import com.google.protobuf.FloatValue;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Int64Value;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.UInt64Value;
import com.google.protobuf.Value;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.Nested;
import java.util.SplittableRandom;

/** Fills {@link AllTypes} with random values, edge values often, each field with a given probability. */
final class RandomAllTypes {
  private static final String[] WORDS = {"", "a", "héllo", "<tag>&'=\"\\", "line\nbreak\ttab", "\u2028\u2029",
      "emoji \uD83D\uDE00", "\u0001\u001f\u007f", "plain ascii text", "ключ", "/slash/", "日本語"};
  private static final long[] LONGS = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53, (1L << 53) + 1,
      Integer.MAX_VALUE, Integer.MIN_VALUE, 4_294_967_295L};
  private static final int[] INTS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 127, 128, 300};
  private static final double[] DOUBLES = {0.0, -0.0, 1.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 1e-7, 1e21, 123456.789, 0.1};
  private static final float[] FLOATS = {0f, -0f, 1f, 0.1f, Float.NaN, Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE, 1e10f, 3.14159f};

  private final SplittableRandom random;
  private final double fill;

  RandomAllTypes(long seed, double fill) {
    this.random = new SplittableRandom(seed);
    this.fill = fill;
  }

  private boolean maybe() {
    return random.nextDouble() < fill;
  }

  private int count() {
    return random.nextInt(4);
  }

  long anyLong() {
    return random.nextBoolean() ? LONGS[random.nextInt(LONGS.length)] : random.nextLong() >> random.nextInt(64);
  }

  int anyInt() {
    return random.nextBoolean() ? INTS[random.nextInt(INTS.length)] : random.nextInt() >> random.nextInt(32);
  }

  double anyDouble() {
    return random.nextBoolean() ? DOUBLES[random.nextInt(DOUBLES.length)]
        : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-10, 30));
  }

  float anyFloat() {
    return random.nextBoolean() ? FLOATS[random.nextInt(FLOATS.length)]
        : (float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-10, 30)));
  }

  String anyString() {
    if (random.nextInt(3) == 0) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append((char) random.nextInt(0x20, 0x3000));
      }
      String s = text.toString();
      // Lone surrogates do not survive a UTF-8 round trip, in protobuf either.
      return s.chars().anyMatch(c -> Character.isSurrogate((char) c)) ? "x" : s;
    }
    return WORDS[random.nextInt(WORDS.length)];
  }

  ByteString anyBytes() {
    byte[] bytes = new byte[random.nextInt(10)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return ByteString.copyFrom(bytes);
  }

  int anyColor() {
    return random.nextInt(5) == 0 ? 7 + random.nextInt(3) : random.nextInt(4);
  }

  Nested nested(int depth) {
    Nested.Builder nested = Nested.newBuilder();
    if (maybe()) {
      nested.setName(anyString());
    }
    if (maybe()) {
      nested.setCount(anyLong());
    }
    if (depth < 2 && maybe()) {
      nested.setChild(nested(depth + 1));
    }
    for (int i = count(); i > 0; i--) {
      nested.addTags(anyString());
    }
    if (maybe()) {
      nested.setColorValue(anyColor());
    }
    return nested.build();
  }

  Timestamp timestamp() {
    return Timestamp.newBuilder()
        .setSeconds(random.nextLong(-62_135_596_800L, 253_402_300_800L))
        .setNanos(nanos())
        .build();
  }

  private int nanos() {
    switch (random.nextInt(4)) {
      case 0:
        return 0;
      case 1:
        return random.nextInt(1000) * 1_000_000;
      case 2:
        return random.nextInt(1_000_000) * 1000;
      default:
        return random.nextInt(1_000_000_000);
    }
  }

  Duration duration() {
    long seconds = random.nextLong(-315_576_000_000L, 315_576_000_001L) >> random.nextInt(40);
    int nanos = nanos();
    if (seconds < 0 || (seconds == 0 && random.nextBoolean())) {
      nanos = -nanos;
    }
    return Duration.newBuilder().setSeconds(seconds).setNanos(nanos).build();
  }

  Value value(int depth) {
    switch (random.nextInt(depth < 2 ? 6 : 4)) {
      case 0:
        return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
      case 1:
        double number = anyDouble();
        return Value.newBuilder().setNumberValue(Double.isFinite(number) ? number : 2.5).build();
      case 2:
        return Value.newBuilder().setStringValue(anyString()).build();
      case 3:
        return Value.newBuilder().setBoolValue(random.nextBoolean()).build();
      case 4:
        return Value.newBuilder().setStructValue(struct(depth + 1)).build();
      default:
        ListValue.Builder list = ListValue.newBuilder();
        for (int i = count(); i > 0; i--) {
          list.addValues(value(depth + 1));
        }
        return Value.newBuilder().setListValue(list).build();
    }
  }

  Struct struct(int depth) {
    Struct.Builder struct = Struct.newBuilder();
    for (int i = count(); i > 0; i--) {
      struct.putFields(anyString(), value(depth));
    }
    return struct.build();
  }

  Any any(int depth) {
    switch (random.nextInt(depth < 1 ? 7 : 6)) {
      case 0:
        return Any.pack(nested(0));
      case 1:
        return Any.pack(timestamp());
      case 2:
        return Any.pack(Int64Value.of(anyLong()));
      case 3:
        return Any.pack(value(1));
      case 4:
        return Any.pack(Book.newBuilder().setTitle(anyString()).setPageCount(anyLong()).build());
      case 5:
        return Any.pack(Empty.getDefaultInstance());
      default:
        return Any.pack(any(depth + 1));
    }
  }

  FieldMask fieldMask() {
    FieldMask.Builder mask = FieldMask.newBuilder();
    String[] paths = {"name", "display_name", "author.given_name", "a.b_c.d", "page_count"};
    for (int i = count(); i > 0; i--) {
      mask.addPaths(paths[random.nextInt(paths.length)]);
    }
    return mask.build();
  }

  AllTypes next() {
    AllTypes.Builder m = AllTypes.newBuilder();
    if (maybe()) m.setDoubleValue(anyDouble());
    if (maybe()) m.setFloatValue(anyFloat());
    if (maybe()) m.setInt32Value(anyInt());
    if (maybe()) m.setInt64Value(anyLong());
    if (maybe()) m.setUint32Value(anyInt());
    if (maybe()) m.setUint64Value(anyLong());
    if (maybe()) m.setSint32Value(anyInt());
    if (maybe()) m.setSint64Value(anyLong());
    if (maybe()) m.setFixed32Value(anyInt());
    if (maybe()) m.setFixed64Value(anyLong());
    if (maybe()) m.setSfixed32Value(anyInt());
    if (maybe()) m.setSfixed64Value(anyLong());
    if (maybe()) m.setBoolValue(random.nextBoolean());
    if (maybe()) m.setStringValue(anyString());
    if (maybe()) m.setBytesValue(anyBytes());
    if (maybe()) m.setColorValue(anyColor());
    if (maybe()) m.setNested(nested(0));
    if (maybe()) m.setOptionalInt32(random.nextBoolean() ? 0 : anyInt());
    if (maybe()) m.setOptionalString(random.nextBoolean() ? "" : anyString());
    if (maybe()) {
      for (int i = count(); i > 0; i--) {
        m.addRepeatedDouble(anyDouble());
        m.addRepeatedInt64(anyLong());
        m.addRepeatedUint64(anyLong());
        m.addRepeatedString(anyString());
        m.addRepeatedBytes(anyBytes());
        m.addRepeatedColorValue(anyColor());
        m.addRepeatedNested(nested(1));
        m.addRepeatedBool(random.nextBoolean());
        m.addRepeatedFloat(anyFloat());
        m.addRepeatedSint32(anyInt());
        m.addRepeatedFixed32(anyInt());
      }
    }
    if (maybe()) {
      for (int i = count(); i > 0; i--) {
        m.putStringMap(anyString(), anyString());
        m.putIntMap(anyInt(), anyLong());
        m.putBoolMap(random.nextBoolean(), nested(1));
        m.putEnumMapValue(anyLong(), anyColor());
        m.putWrapperMap(anyString(), UInt64Value.of(anyLong()));
      }
    }
    if (maybe()) {
      switch (random.nextInt(4)) {
        case 0:
          m.setChoiceString(anyString());
          break;
        case 1:
          m.setChoiceInt32(anyInt());
          break;
        case 2:
          m.setChoiceNested(nested(1));
          break;
        default:
          m.setChoiceColorValue(anyColor());
      }
    }
    if (maybe()) m.setRenamedField(anyString());
    if (maybe()) m.setTimestamp(timestamp());
    if (maybe()) m.setDuration(duration());
    if (maybe()) m.setFieldMask(fieldMask());
    if (maybe()) m.setStructValue(struct(0));
    if (maybe()) m.setValue(value(0));
    if (maybe()) m.setListValue(value(1).toBuilder().getListValueBuilder());
    if (maybe()) m.setAny(any(0));
    if (maybe()) m.setEmpty(Empty.getDefaultInstance());
    if (maybe()) m.setDoubleWrapper(DoubleValue.of(anyDouble()));
    if (maybe()) m.setFloatWrapper(FloatValue.of(anyFloat()));
    if (maybe()) m.setInt64Wrapper(Int64Value.of(anyLong()));
    if (maybe()) m.setUint64Wrapper(UInt64Value.of(anyLong()));
    if (maybe()) m.setInt32Wrapper(Int32Value.of(anyInt()));
    if (maybe()) m.setUint32Wrapper(UInt32Value.of(anyInt()));
    if (maybe()) m.setBoolWrapper(BoolValue.of(random.nextBoolean()));
    if (maybe()) m.setStringWrapper(StringValue.of(anyString()));
    if (maybe()) m.setBytesWrapper(BytesValue.of(anyBytes()));
    if (maybe()) {
      for (int i = count(); i > 0; i--) {
        m.addRepeatedTimestamp(timestamp());
        m.addRepeatedAny(any(0));
        m.addRepeatedValue(value(0));
        m.addRepeatedInt32Wrapper(Int32Value.of(anyInt()));
      }
    }
    if (maybe()) m.setNullValue(NullValue.NULL_VALUE);
    if (maybe()) m.setLateDeclaredLowNumber(anyString());
    return m.build();
  }
}
