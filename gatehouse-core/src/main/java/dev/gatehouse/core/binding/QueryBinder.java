package dev.gatehouse.core.binding;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import dev.gatehouse.core.status.StatusException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Query parameters → encodings appended to the request message. One instance per request: it remembers what the
 * earlier parameters set, to refuse a singular field given twice, a map key given twice and two members of a oneof.
 *
 * <p>Keys are dotted paths of proto or JSON names through singular message fields ({@code book.author_name},
 * {@code book.authorName}); a map entry is {@code m[key]}; a repeated field takes one value per occurrence of its key
 * (and {@code ids[]} is read as {@code ids}, for clients that serialize arrays PHP-style).
 */
final class QueryBinder {
  private final RouteBinding binding;
  private final FieldLookup lookup;
  private final LeafEncoder leaves;
  private final boolean strict;
  /** Proto paths of the singular leaves set so far. */
  private final Set<String> assigned = new HashSet<>();
  /** Proto paths of the messages that contain a leaf set so far. */
  private final Set<String> containers = new HashSet<>();
  /** {@code parent path#oneof} → the member a parameter set. */
  private final Map<String, String> oneofMembers = new HashMap<>();
  /** Map field proto path → the encoded keys given so far. */
  private final Map<String, Set<ByteString>> mapKeys = new HashMap<>();
  private final Set<FieldDescriptor> topLevelFields = new HashSet<>();

  QueryBinder(RouteBinding binding, FieldLookup lookup, LeafEncoder leaves, boolean strict) {
    this.binding = binding;
    this.lookup = lookup;
    this.leaves = leaves;
    this.strict = strict;
  }

  /** Whether a parameter set {@code field} of the request message or a field inside it. */
  boolean setsTopLevel(FieldDescriptor field) {
    return topLevelFields.contains(field);
  }

  /** Appends the encoding of one parameter to {@code out}, or ignores the parameter; see the class comment. */
  void bind(String key, String value, CodedOutputStream out) throws IOException {
    String name = key;
    String mapKey = null;
    // Field names have no brackets and map keys may, so the key starts at the first one.
    int open = key.indexOf('[');
    if (open > 0 && key.endsWith("]")) {
      name = key.substring(0, open);
      mapKey = key.substring(open + 1, key.length() - 1);
    }
    List<FieldDescriptor> path = resolve(key, name);
    if (path == null) {
      return;
    }
    FieldDescriptor leaf = path.get(path.size() - 1);
    String protoPath = protoPath(path, path.size());
    String boundBelow = binding.boundBelow(protoPath);
    if (boundBelow != null) {
      ignoreBound(key, "field \"" + boundBelow + "\" is bound by " + binding.boundBy(boundBelow));
      return;
    }
    if (mapKey != null && !leaf.isMapField()) {
      if (!leaf.isRepeated() || !mapKey.isEmpty()) {
        throw StatusException.invalidArgument("query parameter \"" + key + "\": \"" + name
            + "\" is not a map field (expected: " + name + "=value)");
      }
      mapKey = null;
    }
    if (leaf.isMapField() && mapKey == null) {
      throw StatusException.invalidArgument("query parameter \"" + key + "\": \"" + name
          + "\" is a map field (expected: " + name + "[key]=value)");
    }
    checkOneofs(key, path);
    String source = "query parameter \"" + key + "\"";
    if (leaf.isMapField()) {
      checkConflicts(key, path, protoPath, false);
      WireEncoding.writeNested(out, path.subList(0, path.size() - 1),
          mapEntry(key, protoPath, leaf, mapKey, value, source));
    } else {
      if (!leaves.isLeaf(leaf)) {
        throw StatusException.invalidArgument("query parameter \"" + key + "\": \"" + name + "\" is the message "
            + leaf.getMessageType().getFullName() + " (expected: a path to " + LeafEncoder.expected(leaf) + ")");
      }
      checkConflicts(key, path, protoPath, !leaf.isRepeated());
      leaves.writeAt(out, path, value, source);
    }
    topLevelFields.add(path.get(0));
  }

