package dev.gatehouse.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.Descriptors.Descriptor;
import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.core.wellknown.DurationText;
import dev.gatehouse.core.wellknown.FieldMaskText;
import dev.gatehouse.core.wellknown.TimestampText;
import dev.gatehouse.core.wellknown.WellKnown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the well-known types in their own JSON forms, from a message already scanned by {@link ProtoToJson}:
 * timestamps, durations and field masks as strings, wrappers as their value, Struct, Value and ListValue as plain
 * JSON, and Any with {@code "@type"} first.
 */
final class WellKnownPrinter {
  private WellKnownPrinter() {}

  static void print(ProtoToJson printer, MessagePlan plan, int[] head, byte[] b, int end) throws IOException {
    JsonGenerator out = printer.out();
    switch (plan.wellKnown) {
      case TIMESTAMP:
      case DURATION: {
        long seconds = head[0] < 0 ? 0 : WireReader.varint(b, printer.occurrenceStart(head[0]), end);
        int nanos = head[1] < 0 ? 0 : (int) WireReader.varint(b, printer.occurrenceStart(head[1]), end);
        try {
          out.writeString(plan.wellKnown == WellKnown.TIMESTAMP
              ? TimestampText.format(seconds, nanos)
              : DurationText.format(seconds, nanos));
        } catch (IllegalArgumentException e) {
          throw new StatusException(GrpcCode.INTERNAL, "cannot print " + plan.descriptor.getFullName()
              + " as JSON: " + e.getMessage(), e);
        }
        break;
      }
      case FIELD_MASK: {
        List<String> paths = new ArrayList<>();
        for (int o = head[0]; o >= 0; o = printer.nextOccurrence(o)) {
          paths.add(new String(b, printer.occurrenceStart(o), printer.occurrenceEnd(o) - printer.occurrenceStart(o), StandardCharsets.UTF_8));
        }
        out.writeString(FieldMaskText.format(paths));
        break;
      }
      case WRAPPER:
        if (head[0] >= 0) {
          printer.scalar(plan.fields[0], b, printer.occurrenceStart(head[0]), printer.occurrenceEnd(head[0]));
        } else {
          printer.scalar(plan.fields[0], ProtoToJson.ZEROS, 0, 0);
        }
        break;
      case STRUCT:
        if (head[0] >= 0) {
          MapPrinter.print(printer, plan.fields[0], head[0], b);
        } else {
          out.writeStartObject();
          out.writeEndObject();
        }
        break;
      case LIST_VALUE: {
        out.writeStartArray();
        MessagePlan valuePlan = plan.fields[0].messagePlan();
        for (int o = head[0]; o >= 0; o = printer.nextOccurrence(o)) {
          printer.printMessage(valuePlan, b, printer.occurrenceStart(o), printer.occurrenceEnd(o));
        }
        out.writeEndArray();
        break;
      }
      case VALUE:
        value(printer, plan, head, b);
        break;
      case ANY:
        any(printer, plan, head, b);
        break;
      default:
        throw new AssertionError(plan.wellKnown);
    }
  }

  /** A Value prints its one kind; a Value with no kind set prints null, as JsonFormat does. */
  private static void value(ProtoToJson printer, MessagePlan plan, int[] head, byte[] b) throws IOException {
    JsonGenerator out = printer.out();
    for (FieldPlan kind : plan.fields) {
      int o = head[kind.index];
      if (o < 0) {
        continue;
      }
      if (kind.isMessage()) {
        printer.messageOccurrences(kind.messagePlan(), o, b);
      } else {
        printer.scalar(kind, b, printer.occurrenceStart(o), printer.occurrenceEnd(o));
      }
      return;
    }
    out.writeNull();
  }

  private static void any(ProtoToJson printer, MessagePlan plan, int[] head, byte[] b) throws IOException {
    JsonGenerator out = printer.out();
    int typeUrlAt = head[0];
    int valueAt = head[1];
    if (typeUrlAt < 0 && valueAt < 0) {
      // JsonFormat prints an empty Any as a literal "{}", also when indenting.
      out.writeRawValue("{}");
      return;
    }
    String typeUrl = typeUrlAt < 0 ? ""
        : new String(b, printer.occurrenceStart(typeUrlAt), printer.occurrenceEnd(typeUrlAt) - printer.occurrenceStart(typeUrlAt), StandardCharsets.UTF_8);
    Descriptor type = printer.owner().catalog().findMessageByTypeUrl(typeUrl);
    if (type == null) {
      throw new StatusException(GrpcCode.INTERNAL, "cannot print google.protobuf.Any as JSON: its type URL "
          + "\"" + typeUrl + "\" names no message in the descriptor set");
    }
    MessagePlan packed = printer.owner().plan(type);
    int valueStart = valueAt < 0 ? 0 : printer.occurrenceStart(valueAt);
    int valueEnd = valueAt < 0 ? 0 : printer.occurrenceEnd(valueAt);
    byte[] valueBytes = valueAt < 0 ? ProtoToJson.ZEROS : b;
    out.writeStartObject();
    out.writeFieldName("@type");
    out.writeString(typeUrl);
    if (packed.wellKnown == WellKnown.NONE) {
      printer.printFields(packed, valueBytes, valueStart, valueEnd);
    } else {
      out.writeFieldName("value");
      printer.printMessage(packed, valueBytes, valueStart, valueEnd);
    }
    out.writeEndObject();
  }
}
