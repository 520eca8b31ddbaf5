package dev.gatehouse.core.json;

import static com.fasterxml.jackson.core.JsonToken.VALUE_NULL;
import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gatehouse.core.wellknown.Base64Text;
import dev.gatehouse.core.wellknown.DurationText;
import dev.gatehouse.core.wellknown.FieldMaskText;
import dev.gatehouse.core.wellknown.TimestampText;
import dev.gatehouse.core.wellknown.WellKnown;
import java.io.IOException;
import java.nio.CharBuffer;

/**
 * Writes one JSON scalar (or a string-form well-known type, or a map key) as wire bytes. A value that does not fit
 * throws {@link IllegalArgumentException} whose message is the expectation ({@code expected: an int64 ...});
 * {@link JsonToProto} adds the path and the value.
 */
final class ScalarWriter {
  private final WireWriter out;
  private final boolean strict;

  ScalarWriter(WireWriter out, boolean strict) {
    this.out = out;
    this.strict = strict;
  }

  private static IllegalArgumentException expected(String expectation) {
    return new IllegalArgumentException("expected: " + expectation);
  }

  void mapKey(FieldPlan keyField, String key) {
    out.writeTag(keyField.tag);
    switch (keyField.type) {
      case STRING:
        out.writeString(key.toCharArray(), 0, key.length());
        return;
      case BOOL:
        try {
          out.writeVarint32(JsonScalars.boolText(key) ? 1 : 0);
        } catch (IllegalArgumentException e) {
          throw expected("a map key of true or false");
        }
        return;
      default:
        JsonScalars.Range range = JsonScalars.Range.of(keyField.type);
        long number;
        try {
          number = JsonScalars.integerText(key, range);
        } catch (IllegalArgumentException e) {
          throw expected("a map key that is " + range.expected.replace(" as a JSON number or string", ""));
        }
        writeInteger(keyField, number);
    }
  }

  /**
   * Writes a scalar (with its tag unless packed). {@code skipDefault} leaves out a zero value, as protobuf does for
   * fields without presence. Returns false when the value was dropped: an unknown enum name in lenient mode.
   */
  boolean scalar(JsonParser parser, FieldPlan field, JsonToken token, boolean withTag, boolean skipDefault)
      throws IOException {
    try {
      switch (field.type) {
        case DOUBLE: {
          double value = JsonScalars.floating(parser, token, false);
          long bits = Double.doubleToRawLongBits(value);
          if (skipDefault && bits == 0) {
            return true;
          }
          tag(field, withTag);
          out.writeFixed64(bits);
          return true;
        }
        case FLOAT: {
          int bits = Float.floatToRawIntBits((float) JsonScalars.floating(parser, token, true));
          if (skipDefault && bits == 0) {
            return true;
          }
          tag(field, withTag);
          out.writeFixed32(bits);
          return true;
        }
        case BOOL: {
          boolean value = JsonScalars.bool(parser, token);
          if (skipDefault && !value) {
            return true;
          }
          tag(field, withTag);
          out.writeVarint32(value ? 1 : 0);
          return true;
        }
        case STRING: {
          if (token != VALUE_STRING) {
            throw expected("a JSON string");
          }
          int length = parser.getTextLength();
          if (skipDefault && length == 0) {
            return true;
          }
          tag(field, withTag);
          out.writeString(parser.getTextCharacters(), parser.getTextOffset(), length);
          return true;
        }
        case BYTES:
          return bytes(parser, field, token, withTag, skipDefault);
        case ENUM:
          return enumValue(parser, field, token, withTag, skipDefault);
        default: {
          long value = JsonScalars.integer(parser, token, JsonScalars.Range.of(field.type));
          if (skipDefault && value == 0) {
            return true;
          }
          tag(field, withTag);
          writeInteger(field, value);
          return true;
        }
      }
    } catch (IllegalArgumentException e) {
      if (e.getMessage().startsWith("expected")) {
        throw e;
      }
      throw expected(e.getMessage());
    }
  }

