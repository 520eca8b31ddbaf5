package dev.gatehouse.core.descriptor;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A path of fields from a root message to a field inside it ({@code book.author.name}), resolved once when the
 * routes are loaded. Every field but the last is a singular message field.
 *
 * @param fields the fields from the root down; never empty
 */
public record FieldPath(List<FieldDescriptor> fields) {

  public FieldPath {
    fields = List.copyOf(fields);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("fields: [] (expected: at least one field)");
    }
  }

  /**
   * Resolves a dotted path of proto field names ({@code a.b.c}) against {@code root}.
   *
   * @throws IllegalArgumentException naming the path and the component that does not resolve
   */
  public static FieldPath resolve(Descriptor root, String dottedPath) {
    if (dottedPath.isEmpty()) {
      throw new IllegalArgumentException("field path is empty (expected: a field of " + root.getFullName() + ")");
    }
    List<FieldDescriptor> fields = new ArrayList<>();
    Descriptor current = root;
    for (String name : dottedPath.split("\\.", -1)) {
      if (current == null) {
        throw new IllegalArgumentException("field path \"" + dottedPath + "\": \""
            + fields.get(fields.size() - 1).getName() + "\" is not a message field, so it has no field \"" + name + "\"");
      }
      FieldDescriptor field = current.findFieldByName(name);
      if (field == null) {
        throw new IllegalArgumentException("field path \"" + dottedPath + "\": no field \"" + name + "\" in "
            + current.getFullName());
      }
      if (!fields.isEmpty() && fields.get(fields.size() - 1).isRepeated()) {
        throw new IllegalArgumentException("field path \"" + dottedPath + "\": \""
            + fields.get(fields.size() - 1).getName() + "\" is repeated (expected: a singular message field)");
      }
      fields.add(field);
      current = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField()
          ? field.getMessageType() : null;
    }
    return new FieldPath(fields);
  }

  /** The field the path ends at. */
  public FieldDescriptor leaf() {
    return fields.get(fields.size() - 1);
  }

  /** The path in proto field names, dotted: {@code book.author_name}. */
  @Override
  public String toString() {
    return fields.stream().map(FieldDescriptor::getName).collect(Collectors.joining("."));
  }
}
