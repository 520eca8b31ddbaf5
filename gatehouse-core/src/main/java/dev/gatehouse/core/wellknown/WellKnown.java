package dev.gatehouse.core.wellknown;

import com.google.protobuf.Descriptors.Descriptor;

/**
 * The message types with a JSON form of their own; every other type, {@code Empty} included, is a JSON object. One
 * classification for the JSON transcoder and the request binder, so both agree on which types have a string form.
 */
public enum WellKnown {
  NONE, ANY, TIMESTAMP, DURATION, FIELD_MASK, STRUCT, VALUE, LIST_VALUE, WRAPPER;

  /** The kind of {@code type}, {@link #NONE} for an ordinary message. */
  public static WellKnown of(Descriptor type) {
    switch (type.getFullName()) {
      case "google.protobuf.Any":
        return ANY;
      case "google.protobuf.Timestamp":
        return TIMESTAMP;
      case "google.protobuf.Duration":
        return DURATION;
      case "google.protobuf.FieldMask":
        return FIELD_MASK;
      case "google.protobuf.Struct":
        return STRUCT;
      case "google.protobuf.Value":
        return VALUE;
      case "google.protobuf.ListValue":
        return LIST_VALUE;
      case "google.protobuf.DoubleValue":
      case "google.protobuf.FloatValue":
      case "google.protobuf.Int64Value":
      case "google.protobuf.UInt64Value":
      case "google.protobuf.Int32Value":
      case "google.protobuf.UInt32Value":
      case "google.protobuf.BoolValue":
      case "google.protobuf.StringValue":
      case "google.protobuf.BytesValue":
        return WRAPPER;
      default:
        return NONE;
    }
  }
}