  private void tag(FieldPlan field, boolean withTag) {
    if (withTag) {
      out.writeTag(field.tag);
    }
  }

  private boolean bytes(JsonParser parser, FieldPlan field, JsonToken token, boolean withTag, boolean skipDefault) throws IOException {
    if (token != VALUE_STRING) {
      throw expected("bytes as " + Base64Text.EXPECTED);
    }
    int length = parser.getTextLength();
    if (skipDefault && length == 0) {
      return true;
    }
    byte[] decoded;
    try {
      decoded = Base64Text.decode(CharBuffer.wrap(parser.getTextCharacters(), parser.getTextOffset(), length));
    } catch (IllegalArgumentException e) {
      throw expected("bytes as " + Base64Text.EXPECTED);
    }
    tag(field, withTag);
    out.writeBytes(decoded, 0, decoded.length);
    return true;
  }

  private boolean enumValue(JsonParser parser, FieldPlan field, JsonToken token, boolean withTag, boolean skipDefault)
      throws IOException {
    EnumPlan plan = field.enumPlan;
    int number;
    if (token == VALUE_NULL) {
      number = 0;
    } else if (token == VALUE_STRING || token.isScalarValue()) {
      Integer named = token == VALUE_STRING ? plan.number(parser.getText()) : null;
      if (named != null) {
        number = named;
      } else {
        Integer numeric = enumNumber(parser, token);
        if (numeric == null || (plan.closed && !plan.isKnown(numeric))) {
          if (strict) {
            throw expected(plan.expected);
          }
          return false;
        }
        number = numeric;
      }
    } else {
      throw expected(plan.expected);
    }
    if (skipDefault && number == 0) {
      return true;
    }
    tag(field, withTag);
    out.writeVarint64(number);
    return true;
  }

  /** An enum given as a number (or a string holding one), as JsonFormat falls back to; null when it is not one. */
  private static Integer enumNumber(JsonParser parser, JsonToken token) throws IOException {
    try {
      return (int) JsonScalars.integer(parser, token, JsonScalars.Range.INT32);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void writeInteger(FieldPlan field, long value) {
    switch (field.type) {
      case INT32:
      case ENUM:
        out.writeVarint64((int) value);
        break;
      case UINT32:
        out.writeVarint32((int) value);
        break;
      case SINT32:
        out.writeVarint32(((int) value << 1) ^ ((int) value >> 31));
        break;
      case SINT64:
        out.writeVarint64((value << 1) ^ (value >> 63));
        break;
      case FIXED32:
      case SFIXED32:
        out.writeFixed32((int) value);
        break;
      case FIXED64:
      case SFIXED64:
        out.writeFixed64(value);
        break;
      case BOOL:
        out.writeVarint32(value != 0 ? 1 : 0);
        break;
      default:
        out.writeVarint64(value);
    }
  }

  void secondsAndNanos(JsonParser parser, WellKnown kind, JsonToken token) throws IOException {
    String expected = kind == WellKnown.TIMESTAMP ? TimestampText.EXPECTED : DurationText.EXPECTED;
    if (token != VALUE_STRING) {
      throw expected(expected);
    }
    // The wellknown parsers' messages already read "expected ...".
    long[] value = kind == WellKnown.TIMESTAMP ? TimestampText.parseToSecondsAndNanos(parser.getText())
        : DurationText.parseToSecondsAndNanos(parser.getText());
    if (value[0] != 0) {
      out.writeTag(0x08);
      out.writeVarint64(value[0]);
    }
    if (value[1] != 0) {
      out.writeTag(0x10);
      out.writeVarint64(value[1]);
    }
  }

  void fieldMask(JsonParser parser, JsonToken token) throws IOException {
    if (token != VALUE_STRING) {
      throw expected(FieldMaskText.EXPECTED);
    }
    for (String fieldPath : FieldMaskText.parse(parser.getText()).getPathsList()) {
      out.writeTag(0x0A);
      out.writeString(fieldPath.toCharArray(), 0, fieldPath.length());
    }
  }
}
