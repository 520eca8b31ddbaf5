package dev.gatehouse.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints a map field (and {@code Struct}'s fields) as a JSON object. A key that occurs twice keeps its first
 * position and its last value, as a parsed message's map does; an entry without key or value prints the default.
 */
final class MapPrinter {
  private static final int KEY_START = 0;
  private static final int KEY_END = 1;
  private static final int VALUE_START = 2;
  private static final int VALUE_END = 3;

  private MapPrinter() {}

  static void print(ProtoToJson printer, FieldPlan field, int first, byte[] b) throws IOException {
    FieldPlan keyField = field.mapKey;
    FieldPlan valueField = field.mapValue;
    int count = 0;
    for (int o = first; o >= 0; o = printer.nextOccurrence(o)) {
      count++;
    }
    int[] entries = new int[count * 4];
    String[] keys = new String[count];
    int[] valueStart = new int[1];
    int i = 0;
    for (int o = first; o >= 0; o = printer.nextOccurrence(o)) {
      int at = i * 4;
      entries[at + KEY_START] = -1;
      entries[at + VALUE_START] = -1;
      int p = printer.occurrenceStart(o);
      int end = printer.occurrenceEnd(o);
      while (p < end) {
        int tag = (int) WireReader.varint(b, p, end);
        p = WireReader.varintEnd(b, p, end);
        int valueEnd = WireReader.valueEnd(b, p, end, tag, valueStart);
        if (tag == keyField.tag) {
          entries[at + KEY_START] = valueStart[0];
          entries[at + KEY_END] = valueEnd;
        } else if (tag == valueField.tag) {
          entries[at + VALUE_START] = valueStart[0];
          entries[at + VALUE_END] = valueEnd;
        }
        p = valueEnd;
      }
      if (entries[at + VALUE_START] >= 0
          && ProtoToJson.isUnknownClosedEnum(valueField, b, entries[at + VALUE_START], valueField.wireType)) {
        // protobuf-java keeps the whole entry among the unknown fields.
        continue;
      }
      keys[i] = entries[at + KEY_START] < 0 ? keyText(keyField, ProtoToJson.ZEROS, 0, 0)
          : keyText(keyField, b, entries[at + KEY_START], entries[at + KEY_END]);
      i++;
    }
    count = i;
    JsonGenerator out = printer.out();
    out.writeStartObject();
    if (count == 1) {
      out.writeFieldName(keys[0]);
      value(printer, valueField, entries, 0, b);
    } else {
      Map<String, Integer> last = new LinkedHashMap<>(count * 2);
      for (int e = 0; e < count; e++) {
        last.put(keys[e], e);
      }
      for (Map.Entry<String, Integer> entry : last.entrySet()) {
        out.writeFieldName(entry.getKey());
        value(printer, valueField, entries, entry.getValue(), b);
      }
    }
    out.writeEndObject();
  }

  private static void value(ProtoToJson printer, FieldPlan valueField, int[] entries, int entry, byte[] b)
      throws IOException {
    int start = entries[entry * 4 + VALUE_START];
    int end = entries[entry * 4 + VALUE_END];
    if (start < 0) {
      b = ProtoToJson.ZEROS;
      start = 0;
      end = 0;
    }
    if (valueField.isMessage()) {
      printer.printMessage(valueField.messagePlan(), b, start, end);
    } else {
      printer.scalar(valueField, b, start, end);
    }
  }

  private static String keyText(FieldPlan keyField, byte[] b, int start, int end) {
    switch (keyField.type) {
      case STRING:
        return new String(b, start, end - start, StandardCharsets.UTF_8);
      case BOOL:
        return WireReader.varint(b, start, b.length) != 0 ? "true" : "false";
      case INT32:
        return Integer.toString((int) WireReader.varint(b, start, b.length));
      case SINT32: {
        int value = (int) WireReader.varint(b, start, b.length);
        return Integer.toString((value >>> 1) ^ -(value & 1));
      }
      case UINT32:
        return Long.toString(WireReader.varint(b, start, b.length) & 0xFFFF_FFFFL);
      case INT64:
        return Long.toString(WireReader.varint(b, start, b.length));
      case SINT64: {
        long value = WireReader.varint(b, start, b.length);
        return Long.toString((value >>> 1) ^ -(value & 1));
      }
      case UINT64:
        return Long.toUnsignedString(WireReader.varint(b, start, b.length));
      case FIXED32:
        return Long.toString(WireReader.fixed32(b, start) & 0xFFFF_FFFFL);
      case SFIXED32:
        return Integer.toString(WireReader.fixed32(b, start));
      case FIXED64:
        return Long.toUnsignedString(WireReader.fixed64(b, start));
      case SFIXED64:
        return Long.toString(WireReader.fixed64(b, start));
      default:
        throw new AssertionError(keyField.type);
    }
  }
}
