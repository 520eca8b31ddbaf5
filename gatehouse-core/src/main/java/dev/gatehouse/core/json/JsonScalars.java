package dev.gatehouse.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.FieldDescriptor.Type;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads JSON scalars the way JsonFormat accepts them: integers as numbers or strings in any notation that is exact
 * ({@code 1}, {@code "1"}, {@code 1.0}, {@code 1e2}), floats as numbers or strings with {@code "NaN"} and
 * {@code "Infinity"}, bools as {@code true} or {@code "true"}. Failures throw {@link IllegalArgumentException} with
 * the expectation; the caller adds where.
 */
final class JsonScalars {
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
  /** JsonFormat lets a float through when it is this close to the largest float, printing rounding aside. */
  private static final double FLOAT_LIMIT = Float.MAX_VALUE * (1.0 + 1e-6);

  /** The four integer ranges of the proto scalar types. */
  enum Range {
    INT32(Integer.MIN_VALUE, Integer.MAX_VALUE, "an int32 as a JSON number or string"),
    UINT32(0, 0xFFFF_FFFFL, "a uint32 as a JSON number or string"),
    INT64(Long.MIN_VALUE, Long.MAX_VALUE, "an int64 as a JSON number or string"),
    UINT64(0, -1, "a uint64 as a JSON number or string");

    final long min;
    final long max;
    final String expected;

    Range(long min, long max, String expected) {
      this.min = min;
      this.max = max;
      this.expected = expected;
    }

    static Range of(Type type) {
      switch (type) {
        case INT32: case SINT32: case SFIXED32: case ENUM:
          return INT32;
        case UINT32: case FIXED32:
          return UINT32;
        case UINT64: case FIXED64:
          return UINT64;
        default:
          return INT64;
      }
    }
  }

  private JsonScalars() {}

  /** The value as a long (for UINT64: its two's complement bits). */
  static long integer(JsonParser parser, JsonToken token, Range range) throws IOException {
    switch (token) {
      case VALUE_NUMBER_INT:
        JsonParser.NumberType numberType = parser.getNumberType();
        if (numberType == JsonParser.NumberType.INT || numberType == JsonParser.NumberType.LONG) {
          return checked(parser.getLongValue(), range);
        }
        return checked(parser.getBigIntegerValue(), range);
      case VALUE_NUMBER_FLOAT:
        return exact(parser.getDecimalValue(), range);
      case VALUE_STRING:
        return integerText(parser.getText(), range);
      default:
        throw new IllegalArgumentException(range.expected);
    }
  }

  /** An integer written as text: a JSON string value or a map key. */
  static long integerText(String text, Range range) {
    try {
      return checked(Long.parseLong(text), range);
    } catch (NumberFormatException e) {
      try {
        return exact(new BigDecimal(text), range);
      } catch (NumberFormatException notANumber) {
        throw new IllegalArgumentException(range.expected, notANumber);
      }
    }
  }

  private static long exact(BigDecimal value, Range range) {
    try {
      return checked(value.toBigIntegerExact(), range);
    } catch (ArithmeticException fraction) {
      throw new IllegalArgumentException(range.expected + " without a fraction", fraction);
    }
  }

  private static long checked(long value, Range range) {
    if (range == Range.UINT64 ? value < 0 : value < range.min || value > range.max) {
      throw outOfRange(range);
    }
    return value;
  }

  private static long checked(BigInteger value, Range range) {
    if (range == Range.UINT64) {
      if (value.signum() < 0 || value.compareTo(TWO_TO_64) >= 0) {
        throw outOfRange(range);
      }
      return value.longValue();
    }
    if (value.bitLength() > 63) {
      throw outOfRange(range);
    }
    return checked(value.longValue(), range);
  }

  private static IllegalArgumentException outOfRange(Range range) {
    return new IllegalArgumentException(range.expected + " in range");
  }

  static double floating(JsonParser parser, JsonToken token, boolean isFloat) throws IOException {
    double value;
    switch (token) {
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        value = parser.getDoubleValue();
        break;
      case VALUE_STRING:
        String text = parser.getText();
        switch (text) {
          case "NaN":
            return Double.NaN;
          case "Infinity":
            return Double.POSITIVE_INFINITY;
          case "-Infinity":
            return Double.NEGATIVE_INFINITY;
          default:
            try {
              // BigDecimal rather than Double.parseDouble: the latter also takes "1d", hex and surrounding blanks.
              value = new BigDecimal(text).doubleValue();
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException(expectedFloating(isFloat), e);
            }
        }
        break;
      default:
        throw new IllegalArgumentException(expectedFloating(isFloat));
    }
    if (Double.isInfinite(value) || (isFloat && Math.abs(value) > FLOAT_LIMIT)) {
      throw new IllegalArgumentException(expectedFloating(isFloat) + " in range");
    }
    // JsonFormat reads doubles through BigDecimal, which has no negative zero; floats keep it.
    return !isFloat && value == 0 ? 0.0 : value;
  }

  static String expectedFloating(boolean isFloat) {
    return (isFloat ? "a float" : "a double") + " as a JSON number or one of \"NaN\", \"Infinity\", \"-Infinity\"";
  }

  static boolean bool(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_STRING:
        return boolText(parser.getText());
      default:
        throw new IllegalArgumentException(EXPECTED_BOOL);
    }
  }

  static final String EXPECTED_BOOL = "true or false";

  static boolean boolText(String text) {
    if (text.equals("true")) {
      return true;
    }
    if (text.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException(EXPECTED_BOOL);
  }
}
