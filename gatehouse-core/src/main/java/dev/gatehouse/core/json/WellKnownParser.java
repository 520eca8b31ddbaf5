package dev.gatehouse.core.json;

import static com.fasterxml.jackson.core.JsonToken.END_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.Descriptor;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.core.wellknown.WellKnown;
import java.io.IOException;

/**
 * Parses the well-known types from their own JSON forms for {@link JsonToProto}: timestamps, durations and field
 * masks from strings, wrappers from their value, Struct, Value and ListValue from plain JSON, and Any from an object
 * whose {@code "@type"} names the packed type wherever it stands. The counterpart of {@link WellKnownPrinter}.
 */
final class WellKnownParser {
  private WellKnownParser() {}

  /** The content of a well-known message (no tag, no length) from the value at the current token. */
  static void parse(JsonToProto reader, MessagePlan plan, JsonToken token) throws IOException {
    switch (plan.wellKnown) {
      case ANY:
        if (token != START_OBJECT) {
          throw reader.invalid(token, "a JSON object with \"@type\" for google.protobuf.Any");
        }
        any(reader);
        break;
      case TIMESTAMP:
      case DURATION:
        try {
          reader.scalars().secondsAndNanos(reader.parser(), plan.wellKnown, token);
        } catch (IllegalArgumentException e) {
          throw reader.invalid(token, e);
        }
        break;
      case FIELD_MASK:
        try {
          reader.scalars().fieldMask(reader.parser(), token);
        } catch (IllegalArgumentException e) {
          throw reader.invalid(token, e);
        }
        break;
      case STRUCT:
        struct(reader, plan, token);
        break;
      case VALUE:
        value(reader, plan, token);
        break;
      case LIST_VALUE:
        listValue(reader, plan, token);
        break;
      case WRAPPER:
        reader.scalar(plan.fields[0], token, true, true);
        break;
      default:
        throw new AssertionError(plan.wellKnown);
    }
  }

