package dev.gatehouse.core.json;

import static com.fasterxml.jackson.core.JsonToken.END_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NULL;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.core.wellknown.WellKnown;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One JSON document to protobuf wire bytes: parser events in, {@link WireWriter} writes out, no tree and no message
 * objects in between. Walks messages, fields, repeated fields and maps; {@link WellKnownParser} reads the types with a
 * JSON form of their own. Not thread-safe; one per call.
 */
final class JsonToProto {
  /** Protobuf's own default recursion limit, which JsonFormat applies too. */
  static final int MAX_DEPTH = 100;

  /** Reads from the value at {@code first}, the parser standing on it. */
  @FunctionalInterface
  interface ValueReader {
    void read(JsonToken first) throws IOException;
  }

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
    return document(token -> {
      if (token == VALUE_NULL && plan.wellKnown != WellKnown.VALUE) {
        throw invalid(token, "a JSON object for " + plan.descriptor.getFullName());
      }
      messageContent(plan, token);
    });
  }

  /** One field's value, written as that field's wire encoding (tag included); an empty document writes nothing. */
  WireWriter field(FieldPlan field) {
    return document(token -> {
      path.pushField(field.jsonName);
      field(field, token);
      path.pop();
    });
  }

  /** The one JSON value of the document, if any, through {@code value}; anything after it is an error. */
  private WireWriter document(ValueReader value) {
    try (JsonParser p = parser) {
      JsonToken token = p.nextToken();
      if (token != null) {
        value.read(token);
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

  ProtoJson owner() {
    return owner;
  }

  boolean strict() {
    return strict;
  }

  /** The parser of the input being read; it changes only during {@link #reread}. */
  JsonParser parser() {
    return parser;
  }

  WireWriter out() {
    return out;
  }

  ScalarWriter scalars() {
    return scalars;
  }

  JsonPath path() {
    return path;
  }

  /** Where the current token starts in the whole input. */
  int tokenOffset() {
    return parserBase + (int) parser.currentTokenLocation().getByteOffset();
  }

  /**
   * Reads {@code input[start, end)} a second time through {@code value}, with a parser of its own standing on its
   * first token; the outer parser goes on where it was after.
   */
  void reread(int start, int end, ValueReader value) throws IOException {
    JsonParser outer = parser;
    int outerBase = parserBase;
    parser = owner.jsonFactory().createParser(input, start, end - start);
    parserBase = start;
    try {
      value.read(parser.nextToken());
    } finally {
      parser.close();
      parser = outer;
      parserBase = outerBase;
    }
  }

  /** The content of a message (no tag, no length) from the value at the current token. */
  void messageContent(MessagePlan plan, JsonToken token) throws IOException {
    if (++depth > MAX_DEPTH) {
      throw StatusException.invalidArgument("JSON nested deeper than " + MAX_DEPTH + " messages " + path.describe());
    }
    if (plan.wellKnown == WellKnown.NONE) {
      if (token != START_OBJECT) {
        throw invalid(token, "a JSON object for " + plan.descriptor.getFullName());
      }
      fields(plan, false);
    } else {
      WellKnownParser.parse(this, plan, token);
    }
    depth--;
  }

  /** The fields of an object up to its end; {@code skipType} skips {@code "@type"} when re-reading an Any. */
  void fields(MessagePlan plan, boolean skipType) throws IOException {
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
    embeddedMessage(field.tag, field.messagePlan(), token);
  }

  /** A length-delimited message under {@code tag}, its content from the value at {@code token}. */
  void embeddedMessage(int tag, MessagePlan plan, JsonToken token) throws IOException {
    out.writeTag(tag);
    int mark = out.beginLength();
    messageContent(plan, token);
    out.endLength(mark);
  }

  /** A JSON array; packed fields write one length-delimited run (none when empty), the others a tag per element. */
  private void repeated(FieldPlan field, JsonToken token) throws IOException {
    if (token == VALUE_NULL) {
      return;
    }
    if (token != START_ARRAY) {
      throw invalid(token, "a JSON array");
    }
    boolean packed = field.packed;
    int start = out.position();
    int mark = 0;
    if (packed) {
      out.writeTag(field.packedTag);
      mark = out.beginLength();
    }
    int index = 0;
    for (JsonToken element = parser.nextToken(); element != END_ARRAY; element = parser.nextToken()) {
      path.pushIndex(index++);
      if (element == VALUE_NULL && !field.takesNull()) {
        throw invalid(element, "an array element that is not null");
      }
      if (field.isMessage()) {
        messageField(field, element);
      } else {
        scalar(field, element, !packed, false);
      }
      path.pop();
    }
    if (packed) {
      if (out.position() == mark + 1) {
        out.truncate(start);
      } else {
        out.endLength(mark);
      }
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

  /**
   * Writes a scalar (with its tag unless packed); false when the value was dropped (an unknown enum name in lenient
   * mode). {@code skipDefault} leaves a zero out, as protobuf does for fields without presence.
   */
  boolean scalar(FieldPlan field, JsonToken token, boolean withTag, boolean skipDefault) throws IOException {
    try {
      return scalars.scalar(parser, field, token, withTag, skipDefault);
    } catch (IllegalArgumentException e) {
      throw invalid(token, e);
    }
  }

  /** The value at {@code token} failed {@code expectation}, whose message is {@code expected: ...}. */
  StatusException invalid(JsonToken token, IllegalArgumentException expectation) throws IOException {
    return invalidValue(token, expectation.getMessage());
  }

  StatusException invalid(JsonToken token, String expected) throws IOException {
    return invalidValue(token, "expected: " + expected);
  }

  private StatusException invalidValue(JsonToken token, String expectation) throws IOException {
    return StatusException.invalidArgument("invalid value " + path.describe() + ": " + describe(token)
        + " (" + expectation + ")");
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

  static String quote(String text) {
    String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
    return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
