package dev.gatehouse.core.binding;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import dev.gatehouse.core.json.ProtoJson;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.core.wellknown.Base64Text;
import dev.gatehouse.core.wellknown.DurationText;
import dev.gatehouse.core.wellknown.FieldMaskText;
import dev.gatehouse.core.wellknown.TimestampText;
import dev.gatehouse.core.wellknown.WellKnown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Turns the text of a query parameter or path variable into the encoding of one value of a field, tag included: a
 * scalar, an enum, or a well-known type that has a string form (wrappers, Timestamp, Duration, FieldMask, and
 * Struct/Value/ListValue as JSON text).
 *
 * <p>A value is always written, zero included, and a well-known message with all its fields: a later encoding must
 * override an earlier one (a path variable overrides the body), and on the wire only a written field overrides.
 */
final class LeafEncoder {
  private static final String DURATION_EXPECTED = "a duration like 1.5s or 1h30m";

  private final ProtoJson json;

  /** @param json reads Struct, Value and ListValue from JSON text */
  LeafEncoder(ProtoJson json) {
    this.json = json;
  }

  /**
   * Whether text can set {@code field} (or, for a repeated field, one element of it): scalars, enums and the
   * well-known types with a string form. Maps are not leaves: their entries are.
   */
  boolean isLeaf(FieldDescriptor field) {
    if (field.isMapField()) {
      return false;
    }
    switch (field.getType()) {
      case GROUP:
        return false;
      case MESSAGE:
        WellKnown kind = WellKnown.of(field.getMessageType());
        return kind != WellKnown.NONE && kind != WellKnown.ANY;
      default:
        return true;
    }
  }