  /** The fields {@code name} names, or {@code null} when the parameter is to be ignored. */
  private List<FieldDescriptor> resolve(String key, String name) {
    String[] components = name.split("\\.", -1);
    List<FieldDescriptor> path = new ArrayList<>(components.length);
    Descriptor current = binding.requestType();
    for (int i = 0; i < components.length; i++) {
      if (current == null) {
        FieldDescriptor parent = path.get(i - 1);
        throw StatusException.invalidArgument("query parameter \"" + key + "\": \"" + parent.getName() + "\" is "
            + (parent.isRepeated() ? "repeated" : "not a message")
            + " (expected: a path through singular message fields)");
      }
      FieldDescriptor field = lookup.find(current, components[i]);
      if (field == null) {
        if (strict) {
          throw StatusException.invalidArgument("unknown query parameter \"" + key + "\": no field \""
              + components[i] + "\" in " + current.getFullName());
        }
        return null;
      }
      path.add(field);
      String protoPath = protoPath(path, path.size());
      String boundBy = binding.boundBy(protoPath);
      if (boundBy != null) {
        ignoreBound(key, "field \"" + protoPath + "\" is bound by " + boundBy);
        return null;
      }
      OneofDescriptor oneof = field.getRealContainingOneof();
      String oneofBoundBy = oneof == null ? null : binding.boundOneof(protoPath(path, i), oneof);
      if (oneofBoundBy != null) {
        ignoreBound(key, "a member of oneof \"" + oneof.getName() + "\" is bound by " + oneofBoundBy);
        return null;
      }
      current = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()
          ? field.getMessageType() : null;
    }
    return path;
  }

  private void ignoreBound(String key, String why) {
    if (strict) {
      throw StatusException.invalidArgument("query parameter \"" + key + "\" is not allowed: " + why);
    }
  }

  private void checkOneofs(String key, List<FieldDescriptor> path) {
    for (int i = 0; i < path.size(); i++) {
      FieldDescriptor field = path.get(i);
      OneofDescriptor oneof = field.getRealContainingOneof();
      if (oneof == null) {
        continue;
      }
      String member = oneofMembers.putIfAbsent(protoPath(path, i) + "#" + oneof.getName(), field.getName());
      if (member != null && !member.equals(field.getName())) {
        throw StatusException.invalidArgument("query parameter \"" + key + "\": oneof \"" + oneof.getName()
            + "\" is already set by \"" + member + "\" (expected: at most one member of a oneof)");
      }
    }
  }

  /**
   * Refuses a singular field set twice, and a message set whole ({@code timestamp=...}) as well as field by field
   * ({@code timestamp.seconds=...}): either way one value would silently replace or extend the other.
   */
  private void checkConflicts(String key, List<FieldDescriptor> path, String protoPath, boolean singular) {
    boolean conflict = singular && (assigned.contains(protoPath) || containers.contains(protoPath));
    for (int i = 1; i < path.size() && !conflict; i++) {
      conflict = assigned.contains(protoPath(path, i));
    }
    if (conflict) {
      throw StatusException.invalidArgument("query parameter \"" + key
          + "\" is given more than once (expected: one value for a field that is not repeated)");
    }
    if (singular) {
      assigned.add(protoPath);
    }
    for (int i = 1; i < path.size(); i++) {
      containers.add(protoPath(path, i));
    }
  }

  private byte[] mapEntry(String key, String protoPath, FieldDescriptor map, String mapKey, String value,
      String source) {
    FieldDescriptor keyField = map.getMessageType().findFieldByNumber(1);
    FieldDescriptor valueField = map.getMessageType().findFieldByNumber(2);
    if (!leaves.isLeaf(valueField)) {
      throw StatusException.invalidArgument("query parameter \"" + key + "\": the values of \"" + map.getName()
          + "\" are the message " + valueField.getMessageType().getFullName()
          + " (expected: a map of scalars, enums or well-known types with a string form)");
    }
    byte[] encodedKey = WireEncoding.encode(out -> leaves.write(out, keyField, mapKey, "map key of " + source));
    if (!mapKeys.computeIfAbsent(protoPath, p -> new HashSet<>()).add(ByteString.copyFrom(encodedKey))) {
      throw StatusException.invalidArgument("query parameter \"" + key
          + "\" is given more than once (expected: one value per map key)");
    }
    byte[] entry = WireEncoding.encode(out -> {
      out.writeRawBytes(encodedKey);
      leaves.write(out, valueField, value, source);
    });
    return WireEncoding.encode(out -> out.writeByteArray(map.getNumber(), entry));
  }

  /** The first {@code count} fields of {@code path} in proto names, dotted; empty for none. */
  private static String protoPath(List<FieldDescriptor> path, int count) {
    if (count == 1) {
      return path.get(0).getName();
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append('.');
      }
      out.append(path.get(i).getName());
    }
    return out.toString();
  }
}
