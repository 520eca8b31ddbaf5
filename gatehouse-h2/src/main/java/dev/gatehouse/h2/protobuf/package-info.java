/**
 * Schema-less protobuf decoding (like {@code protoc --decode_raw}): {@link
 * dev.gatehouse.h2.protobuf.SchemalessProtobuf} turns message bytes into a readable JSON-like tree keyed by field
 * number, for when the lens has no descriptors.
 */
package dev.gatehouse.h2.protobuf;