  /** The kind of value {@code field} takes, for messages that name what was expected. */
  static String expected(FieldDescriptor field) {
    switch (field.getType()) {
      case BYTES:
        return Base64Text.EXPECTED;
      case ENUM:
        return "a value of " + field.getEnumType().getFullName() + " (name or number)";
      case MESSAGE:
        String type = field.getMessageType().getFullName();
        switch (WellKnown.of(field.getMessageType())) {
          case TIMESTAMP:
            return TimestampText.EXPECTED;
          case DURATION:
            return DURATION_EXPECTED;
          case FIELD_MASK:
            return FieldMaskText.EXPECTED;
          case WRAPPER:
            return expected(field.getMessageType().findFieldByNumber(1)) + ", as " + type;
          case STRUCT:
          case VALUE:
          case LIST_VALUE:
            return "JSON text for " + type;
          default:
            return "a scalar, an enum or a well-known type with a string form, not the message " + type;
        }
      default:
        return field.getType().name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Writes {@code text} as one value of {@code field}, with its tag.
   *
   * @param source what the text came from, for error messages: {@code query parameter "page_size"}
   * @throws dev.gatehouse.core.status.StatusException naming {@code source}, the text and the expected type when
   *     the text is not a value of the field
   */
  void write(CodedOutputStream out, FieldDescriptor field, String text, String source) throws IOException {
    try {
      writeValue(out, field, text);
    } catch (IllegalArgumentException e) {
      throw BindingErrors.invalidValue(source, text, expected(field));
    }
  }

  /**
   * Writes {@code text} as one value of the last field of {@code path}, inside the messages the fields before it
   * name; see {@link #write}.
   */
  void writeAt(CodedOutputStream out, List<FieldDescriptor> path, String text, String source) throws IOException {
    FieldDescriptor leaf = path.get(path.size() - 1);
    if (path.size() == 1) {
      // The common case needs no length prefix, so no intermediate buffer.
      write(out, leaf, text, source);
    } else {
      byte[] value = WireEncoding.encode(valueOut -> write(valueOut, leaf, text, source));
      WireEncoding.writeNested(out, path.subList(0, path.size() - 1), value);
    }
  }

  private void writeValue(CodedOutputStream out, FieldDescriptor field, String text) throws IOException {
    int number = field.getNumber();
    switch (field.getType()) {
      case DOUBLE:
        out.writeDouble(number, ScalarText.parseDouble(text));
        break;
      case FLOAT:
        out.writeFloat(number, ScalarText.parseFloat(text));
        break;
      case INT64:
        out.writeInt64(number, ScalarText.parseInt64(text));
        break;
      case SINT64:
        out.writeSInt64(number, ScalarText.parseInt64(text));
        break;
      case SFIXED64:
        out.writeSFixed64(number, ScalarText.parseInt64(text));
        break;
      case UINT64:
        out.writeUInt64(number, ScalarText.parseUInt64(text));
        break;
      case FIXED64:
        out.writeFixed64(number, ScalarText.parseUInt64(text));
        break;
      case INT32:
        out.writeInt32(number, ScalarText.parseInt32(text));
        break;
      case SINT32:
        out.writeSInt32(number, ScalarText.parseInt32(text));
        break;
      case SFIXED32:
        out.writeSFixed32(number, ScalarText.parseInt32(text));
        break;
      case UINT32:
        out.writeUInt32(number, ScalarText.parseUInt32(text));
        break;
      case FIXED32:
        out.writeFixed32(number, ScalarText.parseUInt32(text));
        break;
      case BOOL:
        out.writeBool(number, ScalarText.parseBool(text));
        break;
      case STRING:
        out.writeString(number, text);
        break;
      case BYTES:
        // Base64 has no spaces, so a space is a '+' that the client forgot to escape and form decoding turned into one.
        out.writeByteArray(number, Base64Text.decode(text.replace(' ', '+')));
        break;
      case ENUM:
        out.writeEnum(number, enumNumber(field.getEnumType(), text));
        break;
      case MESSAGE:
        out.writeByteArray(number, message(field, text));
        break;
      default:
        throw new IllegalArgumentException("not a leaf");
    }
  }

  /**
   * A name, case-sensitive as in the proto file, or a number. An undefined number is taken for an open (proto3)
   * enum, which keeps unknown numbers as the JSON mapping does, and refused for a closed (proto2) enum.
   */
  private static int enumNumber(EnumDescriptor type, String text) {
    EnumValueDescriptor value = type.findValueByName(text);
    if (value != null) {
      return value.getNumber();
    }
    int number = ScalarText.parseInt32(text);
    if (type.isClosed() && type.findValueByNumber(number) == null) {
      throw new IllegalArgumentException("undefined number of a closed enum");
    }
    return number;
  }

  private byte[] message(FieldDescriptor field, String text) {
    switch (WellKnown.of(field.getMessageType())) {
      case TIMESTAMP:
        return secondsAndNanos(TimestampText.parseToSecondsAndNanos(text));
      case DURATION:
        return secondsAndNanos(duration(text));
      case FIELD_MASK:
        FieldMask mask = FieldMaskText.parse(text);
        return WireEncoding.encode(out -> {
          for (String path : mask.getPathsList()) {
            out.writeString(1, path);
          }
        });
      case WRAPPER:
        FieldDescriptor value = field.getMessageType().findFieldByNumber(1);
        return WireEncoding.encode(out -> writeValue(out, value, text));
      case STRUCT:
      case VALUE:
      case LIST_VALUE:
        try {
          return json.toProto(field.getMessageType(), text.getBytes(StandardCharsets.UTF_8));
        } catch (StatusException notJson) {
          throw new IllegalArgumentException(notJson.getMessage(), notJson);
        }
      default:
        throw new IllegalArgumentException("not a leaf");
    }
  }

  /** The proto JSON form ({@code 1.5s}) first, then Go's ({@code 1h30m}) as grpc-gateway reads query durations. */
  private static long[] duration(String text) {
    try {
      return DurationText.parseToSecondsAndNanos(text);
    } catch (IllegalArgumentException notProtoForm) {
      return GoDuration.parseToSecondsAndNanos(text);
    }
  }

  private static byte[] secondsAndNanos(long[] value) {
    return WireEncoding.encode(out -> {
      out.writeInt64(1, value[0]);
      out.writeInt32(2, (int) value[1]);
    });
  }
}
