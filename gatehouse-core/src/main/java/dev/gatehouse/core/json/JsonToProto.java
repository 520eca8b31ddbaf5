package dev.gatehouse.core.json;

import static com.fasterxml.jackson.core.JsonToken.END_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NULL;
import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One JSON document to protobuf wire bytes: parser events in, {@link WireWriter} writes out, no tree and no message
 * objects in between. Not thread-safe; one per call.
 */
final class JsonToProto {
  /** Protobuf's own default recursion limit, which JsonFormat applies too. */
  static final int MAX_DEPTH = 100;

  private final ProtoJson owner;
  private final boolean strict;
  private final byte[] input;
  private final WireWriter out;
  private final ScalarWriter scalars;
  private final JsonPath path = new JsonPath();
  private JsonParser parser;
  /** Where the current parser's input starts in {@code input}: its byte offsets are relative to it. */
  private int parserBase;
  private int depth;

  JsonToProto(ProtoJson owner, byte[] input, int offset, int length) {
    this.owner = owner;
    this.strict = owner.options().strict();
    this.input = input;
    this.parserBase = offset;
    this.out = new WireWriter(length);
    this.scalars = new ScalarWriter(out, strict);
    try {
      this.parser = owner.jsonFactory().createParser(input, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A whole message; an empty document is the empty message. */
  WireWriter message(MessagePlan plan) {
    try (JsonParser p = parser) {
      JsonToken token = p.nextToken();
      if (token != null) {
        if (token == VALUE_NULL && plan.wellKnown != WellKnown.VALUE) {
          throw invalid(token, "a JSON object for " + plan.descriptor.getFullName());
        }
        messageContent(plan, token);
        expectEnd();
      }
      return out;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One field's value, written as that field's wire encoding (tag included); an empty document writes nothing. */
  WireWriter field(FieldPlan field) {
    try (JsonParser p = parser) {
      JsonToken token = p.nextToken();
      if (token != null) {
        path.pushField(field.jsonName);
        field(field, token);
        path.pop();
        expectEnd();
      }
      return out;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void expectEnd() throws IOException {
    JsonToken extra = parser.nextToken();
    if (extra != null) {
      JsonLocation at = parser.currentTokenLocation();
      throw StatusException.invalidArgument("unexpected data after the JSON value at line " + at.getLineNr()
          + ", column " + at.getColumnNr() + " (expected: a single JSON value)");
    }
  }

  private StatusException malformed(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new StatusException(GrpcCode.INVALID_ARGUMENT,
        "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
  }

  /** The content of a message (no tag, no length) from the value at the current token. */
  private void messageContent(MessagePlan plan, JsonToken token) throws IOException {
    if (++depth > MAX_DEPTH) {
      throw StatusException.invalidArgument("JSON nested deeper than " + MAX_DEPTH + " messages " + path.describe());
    }
    switch (plan.wellKnown) {
      case NONE:
        if (token != START_OBJECT) {
          throw invalid(token, "a JSON object for " + plan.descriptor.getFullName());
        }
        fields(plan, false);
        break;
      case ANY:
        if (token != START_OBJECT) {
          throw invalid(token, "a JSON object with \"@type\" for google.protobuf.Any");
        }
        any();
        break;
      case TIMESTAMP:
      case DURATION:
        try {
          scalars.secondsAndNanos(parser, plan.wellKnown, token);
        } catch (IllegalArgumentException e) {
          throw invalid(token, e);
        }
        break;
      case FIELD_MASK:
        try {
          scalars.fieldMask(parser, token);
        } catch (IllegalArgumentException e) {
          throw invalid(token, e);
        }
        break;
      case STRUCT:
        struct(plan, token);
        break;
      case VALUE:
        value(plan, token);
        break;
      case LIST_VALUE:
        listValue(plan, token);
        break;
      case WRAPPER:
        scalar(plan.fields[0], token, true, true);
        break;
      default:
        throw new AssertionError(plan.wellKnown);
    }
    depth--;
  }

  /** The fields of an object up to its end; {@code skipType} skips {@code "@type"} when re-reading an Any. */
  private void fields(MessagePlan plan, boolean skipType) throws IOException {
    long seen = 0;
    long[] seenBeyond64 = plan.fields.length > 64 ? new long[plan.fields.length / 64 + 1] : null;
    long oneofsSet = 0;
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      FieldPlan field = plan.field(key);
      JsonToken token = parser.nextToken();
      if (field == null) {
        if (strict && !(skipType && key.equals("@type"))) {
          path.pushField(key);
          throw StatusException.invalidArgument("unknown field " + path.describe() + " (expected: a field of "
              + plan.descriptor.getFullName() + ")");
        }
        parser.skipChildren();
        continue;
      }
      path.pushField(key);
      int index = field.index;
      boolean duplicate;
      if (index < 64) {
        duplicate = (seen & (1L << index)) != 0;
        seen |= 1L << index;
      } else {
        duplicate = (seenBeyond64[index / 64] & (1L << index)) != 0;
        seenBeyond64[index / 64] |= 1L << index;
      }
      if (duplicate) {
        throw StatusException.invalidArgument("duplicate field " + path.describe()
            + " (expected: each field once, by its JSON name or its proto name)");
      }
      if (field.oneofIndex >= 0 && (token != VALUE_NULL || field.takesNull())) {
        long bit = 1L << (field.oneofIndex & 63);
        if ((oneofsSet & bit) != 0) {
          throw StatusException.invalidArgument("invalid value " + path.describe() + " (expected: at most one field of"
              + " oneof " + field.descriptor.getRealContainingOneof().getName() + ", but "
              + otherOneofMember(plan, field, seen) + " is set too)");
        }
        oneofsSet |= bit;
      }
      field(field, token);
      path.pop();
    }
  }

  private static String otherOneofMember(MessagePlan plan, FieldPlan field, long seen) {
    for (FieldPlan member : plan.oneofMembers[field.oneofIndex]) {
      if (member != field && member.index < 64 && (seen & (1L << member.index)) != 0) {
        return "\"" + member.jsonName + "\"";
      }
    }
    return "another member";
  }

  private void field(FieldPlan field, JsonToken token) throws IOException {
    if (field.map) {
      map(field, token);
    } else if (field.repeated) {
      repeated(field, token);
    } else if (field.isMessage()) {
      if (token == VALUE_NULL && !field.isValueMessage()) {
        return;
      }
      messageField(field, token);
    } else if (token != VALUE_NULL || field.takesNull()) {
      scalar(field, token, true, !field.hasPresence);
    }
  }

  private void messageField(FieldPlan field, JsonToken token) throws IOException {
    if (field.type == FieldDescriptor.Type.GROUP) {
      throw StatusException.invalidArgument("field " + path.describe() + " is a proto2 group, which Gatehouse does "
          + "not transcode (expected: a message field)");
    }
    out.writeTag(field.tag);
    int mark = out.beginLength();
    messageContent(field.messagePlan(), token);
    out.endLength(mark);
  }

  private void repeated(FieldPlan field, JsonToken token) throws IOException {
    if (token == VALUE_NULL) {
      return;
    }
    if (token != START_ARRAY) {
      throw invalid(token, "a JSON array");
    }
    int index = 0;
    if (field.packed) {
      int start = out.position();
      out.writeTag(field.packedTag);
      int mark = out.beginLength();
      for (JsonToken element = parser.nextToken(); element != END_ARRAY; element = parser.nextToken()) {
        path.pushIndex(index++);
        if (element == VALUE_NULL && !field.takesNull()) {
          throw invalid(element, "an array element that is not null");
        }
        scalar(field, element, false, false);
        path.pop();
      }
      if (out.position() == mark + 1) {
        out.truncate(start);
      } else {
        out.endLength(mark);
      }
      return;
    }
    for (JsonToken element = parser.nextToken(); element != END_ARRAY; element = parser.nextToken()) {
      path.pushIndex(index++);
      if (element == VALUE_NULL && !field.takesNull()) {
        throw invalid(element, "an array element that is not null");
      }
      if (field.isMessage()) {
        messageField(field, element);
      } else {
        scalar(field, element, true, false);
      }
      path.pop();
    }
  }

  private void map(FieldPlan field, JsonToken token) throws IOException {
    if (token == VALUE_NULL) {
      return;
    }
    if (token != START_OBJECT) {
      throw invalid(token, "a JSON object for a map");
    }
    FieldPlan valueField = field.mapValue;
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      path.pushKey(key);
      int start = out.position();
      out.writeTag(field.tag);
      int mark = out.beginLength();
      try {
        scalars.mapKey(field.mapKey, key);
      } catch (IllegalArgumentException e) {
        throw StatusException.invalidArgument("invalid map key " + path.describe() + ": " + quote(key)
            + " (" + e.getMessage() + ")");
      }
      if (value == VALUE_NULL && !valueField.takesNull()) {
        throw invalid(value, "a map value that is not null");
      }
      boolean kept = true;
      if (valueField.isMessage()) {
        messageField(valueField, value);
      } else {
        kept = scalar(valueField, value, true, false);
      }
      if (kept) {
        out.endLength(mark);
      } else {
        out.truncate(start);
      }
      path.pop();
    }
  }

  private void struct(MessagePlan plan, JsonToken token) throws IOException {
    if (token != START_OBJECT) {
      throw invalid(token, "a JSON object for google.protobuf.Struct");
    }
    MessagePlan valuePlan = plan.fields[0].mapValue.messagePlan();
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      path.pushKey(key);
      out.writeTag(0x0A);
      int entry = out.beginLength();
      out.writeTag(0x0A);
      out.writeString(key.toCharArray(), 0, key.length());
      out.writeTag(0x12);
      int mark = out.beginLength();
      messageContent(valuePlan, value);
      out.endLength(mark);
      out.endLength(entry);
      path.pop();
    }
  }

  private void value(MessagePlan plan, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_NULL:
        out.writeTag(0x08);
        out.writeVarint32(0);
        return;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        double number = parser.getDoubleValue();
        if (Double.isInfinite(number)) {
          throw invalid(token, "a JSON number within the range of a double");
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
      case START_OBJECT: {
        out.writeTag(0x2A);
        int mark = out.beginLength();
        messageContent(plan.fieldByNumber(5).messagePlan(), token);
        out.endLength(mark);
        return;
      }
      case START_ARRAY: {
        out.writeTag(0x32);
        int mark = out.beginLength();
        messageContent(plan.fieldByNumber(6).messagePlan(), token);
        out.endLength(mark);
        return;
      }
      default:
        throw invalid(token, "a JSON value");
    }
  }

  private void listValue(MessagePlan plan, JsonToken token) throws IOException {
    if (token != START_ARRAY) {
      throw invalid(token, "a JSON array for google.protobuf.ListValue");
    }
    MessagePlan valuePlan = plan.fields[0].messagePlan();
    int index = 0;
    for (JsonToken element = parser.nextToken(); element != END_ARRAY; element = parser.nextToken()) {
      path.pushIndex(index++);
      out.writeTag(0x0A);
      int mark = out.beginLength();
      messageContent(valuePlan, element);
      out.endLength(mark);
      path.pop();
    }
  }

  /**
   * An Any: {@code "@type"} names the packed type; the other keys are its fields, or {@code "value"} holds its JSON
   * form when it is a well-known type. When {@code "@type"} is not the first key the object is scanned for it and
   * then read again from its bytes; only that case pays for a second pass.
   */
  private void any() throws IOException {
    int objectStart = parserBase + (int) parser.currentTokenLocation().getByteOffset();
    String first = parser.nextFieldName();
    if (first == null) {
      return;
    }
    if (first.equals("@type")) {
      anyBody(typeUrl(parser.nextToken()), false);
      return;
    }
    parser.nextToken();
    parser.skipChildren();
    String typeUrl = null;
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      if (key.equals("@type")) {
        typeUrl = typeUrl(token);
      } else {
        parser.skipChildren();
      }
    }
    if (typeUrl == null) {
      throw StatusException.invalidArgument("invalid value " + path.describe()
          + ": an object without \"@type\" (expected: an Any with \"@type\" naming the packed message type)");
    }
    int objectEnd = parserBase + (int) parser.currentTokenLocation().getByteOffset() + 1;
    JsonParser outer = parser;
    int outerBase = parserBase;
    parser = owner.jsonFactory().createParser(input, objectStart, objectEnd - objectStart);
    parserBase = objectStart;
    try {
      parser.nextToken();
      anyBody(typeUrl, true);
    } finally {
      parser.close();
      parser = outer;
      parserBase = outerBase;
    }
  }

  private String typeUrl(JsonToken token) throws IOException {
    if (token != VALUE_STRING) {
      path.pushField("@type");
      throw invalid(token, "a type URL string like type.googleapis.com/pkg.Message");
    }
    return parser.getText();
  }

  private void anyBody(String typeUrl, boolean skipType) throws IOException {
    Descriptor type = owner.catalog().findMessageByTypeUrl(typeUrl);
    if (type == null) {
      throw StatusException.invalidArgument("invalid value " + path.describe() + ": \"@type\": " + quote(typeUrl)
          + " (expected: the type URL of a message in the descriptor set, like type.googleapis.com/pkg.Message)");
    }
    MessagePlan plan = owner.plan(type);
    out.writeTag(0x0A);
    out.writeString(typeUrl.toCharArray(), 0, typeUrl.length());
    int valueTag = out.position();
    out.writeTag(0x12);
    int mark = out.beginLength();
    if (plan.wellKnown == WellKnown.NONE) {
      fields(plan, skipType);
    } else {
      boolean found = false;
      for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
        JsonToken token = parser.nextToken();
        if (key.equals("value")) {
          path.pushField("value");
          messageContent(plan, token);
          path.pop();
          found = true;
        } else if (strict && !key.equals("@type")) {
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
    if (out.position() == mark + 1) {
      // Any.value is a proto3 bytes field: empty means absent, as protobuf writes it.
      out.truncate(valueTag);
    } else {
      out.endLength(mark);
    }
  }

  /**
   * Writes a scalar (with its tag unless packed); false when the value was dropped (an unknown enum name in lenient
   * mode). {@code skipDefault} leaves a zero out, as protobuf does for fields without presence.
   */
  private boolean scalar(FieldPlan field, JsonToken token, boolean withTag, boolean skipDefault) throws IOException {
    try {
      return scalars.scalar(parser, field, token, withTag, skipDefault);
    } catch (IllegalArgumentException e) {
      throw invalid(token, e);
    }
  }

  private StatusException invalid(JsonToken token, IllegalArgumentException expectation) throws IOException {
    return StatusException.invalidArgument("invalid value " + path.describe() + ": " + describe(token)
        + " (" + expectation.getMessage() + ")");
  }

  private StatusException invalid(JsonToken token, String expected) throws IOException {
    return StatusException.invalidArgument("invalid value " + path.describe() + ": " + describe(token)
        + " (expected: " + expected + ")");
  }

  private String describe(JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return quote(parser.getText());
      default:
        String text = parser.getText();
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
  }

  private static String quote(String text) {
    String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
    return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
