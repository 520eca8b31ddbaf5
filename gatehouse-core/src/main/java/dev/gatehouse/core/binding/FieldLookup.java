package dev.gatehouse.core.binding;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a message's field by the name a client wrote: the proto name ({@code page_size}) or the JSON name
 * ({@code pageSize}, or a custom {@code json_name}). A proto name wins when it equals another field's JSON name, as
 * in grpc-gateway. One table per message type, built on first use and shared by all requests.
 */
final class FieldLookup {
  private final Map<Descriptor, Map<String, FieldDescriptor>> tables = new ConcurrentHashMap<>();

  /** The field of {@code message} called {@code name}, or {@code null}. */
  FieldDescriptor find(Descriptor message, String name) {
    return tables.computeIfAbsent(message, FieldLookup::table).get(name);
  }

  private static Map<String, FieldDescriptor> table(Descriptor message) {
    Map<String, FieldDescriptor> byName = new HashMap<>();
    for (FieldDescriptor field : message.getFields()) {
      byName.putIfAbsent(field.getJsonName(), field);
    }
    for (FieldDescriptor field : message.getFields()) {
      byName.put(field.getName(), field);
    }
    return Map.copyOf(byName);
  }
}
