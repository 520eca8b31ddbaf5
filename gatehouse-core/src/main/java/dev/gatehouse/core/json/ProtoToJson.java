package dev.gatehouse.core.json;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.WireFormat;
import dev.gatehouse.core.json.WireReader.MalformedWireException;
import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.core.wellknown.WellKnown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Protobuf wire bytes to JSON, printed as JsonFormat prints the same message. Not thread-safe; one per call.
 *
 * <p>The wire may hold fields in any order, a message field several times (the occurrences merge) and repeated
 * fields interleaved with others, while JSON needs each field once, in JsonFormat's order. So each message is
 * scanned first: every occurrence of a known field is noted (offsets into the bytes, chained per field, in one
 * shared int array used as a stack), then fields are printed from where they lie. Nothing is copied except the
 * occurrences of a message field that appears more than once.
 */
final class ProtoToJson {
  private static final int STRIDE = 4;
  private static final int START = 0;
  private static final int END = 1;
  private static final int WIRE_TYPE = 2;
  private static final int NEXT = 3;
  /** Stands for an absent value: zero varints, zero fixed values, and (with length 0) empty content. */
  static final byte[] ZEROS = new byte[10];
  /** ASCII bytes JsonFormat prints as they are; everything else goes through the escaping generator. */
  private static final boolean[] PLAIN = new boolean[128];

  static {
    for (int c = 0x20; c < 0x7F; c++) {
      PLAIN[c] = true;
    }
    for (char c : "\"\\<>&='".toCharArray()) {
      PLAIN[c] = false;
    }
  }

  private final ProtoJson owner;
  private final JsonGenerator out;
  private final boolean emitUnpopulated;
  private final boolean enumsAsNumbers;
  private final int[] valueStart = new int[1];
  private int[] occurrences = new int[STRIDE * 16];
  private int top;
  private int[][] heads = new int[8][];
  private int[][] tails = new int[8][];
  private int depth;

  ProtoToJson(ProtoJson owner, JsonGenerator out) {
    this.owner = owner;
    this.out = out;
    this.emitUnpopulated = owner.options().emitUnpopulated();
    this.enumsAsNumbers = owner.options().enumsAsNumbers();
  }

  void message(MessagePlan plan, byte[] b, int start, int end) throws IOException {
    try {
      message(plan, b, start, end, false);
    } catch (MalformedWireException e) {
      throw new StatusException(GrpcCode.INTERNAL, "cannot print " + plan.descriptor.getFullName()
          + " as JSON: the bytes are not a valid message (" + e.getMessage() + ")", e);
    }
  }

  /** Prints the value of one field of the message in {@code b} (absent: its default), without the field name. */
  void fieldValue(MessagePlan plan, FieldPlan field, byte[] b, int start, int end) throws IOException {
    try {
      depth++;
      int savedTop = top;
      int[] head = scan(plan, b, start, end);
      int first = head[field.index];
      if (first >= 0) {
        value(field, first, b);
      } else if (field.map) {
        out.writeStartObject();
        out.writeEndObject();
      } else if (field.repeated) {
        out.writeStartArray();
        out.writeEndArray();
      } else if (field.isMessage()) {
        message(field.messagePlan(), ZEROS, 0, 0, false);
      } else {
        scalar(field, ZEROS, 0, 0);
      }
      top = savedTop;
      depth--;
    } catch (MalformedWireException e) {
      throw new StatusException(GrpcCode.INTERNAL, "cannot print " + plan.descriptor.getFullName()
          + " as JSON: the bytes are not a valid message (" + e.getMessage() + ")", e);
    }
  }

