package dev.gatehouse.core.json;

import com.fasterxml.jackson.core.io.SerializedString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.Type;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.WireFormat;

/** One field of a {@link MessagePlan}: what the wire needs (number, wire type) and what JSON needs (names, kind). */
final class FieldPlan {
  final FieldDescriptor descriptor;
  /** Position in the message's fields, in declaration order. */
  final int index;
  final int number;
  final Type type;
  final int wireType;
  final int tag;
  /** The tag of a packed run of this field's values. */
  final int packedTag;
  final boolean repeated;
  final boolean map;
  /** A repeated scalar that the wire may carry packed. */
  final boolean packable;
  /** Whether JSON input writes this repeated field packed. */
  final boolean packed;
  /** Explicit presence: messages, oneof members, proto3 {@code optional}, proto2 fields. */
  final boolean hasPresence;
  /** Index of the real oneof this field belongs to, or -1. */
  final int oneofIndex;
  final String jsonName;
  final String protoName;
  /** The name this plan prints, per the options. */
  final SerializedString printName;
  final EnumPlan enumPlan;
  /** The type of a message field (for maps: the entry type). */
  final Descriptor messageType;
  /** For map fields: the entry's key and value fields. */
  final FieldPlan mapKey;
  final FieldPlan mapValue;
  private final ProtoJson owner;
  private volatile MessagePlan messagePlan;

  FieldPlan(ProtoJson owner, FieldDescriptor descriptor, int index, boolean useProtoNames) {
    this.owner = owner;
    this.descriptor = descriptor;
    this.index = index;
    this.number = descriptor.getNumber();
    this.type = descriptor.getType();
    this.wireType = wireTypeOf(type);
    this.tag = number << 3 | wireType;
    this.packedTag = number << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    this.repeated = descriptor.isRepeated();
    this.map = descriptor.isMapField();
    this.packable = repeated && descriptor.isPackable();
    this.packed = packable && descriptor.isPacked();
    this.hasPresence = descriptor.hasPresence();
    OneofDescriptor oneof = descriptor.getRealContainingOneof();
    this.oneofIndex = oneof == null ? -1 : oneof.getIndex();
    this.jsonName = descriptor.getJsonName();
    this.protoName = descriptor.getName();
    this.printName = new SerializedString(useProtoNames ? protoName : jsonName);
    this.enumPlan = type == Type.ENUM ? owner.enumPlan(descriptor.getEnumType()) : null;
    this.messageType = type == Type.MESSAGE || type == Type.GROUP ? descriptor.getMessageType() : null;
    if (map) {
      this.mapKey = new FieldPlan(owner, messageType.findFieldByNumber(1), 0, useProtoNames);
      this.mapValue = new FieldPlan(owner, messageType.findFieldByNumber(2), 1, useProtoNames);
    } else {
      this.mapKey = null;
      this.mapValue = null;
    }
  }

  /** The plan of this message field's type, built on first use so recursive types plan lazily. */
  MessagePlan messagePlan() {
    MessagePlan plan = messagePlan;
    if (plan == null) {
      plan = owner.plan(messageType);
      messagePlan = plan;
    }
    return plan;
  }

  boolean isMessage() {
    return messageType != null && !map;
  }

  /** A message field of type {@code google.protobuf.Value}, which takes JSON {@code null} as a value. */
  boolean isValueMessage() {
    return messageType != null && messageType.getFullName().equals("google.protobuf.Value");
  }

  /** Whether JSON {@code null} is a value here rather than "absent". */
  boolean takesNull() {
    return isValueMessage() || (enumPlan != null && enumPlan.isNullValue);
  }

  static int wireTypeOf(Type type) {
    switch (type) {
      case DOUBLE: case FIXED64: case SFIXED64:
        return WireFormat.WIRETYPE_FIXED64;
      case FLOAT: case FIXED32: case SFIXED32:
        return WireFormat.WIRETYPE_FIXED32;
      case STRING: case BYTES: case MESSAGE:
        return WireFormat.WIRETYPE_LENGTH_DELIMITED;
      case GROUP:
        return WireFormat.WIRETYPE_START_GROUP;
      default:
        return WireFormat.WIRETYPE_VARINT;
    }
  }
}