  private static void struct(JsonToProto reader, MessagePlan plan, JsonToken token) throws IOException {
    if (token != START_OBJECT) {
      throw reader.invalid(token, "a JSON object for google.protobuf.Struct");
    }
    JsonParser parser = reader.parser();
    WireWriter out = reader.out();
    JsonPath path = reader.path();
    MessagePlan valuePlan = plan.fields[0].mapValue.messagePlan();
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      path.pushKey(key);
      out.writeTag(0x0A);
      int entry = out.beginLength();
      out.writeTag(0x0A);
      out.writeString(key.toCharArray(), 0, key.length());
      reader.embeddedMessage(0x12, valuePlan, value);
      out.endLength(entry);
      path.pop();
    }
  }

  private static void value(JsonToProto reader, MessagePlan plan, JsonToken token) throws IOException {
    JsonParser parser = reader.parser();
    WireWriter out = reader.out();
    switch (token) {
      case VALUE_NULL:
        out.writeTag(0x08);
        out.writeVarint32(0);
        return;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        double number = parser.getDoubleValue();
        if (Double.isInfinite(number)) {
          throw reader.invalid(token, "a JSON number within the range of a double");
        }
        out.writeTag(0x11);
        out.writeFixed64(Double.doubleToRawLongBits(number));
        return;
      case VALUE_STRING:
        out.writeTag(0x1A);
        out.writeString(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        return;
      case VALUE_TRUE:
      case VALUE_FALSE:
        out.writeTag(0x20);
        out.writeVarint32(token == JsonToken.VALUE_TRUE ? 1 : 0);
        return;
      case START_OBJECT:
        reader.embeddedMessage(0x2A, plan.fieldByNumber(5).messagePlan(), token);
        return;
      case START_ARRAY:
        reader.embeddedMessage(0x32, plan.fieldByNumber(6).messagePlan(), token);
        return;
      default:
        throw reader.invalid(token, "a JSON value");
    }
  }

  private static void listValue(JsonToProto reader, MessagePlan plan, JsonToken token) throws IOException {
    if (token != START_ARRAY) {
      throw reader.invalid(token, "a JSON array for google.protobuf.ListValue");
    }
    JsonParser parser = reader.parser();
    JsonPath path = reader.path();
    MessagePlan valuePlan = plan.fields[0].messagePlan();
    int index = 0;
    for (JsonToken element = parser.nextToken(); element != END_ARRAY; element = parser.nextToken()) {
      path.pushIndex(index++);
      reader.embeddedMessage(0x0A, valuePlan, element);
      path.pop();
    }
  }

  /**
   * An Any: {@code "@type"} names the packed type; the other keys are its fields, or {@code "value"} holds its JSON
   * form when it is a well-known type. When {@code "@type"} is not the first key the object is scanned for it and
   * then read again from its bytes; only that case pays for a second pass.
   */
  private static void any(JsonToProto reader) throws IOException {
    JsonParser parser = reader.parser();
    int objectStart = reader.tokenOffset();
    String first = parser.nextFieldName();
    if (first == null) {
      return;
    }
    if (first.equals("@type")) {
      anyBody(reader, typeUrl(reader, parser.nextToken()), false);
      return;
    }
    parser.nextToken();
    parser.skipChildren();
    String typeUrl = null;
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      if (key.equals("@type")) {
        typeUrl = typeUrl(reader, token);
      } else {
        parser.skipChildren();
      }
    }
    if (typeUrl == null) {
      throw StatusException.invalidArgument("invalid value " + reader.path().describe()
          + ": an object without \"@type\" (expected: an Any with \"@type\" naming the packed message type)");
    }
    String found = typeUrl;
    reader.reread(objectStart, reader.tokenOffset() + 1, token -> anyBody(reader, found, true));
  }

  private static String typeUrl(JsonToProto reader, JsonToken token) throws IOException {
    if (token != VALUE_STRING) {
      reader.path().pushField("@type");
      throw reader.invalid(token, "a type URL string like type.googleapis.com/pkg.Message");
    }
    return reader.parser().getText();
  }

  /** The Any's fields from the parser standing inside its object; {@code skipType} when "@type" is still ahead. */
  private static void anyBody(JsonToProto reader, String typeUrl, boolean skipType) throws IOException {
    JsonPath path = reader.path();
    Descriptor type = reader.owner().catalog().findMessageByTypeUrl(typeUrl);
    if (type == null) {
      throw StatusException.invalidArgument("invalid value " + path.describe() + ": \"@type\": "
          + JsonToProto.quote(typeUrl)
          + " (expected: the type URL of a message in the descriptor set, like type.googleapis.com/pkg.Message)");
    }
    MessagePlan plan = reader.owner().plan(type);
    WireWriter out = reader.out();
    out.writeTag(0x0A);
    out.writeString(typeUrl.toCharArray(), 0, typeUrl.length());
    int valueTag = out.position();
    out.writeTag(0x12);
    int mark = out.beginLength();
    if (plan.wellKnown == WellKnown.NONE) {
      reader.fields(plan, skipType);
    } else {
      packedWellKnown(reader, plan, type);
    }
    if (out.position() == mark + 1) {
      // Any.value is a proto3 bytes field: empty means absent, as protobuf writes it.
      out.truncate(valueTag);
    } else {
      out.endLength(mark);
    }
  }

  /** A well-known type packed in an Any stands under {@code "value"}, in its own JSON form. */
  private static void packedWellKnown(JsonToProto reader, MessagePlan plan, Descriptor type) throws IOException {
    JsonParser parser = reader.parser();
    JsonPath path = reader.path();
    boolean found = false;
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      if (key.equals("value")) {
        path.pushField("value");
        reader.messageContent(plan, token);
        path.pop();
        found = true;
      } else if (reader.strict() && !key.equals("@type")) {
        path.pushField(key);
        throw StatusException.invalidArgument("unknown field " + path.describe()
            + " (expected: only \"@type\" and \"value\" in an Any holding " + type.getFullName() + ")");
      } else {
        parser.skipChildren();
      }
    }
    if (!found) {
      throw StatusException.invalidArgument("invalid value " + path.describe() + ": an Any of " + type.getFullName()
          + " without \"value\" (expected: its JSON form under \"value\")");
    }
  }
}