  /** A message as a JSON object, or its fields only ({@code inline}) for the body of an Any. */
  private void message(MessagePlan plan, byte[] b, int start, int end, boolean inline) throws IOException {
    if (++depth > JsonToProto.MAX_DEPTH) {
      throw new StatusException(GrpcCode.INTERNAL, "cannot print " + plan.descriptor.getFullName()
          + " as JSON: messages nested deeper than " + JsonToProto.MAX_DEPTH);
    }
    int savedTop = top;
    if (plan.wellKnown != WellKnown.NONE) {
      wellKnown(plan, b, start, end);
    } else {
      int[] head = scan(plan, b, start, end);
      if (!inline) {
        out.writeStartObject();
      }
      for (FieldPlan field : plan.printOrder) {
        int first = head[field.index];
        if (first >= 0) {
          field(field, first, b);
        } else if (emitUnpopulated && !field.hasPresence) {
          out.writeFieldName(field.printName);
          if (field.map) {
            out.writeStartObject();
            out.writeEndObject();
          } else if (field.repeated) {
            out.writeStartArray();
            out.writeEndArray();
          } else {
            scalar(field, ZEROS, 0, 0);
          }
        }
      }
      if (!inline) {
        out.writeEndObject();
      }
    }
    top = savedTop;
    depth--;
  }

  /**
   * Notes where each known field occurs; returns, per field index, the first occurrence or -1. Singular scalars keep
   * only their last occurrence (last one wins), and a oneof member forgets the members seen before it.
   */
  private int[] scan(MessagePlan plan, byte[] b, int start, int end) {
    int count = plan.fields.length;
    if (depth >= heads.length) {
      heads = Arrays.copyOf(heads, depth * 2);
      tails = Arrays.copyOf(tails, depth * 2);
    }
    int[] head = heads[depth];
    if (head == null || head.length < count) {
      head = new int[Math.max(count, 8)];
      heads[depth] = head;
      tails[depth] = new int[head.length];
    }
    int[] tail = tails[depth];
    Arrays.fill(head, 0, count, -1);
    int p = start;
    while (p < end) {
      int tag = (int) WireReader.varint(b, p, end);
      p = WireReader.varintEnd(b, p, end);
      int valueEnd = WireReader.valueEnd(b, p, end, tag, valueStart);
      int valueBegin = valueStart[0];
      p = valueEnd;
      int number = tag >>> 3;
      if (number == 0) {
        throw new MalformedWireException("field number 0");
      }
      FieldPlan field = plan.fieldByNumber(number);
      int wireType = tag & 7;
      if (field == null || (wireType != field.wireType
          && !(field.packable && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED))) {
        continue;
      }
      if (field.wireType == WireFormat.WIRETYPE_START_GROUP) {
        throw new StatusException(GrpcCode.INTERNAL, "cannot print " + plan.descriptor.getFullName()
            + " as JSON: field " + field.protoName + " is a proto2 group, which Gatehouse does not transcode");
      }
      if (isUnknownClosedEnum(field, b, valueBegin, wireType)) {
        // protobuf-java keeps such a value among the unknown fields, where JsonFormat does not look.
        continue;
      }
      int occurrence = push(valueBegin, valueEnd, wireType);
      int index = field.index;
      if ((!field.repeated && !field.isMessage()) || head[index] < 0) {
        head[index] = occurrence;
      } else {
        occurrences[tail[index] * STRIDE + NEXT] = occurrence;
      }
      tail[index] = occurrence;
      if (field.oneofIndex >= 0) {
        for (FieldPlan member : plan.oneofMembers[field.oneofIndex]) {
          if (member != field) {
            head[member.index] = -1;
          }
        }
      }
    }
    return head;
  }

  /** A proto2 (closed) enum value without a name. */
  static boolean isUnknownClosedEnum(FieldPlan field, byte[] b, int start, int wireType) {
    return field.enumPlan != null && field.enumPlan.closed && wireType == WireFormat.WIRETYPE_VARINT
        && !field.enumPlan.isKnown((int) WireReader.varint(b, start, b.length));
  }

  private int push(int start, int end, int wireType) {
    if ((top + 1) * STRIDE > occurrences.length) {
      occurrences = Arrays.copyOf(occurrences, occurrences.length * 2);
    }
    int at = top * STRIDE;
    occurrences[at + START] = start;
    occurrences[at + END] = end;
    occurrences[at + WIRE_TYPE] = wireType;
    occurrences[at + NEXT] = -1;
    return top++;
  }

  private int start(int occurrence) {
    return occurrences[occurrence * STRIDE + START];
  }

  private int end(int occurrence) {
    return occurrences[occurrence * STRIDE + END];
  }

