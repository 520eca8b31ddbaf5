package dev.gatehouse.core.json;

import com.fasterxml.jackson.core.io.SerializedString;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** An enum type's names and numbers, both ways, with the printed names pre-encoded. */
final class EnumPlan {
  private static final int DENSE_LIMIT = 256;

  final EnumDescriptor descriptor;
  /** {@code google.protobuf.NullValue}, whose JSON form is {@code null}. */
  final boolean isNullValue;
  /** Unknown numbers are kept by open enums and dropped by closed (proto2) ones. */
  final boolean closed;
  final String expected;
  private final Map<String, Integer> numbersByName = new HashMap<>();
  private final SerializedString[] namesByNumber;
  private final Map<Integer, SerializedString> sparseNames = new HashMap<>();

  EnumPlan(EnumDescriptor descriptor) {
    this.descriptor = descriptor;
    this.isNullValue = descriptor.getFullName().equals("google.protobuf.NullValue");
    this.closed = descriptor.isClosed();
    int maxDense = -1;
    for (EnumValueDescriptor value : descriptor.getValues()) {
      numbersByName.put(value.getName(), value.getNumber());
      if (value.getNumber() >= 0 && value.getNumber() < DENSE_LIMIT) {
        maxDense = Math.max(maxDense, value.getNumber());
      }
    }
    namesByNumber = new SerializedString[maxDense + 1];
    // Aliases share a number; the first declared name is the one printed, as JsonFormat prints.
    for (EnumValueDescriptor value : descriptor.getValues()) {
      int number = value.getNumber();
      SerializedString name = new SerializedString(value.getName());
      if (number >= 0 && number < namesByNumber.length) {
        if (namesByNumber[number] == null) {
          namesByNumber[number] = name;
        }
      } else {
        sparseNames.putIfAbsent(number, name);
      }
    }
    String names = descriptor.getValues().stream().limit(8).map(EnumValueDescriptor::getName)
        .collect(Collectors.joining(", "));
    this.expected = "an enum " + descriptor.getFullName() + " name (" + names
        + (descriptor.getValues().size() > 8 ? ", ..." : "") + ") or number";
  }

  /** The number of a name, or {@code null}. */
  Integer number(String name) {
    return numbersByName.get(name);
  }

  /** The name printed for a number, or {@code null} when the number has no name. */
  SerializedString name(int number) {
    if (number >= 0 && number < namesByNumber.length) {
      return namesByNumber[number];
    }
    return sparseNames.get(number);
  }

  boolean isKnown(int number) {
    return name(number) != null;
  }
}
