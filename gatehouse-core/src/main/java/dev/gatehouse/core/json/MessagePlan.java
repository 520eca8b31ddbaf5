package dev.gatehouse.core.json;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.gatehouse.core.wellknown.WellKnown;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What transcoding one message type needs, computed once per type: fields by JSON key (JSON name and proto name) for
 * parsing, by number for reading the wire, and in JsonFormat's order for printing.
 */
final class MessagePlan {
  private static final int DENSE_LIMIT = 512;

  final Descriptor descriptor;
  final WellKnown wellKnown;
  /** Declaration order. */
  final FieldPlan[] fields;
  /** The order JsonFormat prints: by field number (messages hand it their fields in a map sorted by number). */
  final FieldPlan[] printOrder;
  /** For each real oneof, its members. */
  final FieldPlan[][] oneofMembers;
  private final Map<String, FieldPlan> byKey = new HashMap<>();
  private final FieldPlan[] byNumber;
  private final Map<Integer, FieldPlan> sparseByNumber = new HashMap<>();

  MessagePlan(ProtoJson owner, Descriptor descriptor, JsonOptions options) {
    this.descriptor = descriptor;
    this.wellKnown = WellKnown.of(descriptor);
    List<FieldDescriptor> declared = descriptor.getFields();
    fields = new FieldPlan[declared.size()];
    int maxNumber = 0;
    for (int i = 0; i < fields.length; i++) {
      fields[i] = new FieldPlan(owner, declared.get(i), i, options.useProtoNames());
      maxNumber = Math.max(maxNumber, fields[i].number);
    }
    byNumber = new FieldPlan[Math.min(maxNumber, DENSE_LIMIT) + 1];
    for (FieldPlan field : fields) {
      if (field.number < byNumber.length) {
        byNumber[field.number] = field;
      } else {
        sparseByNumber.put(field.number, field);
      }
      // The JSON name wins over a proto name that happens to equal it, as in JsonFormat.
      byKey.putIfAbsent(field.protoName, field);
    }
    for (FieldPlan field : fields) {
      byKey.put(field.jsonName, field);
    }
    printOrder = fields.clone();
    Arrays.sort(printOrder, Comparator.comparingInt(f -> f.number));
    oneofMembers = new FieldPlan[descriptor.getRealOneofs().size()][];
    for (int i = 0; i < oneofMembers.length; i++) {
      final int oneof = i;
      oneofMembers[i] = Arrays.stream(fields).filter(f -> f.oneofIndex == oneof).toArray(FieldPlan[]::new);
    }
  }

  /** The field a JSON key names (JSON name or proto name), or {@code null}. */
  FieldPlan field(String key) {
    return byKey.get(key);
  }

  /** The field with that number, or {@code null}. */
  FieldPlan fieldByNumber(int number) {
    if (number < byNumber.length) {
      return byNumber[number];
    }
    return sparseByNumber.get(number);
  }
}