  private int next(int occurrence) {
    return occurrences[occurrence * STRIDE + NEXT];
  }

  private boolean isPackedRun(FieldPlan field, int occurrence) {
    return field.packable && occurrences[occurrence * STRIDE + WIRE_TYPE] == WireFormat.WIRETYPE_LENGTH_DELIMITED;
  }

  /** A present field, name and value, unless it holds a default that is not printed. */
  private void field(FieldPlan field, int first, byte[] b) throws IOException {
    if (!emitUnpopulated) {
      if (field.repeated && !field.map && !hasElements(field, first)) {
        return;
      }
      if (!field.repeated && !field.hasPresence && isZero(field, first, b)) {
        return;
      }
    }
    out.writeFieldName(field.printName);
    value(field, first, b);
  }

  private void value(FieldPlan field, int first, byte[] b) throws IOException {
    if (field.map) {
      MapPrinter.print(this, field, first, b);
    } else if (field.repeated) {
      out.writeStartArray();
      for (int o = first; o >= 0; o = next(o)) {
        if (isPackedRun(field, o)) {
          packed(field, b, start(o), end(o));
        } else if (field.isMessage()) {
          message(field.messagePlan(), b, start(o), end(o), false);
        } else {
          scalar(field, b, start(o), end(o));
        }
      }
      out.writeEndArray();
    } else if (field.isMessage()) {
      messageOccurrences(field.messagePlan(), first, b);
    } else {
      scalar(field, b, start(first), end(first));
    }
  }

  /** A singular message field: one occurrence printed where it lies, several merged by concatenation. */
  void messageOccurrences(MessagePlan plan, int first, byte[] b) throws IOException {
    if (next(first) < 0) {
      message(plan, b, start(first), end(first), false);
      return;
    }
    int length = 0;
    for (int o = first; o >= 0; o = next(o)) {
      length += end(o) - start(o);
    }
    byte[] merged = new byte[length];
    int p = 0;
    for (int o = first; o >= 0; o = next(o)) {
      System.arraycopy(b, start(o), merged, p, end(o) - start(o));
      p += end(o) - start(o);
    }
    message(plan, merged, 0, length, false);
  }

  private boolean hasElements(FieldPlan field, int first) {
    for (int o = first; o >= 0; o = next(o)) {
      if (!isPackedRun(field, o) || end(o) > start(o)) {
        return true;
      }
    }
    return false;
  }

  private boolean isZero(FieldPlan field, int occurrence, byte[] b) {
    int start = start(occurrence);
    int end = end(occurrence);
    switch (field.wireType) {
      case WireFormat.WIRETYPE_VARINT:
        return WireReader.varint(b, start, end) == 0;
      case WireFormat.WIRETYPE_FIXED32:
        return WireReader.fixed32(b, start) == 0;
      case WireFormat.WIRETYPE_FIXED64:
        return WireReader.fixed64(b, start) == 0;
      default:
        return end == start;
    }
  }

  private void packed(FieldPlan field, byte[] b, int start, int end) throws IOException {
    int p = start;
    while (p < end) {
      int valueEnd;
      switch (field.wireType) {
        case WireFormat.WIRETYPE_VARINT:
          valueEnd = WireReader.varintEnd(b, p, end);
          break;
        case WireFormat.WIRETYPE_FIXED32:
          valueEnd = p + 4;
          break;
        default:
          valueEnd = p + 8;
      }
      if (valueEnd > end) {
        throw new MalformedWireException("packed field " + field.number + " ends inside a value");
      }
      if (!isUnknownClosedEnum(field, b, p, WireFormat.WIRETYPE_VARINT)) {
        scalar(field, b, p, valueEnd);
      }
      p = valueEnd;
    }
  }

  /** A scalar value at {@code [start, end)}; {@code ZEROS, 0, 0} prints the type's default. */
  void scalar(FieldPlan field, byte[] b, int start, int end) throws IOException {
    switch (field.type) {
      case INT32:
        out.writeNumber((int) WireReader.varint(b, start, b.length));
        break;
      case SINT32: {
        int value = (int) WireReader.varint(b, start, b.length);
        out.writeNumber((value >>> 1) ^ -(value & 1));
        break;
      }
      case UINT32:
        out.writeNumber(WireReader.varint(b, start, b.length) & 0xFFFF_FFFFL);
        break;
      case INT64:
        out.writeString(Long.toString(WireReader.varint(b, start, b.length)));
        break;
      case SINT64: {
        long value = WireReader.varint(b, start, b.length);
        out.writeString(Long.toString((value >>> 1) ^ -(value & 1)));
        break;
      }
      case UINT64:
        out.writeString(Long.toUnsignedString(WireReader.varint(b, start, b.length)));
        break;
      case FIXED32:
        out.writeNumber(WireReader.fixed32(b, start) & 0xFFFF_FFFFL);
        break;
      case SFIXED32:
        out.writeNumber(WireReader.fixed32(b, start));
        break;
      case FIXED64:
        out.writeString(Long.toUnsignedString(WireReader.fixed64(b, start)));
        break;
      case SFIXED64:
        out.writeString(Long.toString(WireReader.fixed64(b, start)));
        break;
      case DOUBLE:
        writeDouble(Double.longBitsToDouble(WireReader.fixed64(b, start)));
        break;
      case FLOAT:
        writeFloat(Float.intBitsToFloat(WireReader.fixed32(b, start)));
        break;
      case BOOL:
        out.writeBoolean(WireReader.varint(b, start, b.length) != 0);
        break;
      case STRING:
        writeUtf8(b, start, end - start);
        break;
      case BYTES:
        out.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, b, start, end - start);
        break;
      case ENUM:
        writeEnum(field.enumPlan, (int) WireReader.varint(b, start, b.length));
        break;
      default:
        throw new AssertionError(field.type);
    }
  }

  private void writeEnum(EnumPlan plan, int number) throws IOException {
    if (plan.isNullValue) {
      out.writeNull();
      return;
    }
    var name = enumsAsNumbers ? null : plan.name(number);
    if (name == null) {
      out.writeNumber(number);
    } else {
      out.writeString(name);
    }
  }

  /** JsonFormat prints doubles with Double.toString, and the three non-finite values as strings. */
  private void writeDouble(double value) throws IOException {
    if (Double.isNaN(value)) {
      out.writeString("NaN");
    } else if (Double.isInfinite(value)) {
      out.writeString(value > 0 ? "Infinity" : "-Infinity");
    } else {
      out.writeNumber(Double.toString(value));
    }
  }

  private void writeFloat(float value) throws IOException {
    if (Float.isNaN(value)) {
      out.writeString("NaN");
    } else if (Float.isInfinite(value)) {
      out.writeString(value > 0 ? "Infinity" : "-Infinity");
    } else {
      out.writeNumber(Float.toString(value));
    }
  }

  /** Plain ASCII goes out as it is; anything needing escapes or UTF-8 decoding goes through a String. */
  void writeUtf8(byte[] b, int start, int length) throws IOException {
    int end = start + length;
    for (int i = start; i < end; i++) {
      int c = b[i];
      if (c < 0 || !PLAIN[c]) {
        out.writeString(new String(b, start, length, StandardCharsets.UTF_8));
        return;
      }
    }
    out.writeRawUTF8String(b, start, length);
  }

  private void wellKnown(MessagePlan plan, byte[] b, int start, int end) throws IOException {
    WellKnownPrinter.print(this, plan, scan(plan, b, start, end), b, end);
  }

  JsonGenerator out() {
    return out;
  }

  int occurrenceStart(int occurrence) {
    return start(occurrence);
  }

  int occurrenceEnd(int occurrence) {
    return end(occurrence);
  }

  int nextOccurrence(int occurrence) {
    return next(occurrence);
  }

  void printMessage(MessagePlan plan, byte[] b, int start, int end) throws IOException {
    message(plan, b, start, end, false);
  }

  /** A message's fields without the braces, for the body of an Any. */
  void printFields(MessagePlan plan, byte[] b, int start, int end) throws IOException {
    message(plan, b, start, end, true);
  }

  ProtoJson owner() {
    return owner;
  }
}
